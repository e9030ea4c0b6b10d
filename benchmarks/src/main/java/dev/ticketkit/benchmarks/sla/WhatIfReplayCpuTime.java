package dev.ticketkit.benchmarks.sla;

import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.store.Page;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.policy.SlaCalendars;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.store.InMemorySlaStore;
import dev.ticketkit.sla.whatif.ComplianceRow;
import dev.ticketkit.sla.whatif.SlaReplay;
import dev.ticketkit.sla.whatif.WhatIf;
import dev.ticketkit.sla.whatif.WhatIfResult;
import dev.ticketkit.testkit.report.SupportWorld;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What-if replay of a month (issue 15, target: 100,000 tickets in at most 5 s): simulates March
 * 2026 of a helpdesk with the SLA engine ({@link SupportWorld}, default 100,000 tickets), then
 * replays the month's recorded history under the standard policies and under the same policies
 * with a 10-minute first reply on working days, measuring the calling thread's CPU time and the
 * wall time of {@code WhatIf.run(store, tenant, from, to)}
 * (reading each ticket's history from the in-memory store included) and of the replay over
 * histories already in memory. It also checks that the replay under the standard policies gives
 * exactly the clocks the engine stored, for every ticket.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -Xmx3g -cp benchmarks/target/benchmarks.jar dev.ticketkit.benchmarks.sla.WhatIfReplayCpuTime [tickets]
 * </pre>
 */
public final class WhatIfReplayCpuTime {

  private WhatIfReplayCpuTime() {}

  /**
   * Runs the measurement.
   *
   * @param args optionally the number of tickets
   */
  public static void main(String[] args) {
    int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    InMemoryTicketStore store = InMemoryTicketStore.create();
    InMemorySlaStore sla = InMemorySlaStore.create();
    Instant start = at("2026-03-01T00:00");
    Instant end = at("2026-04-01T00:00");
    long t0 = System.nanoTime();
    SupportWorld world = new SupportWorld(store, sla, start);
    world.plan(SupportWorld.ACME, start, end, tickets, 20261130);
    world.runUntil(at("2026-04-03T00:00"));
    System.out.printf(Locale.ROOT, "simulated %,d tickets in %.0f s%n", tickets,
        (System.nanoTime() - t0) / 1e9);

    List<List<HistoryEntry>> histories = new ArrayList<>();
    List<Ticket> all = new ArrayList<>();
    TicketQuery q = TicketQuery.builder().createdBetween(start, end).limit(1000).build();
    while (true) {
      Page<Ticket> page = store.query(SupportWorld.ACME, q);
      for (Ticket t : page.items()) {
        all.add(t);
        histories.add(store.history(SupportWorld.ACME, t.id()));
      }
      if (!page.hasNext()) {
        break;
      }
      q = q.withAfter(page.next());
    }
    long entries = histories.stream().mapToLong(List::size).sum();
    System.out.printf(Locale.ROOT, "%,d tickets created in March, %,d history entries%n",
        all.size(), entries);

    SlaPolicies standard = world.sla().policies();
    Instant asOf = world.clock().instant();
    SlaReplay replay = SlaReplay.of(standard);
    int differ = 0;
    for (int i = 0; i < all.size(); i++) {
      List<SlaClock> stored = sorted(sla.clocks(SupportWorld.ACME, all.get(i).id()));
      if (!sorted(replay.replay(histories.get(i), asOf).clocks()).equals(stored)) {
        differ++;
      }
    }
    System.out.printf(Locale.ROOT, "replay under the policies in force: %,d of %,d tickets"
        + " differ from the stored clocks%n", differ, all.size());

    WhatIf whatIf = WhatIf.of(standard, tenMinutes());
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < 8; i++) {
      boolean fromStore = i % 2 == 0;
      long c0 = cpu.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      WhatIfResult r = fromStore ? whatIf.run(store, SupportWorld.ACME, start, end)
          : whatIf.run(histories, end);
      long c1 = cpu.getCurrentThreadCpuTime();
      long w1 = System.nanoTime();
      ComplianceRow fr = r.total(SlaMetric.FIRST_RESPONSE);
      System.out.printf(Locale.ROOT, "%s %d (%s): %,d tickets, first reply %.1f%% -> %.1f%%,"
          + " %,d breaches gained; %.3f s CPU, %.3f s wall%n", i < 2 ? "warm-up" : "measured",
          i, fromStore ? "from the store" : "histories in memory", r.tickets(),
          100 * fr.actual().compliance(), 100 * fr.whatIf().compliance(), r.breachesGained(),
          (c1 - c0) / 1e9, (w1 - w0) / 1e9);
    }
  }

  private static List<SlaClock> sorted(List<SlaClock> clocks) {
    return clocks.stream().sorted(Comparator.comparing((SlaClock c) -> c.key().metric())
        .thenComparingInt(c -> c.key().cycle())).toList();
  }

  private static SlaPolicies tenMinutes() {
    try (InputStream in = SlaPolicies.class.getResourceAsStream("standard-policies.json")) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("\"within\": \"15m\"", "\"within\": \"10m\"");
      return SlaPolicies.fromJson(json, SlaCalendars.standard());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(SupportWorld.SHANGHAI).toInstant();
  }
}
