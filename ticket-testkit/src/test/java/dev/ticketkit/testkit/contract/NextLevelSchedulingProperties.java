package dev.ticketkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.store.ClockUpdate;
import dev.ticketkit.sla.store.DueWork;
import dev.ticketkit.sla.store.InMemorySlaStore;
import dev.ticketkit.sla.store.LadderLevelDue;
import dev.ticketkit.sla.store.SlaChanges;
import dev.ticketkit.sla.store.SlaStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The store keeps only each clock's next ladder level as due work (issue 17); this checks it
 * against a slow oracle of the scheduling it replaced, in which every level of a schedule was
 * due work at once. Random clocks get random schedules shaped as {@code EscalationPlanner}
 * computes them: due instants that do not decrease with the level, except that the first levels
 * may be due at once (shares a breached clock has passed) while later ones lie in the past
 * (its breach levels); they are rewritten (a retarget or resume: a new schedule, levels done are
 * not scheduled again) or dropped (a pause or stop) between ticks, and each tick claims until
 * nothing is due. The levels handed over at each tick, the done records and what stays pending
 * must be the same.
 */
class NextLevelSchedulingProperties {

  private static final Instant BASE = Instant.parse("2090-06-01T00:00:00Z");
  private static final SlaMetric[] METRICS = {SlaMetric.ACCEPTANCE, SlaMetric.FIRST_RESPONSE,
      SlaMetric.PERIODIC_UPDATE, SlaMetric.RESOLUTION};

  /** One step: a tick at a minute, or a clock's new schedule (due minutes; empty drops it). */
  record Step(boolean tick, int minute, int clock, List<Integer> dueMinutes) {}

  @Provide
  Arbitrary<List<Step>> stories() {
    Arbitrary<List<Integer>> sorted = Arbitraries.integers().between(-60, 120).list()
        .ofMinSize(0).ofMaxSize(4).map(l -> l.stream().sorted().toList());
    // The first `reached` levels are due at once (minute 0 from the write), the rest as drawn.
    Arbitrary<List<Integer>> schedule = Combinators.combine(sorted,
        Arbitraries.integers().between(0, 4)).as((dues, reached) -> {
          List<Integer> out = new ArrayList<>(dues);
          for (int i = 0; i < Math.min(reached, out.size()); i++) {
            out.set(i, 0);
          }
          return List.copyOf(out);
        });
    Arbitrary<Step> write = Combinators.combine(Arbitraries.integers().between(0, 3), schedule)
        .as((clock, dues) -> new Step(false, 0, clock, dues));
    Arbitrary<Step> tick = Arbitraries.integers().between(0, 15)
        .map(m -> new Step(true, m, 0, List.of()));
    return Arbitraries.oneOf(write, tick, tick).list().ofMinSize(1).ofMaxSize(25);
  }

  @Property(tries = 300)
  void theNextLevelOnlyStoreHandsOverWhatTheAllLevelsOracleWould(
      @ForAll("stories") List<Step> story) {
    SlaStore store = InMemorySlaStore.create();
    TenantId tenant = SlaFixtures.tenant("oracle");
    TicketId ticket = SlaFixtures.ticket();
    Oracle oracle = new Oracle();
    int now = 0;
    for (Step step : story) {
      if (step.tick()) {
        now += step.minute();
        Instant at = BASE.plus(Duration.ofMinutes(now));
        assertThat(drain(store, at)).as("handed over at minute %d", now)
            .containsExactlyInAnyOrderElementsOf(oracle.tick(at));
      } else {
        ClockKey k = SlaFixtures.key(tenant, ticket, METRICS[step.clock()], 1);
        List<LadderLevelDue> levels = new ArrayList<>();
        for (int i = 0; i < step.dueMinutes().size(); i++) {
          levels.add(new LadderLevelDue(k, i + 1,
              BASE.plus(Duration.ofMinutes(now + step.dueMinutes().get(i)))));
        }
        store.write(SlaChanges.of(new ClockUpdate(SlaFixtures.running(k), levels)));
        oracle.write(k, levels);
      }
    }
    assertThat(store.pending(tenant, ticket)).containsExactlyInAnyOrderElementsOf(oracle.pending());
    assertThat(store.done(tenant, ticket)).extracting(d -> d.work())
        .containsExactlyInAnyOrderElementsOf(oracle.done);
  }

  /** Claims what is due until nothing is, as a tick does; returns what was handed over. */
  private static List<DueWork> drain(SlaStore store, Instant at) {
    List<DueWork> seen = new ArrayList<>();
    for (List<DueWork> due = store.due(at, 3); !due.isEmpty(); due = store.due(at, 3)) {
      store.claim(due, at, seen::add);
    }
    return seen;
  }

  /** The scheduling before issue 17: every level of a schedule is pending at once. */
  private static final class Oracle {
    final Map<ClockKey, TreeMap<Integer, LadderLevelDue>> pending = new HashMap<>();
    final Set<DueWork> done = new HashSet<>();
    final Set<String> doneKeys = new HashSet<>();

    void write(ClockKey k, List<LadderLevelDue> levels) {
      TreeMap<Integer, LadderLevelDue> schedule = new TreeMap<>();
      for (LadderLevelDue l : levels) {
        if (!doneKeys.contains(l.key())) {
          schedule.put(l.level(), l);
        }
      }
      pending.put(k, schedule);
    }

    List<DueWork> tick(Instant at) {
      List<DueWork> fired = new ArrayList<>();
      for (TreeMap<Integer, LadderLevelDue> schedule : pending.values()) {
        schedule.values().removeIf(l -> {
          if (l.dueAt().isAfter(at)) {
            return false;
          }
          fired.add(l);
          done.add(l);
          doneKeys.add(l.key());
          return true;
        });
      }
      return fired;
    }

    List<DueWork> pending() {
      List<DueWork> out = new ArrayList<>();
      pending.values().forEach(s -> out.addAll(s.values()));
      return out;
    }
  }
}
