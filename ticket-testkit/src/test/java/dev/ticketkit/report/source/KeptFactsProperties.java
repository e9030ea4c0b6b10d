package dev.ticketkit.report.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.report.internal.FactDerivation;
import dev.ticketkit.report.internal.FactSet;
import dev.ticketkit.report.internal.MemoryFactReader;
import dev.ticketkit.sla.store.InMemorySlaStore;
import dev.ticketkit.testkit.report.SupportWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The facts a following source keeps (cycle facts at commit, clock and escalation facts re-read
 * for the tickets commits marked) equal the facts derived afresh from the stores (the slow
 * obvious derivation), after any sequence of helpdesk steps with reports opened in between:
 * intakes, replies, resolutions, reopens, escalation levels fired by the SLA ticks, breaches.
 */
class KeptFactsProperties {

  private static final Instant START = Instant.parse("2026-02-01T16:00:00Z");

  @Property(tries = 15)
  void keptFactsEqualFactsDerivedAfresh(@ForAll long seed,
      @ForAll @IntRange(min = 5, max = 60) int tickets,
      @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 120) Integer> stepHours,
      @ForAll boolean reportBeforeTraffic) {
    InMemoryTicketStore store = InMemoryTicketStore.create();
    InMemorySlaStore sla = InMemorySlaStore.create();
    SupportWorld w = new SupportWorld(store, sla, START);
    InMemoryReportSource following = InMemoryReportSource.following(store, sla);
    w.service().attach(following);
    w.plan(SupportWorld.ACME, START, START.plus(Duration.ofDays(10)), tickets, seed);
    if (reportBeforeTraffic) {
      assertSame(following, store, sla);
    }
    Instant at = START;
    for (int hours : stepHours) {
      at = at.plus(Duration.ofHours(hours));
      w.runUntil(at);
      assertSame(following, store, sla);
    }
  }

  private static void assertSame(InMemoryReportSource following, InMemoryTicketStore store,
      InMemorySlaStore sla) {
    FactSet fresh = FactDerivation.derive(store, sla, SupportWorld.ACME);
    FactSet kept;
    try (FactReader r = following.open(SupportWorld.ACME)) {
      kept = ((MemoryFactReader) r).facts();
    }
    assertThat(kept.cycles()).containsExactlyInAnyOrderElementsOf(fresh.cycles());
    assertThat(kept.clocks()).containsExactlyInAnyOrderElementsOf(fresh.clocks());
    assertThat(kept.escalations()).containsExactlyInAnyOrderElementsOf(fresh.escalations());
  }
}
