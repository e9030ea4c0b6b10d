package dev.ticketkit.sla.whatif;

import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.store.Page;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.store.LadderLevelDue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What-if replay of a period: the recorded history of its tickets replayed once under the SLA
 * policies that were in force and once under other policies (other targets, ladders or
 * calendars), side by side: compliance per metric and priority, escalations, breaches gained and
 * avoided, and every clock whose outcome changes, each with its explanation.
 *
 * <p>Nothing is written: the live ticket and SLA stores are only read (the ticket store for the
 * history), and the clocks of both replays live in memory for the length of the run. Replaying
 * under the policies in force reproduces the clocks the engine stored, exactly (see
 * {@link SlaReplay}). Immutable and thread-safe; each run is independent.
 *
 * <pre>{@code
 * SlaPolicies tighter = SlaPolicies.fromJson(json, calendars);  // first reply in 10 minutes
 * WhatIfResult r = WhatIf.of(engine.policies(), tighter)
 *     .run(ticketStore, tenant, monthStart, monthEnd);
 * r.rows();                       // compliance per metric and priority, actual and what-if
 * r.explain(r.changes().get(0));  // why that clock comes out differently
 * }</pre>
 */
public final class WhatIf {

  /** Tickets read per page from a ticket store. */
  private static final int PAGE = 500;

  private final SlaReplay actual;
  private final SlaReplay whatIf;

  private WhatIf(SlaReplay actual, SlaReplay whatIf) {
    this.actual = actual;
    this.whatIf = whatIf;
  }

  /**
   * Creates a what-if of two policy sets.
   *
   * @param inForce the policies that were in force, with their calendars
   * @param other the policies to try, with their calendars
   * @return the what-if
   */
  public static WhatIf of(dev.ticketkit.sla.policy.SlaPolicies inForce,
      dev.ticketkit.sla.policy.SlaPolicies other) {
    return new WhatIf(SlaReplay.of(Objects.requireNonNull(inForce, "inForce")),
        SlaReplay.of(Objects.requireNonNull(other, "other")));
  }

  /**
   * Replays the tickets of a tenant created in a period, up to the period's end: the tickets are
   * read page by page and each history once.
   *
   * @param store the ticket store, only read
   * @param tenant the tenant
   * @param from the period's first instant
   * @param to the instant after the period; open clocks are judged at it
   * @return the comparison
   * @throws InvalidInputException if {@code to} is not after {@code from}
   */
  public WhatIfResult run(TicketStore store, TenantId tenant, Instant from, Instant to) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(tenant, "tenant");
    if (!Objects.requireNonNull(to, "to").isAfter(Objects.requireNonNull(from, "from"))) {
      throw new InvalidInputException("to", to, "must be after from " + from);
    }
    Run run = new Run(to);
    TicketQuery query = TicketQuery.builder().createdBetween(from, to).limit(PAGE).build();
    while (true) {
      Page<Ticket> page = store.query(tenant, query);
      for (Ticket t : page.items()) {
        run.add(store.history(tenant, t.id()));
      }
      if (!page.hasNext()) {
        break;
      }
      query = query.withAfter(page.next());
    }
    return run.result();
  }

  /**
   * Replays the given histories up to an instant.
   *
   * @param histories the tickets' histories, each in {@code (ticketVersion, position)} order
   * @param asOf the instant to replay to; open clocks are judged at it
   * @return the comparison
   */
  public WhatIfResult run(Iterable<List<HistoryEntry>> histories, Instant asOf) {
    Objects.requireNonNull(histories, "histories");
    Run run = new Run(Objects.requireNonNull(asOf, "asOf"));
    for (List<HistoryEntry> h : histories) {
      run.add(h);
    }
    return run.result();
  }

  /** One run's tallies. */
  private final class Run {
    private final Instant asOf;
    private final Map<SlaMetric, Map<Priority, long[]>> counts = new EnumMap<>(SlaMetric.class);
    private final List<OutcomeChange> changes = new ArrayList<>();
    private long tickets;

    Run(Instant asOf) {
      this.asOf = asOf;
    }

    void add(List<HistoryEntry> history) {
      if (Objects.requireNonNull(history, "history").isEmpty()
          || history.get(0).at().isAfter(asOf)) {
        return;
      }
      List<HistoryChanges.Change> replayed = HistoryChanges.of(history, asOf);
      ReplayedTicket a = actual.replay(replayed, history.get(0), asOf);
      ReplayedTicket w = whatIf.replay(replayed, history.get(0), asOf);
      tickets++;
      Map<ClockKey, SlaClock> whatIfClocks = new LinkedHashMap<>();
      w.clocks().forEach(c -> whatIfClocks.put(c.key(), c));
      for (SlaClock c : a.clocks()) {
        compare(c, whatIfClocks.remove(c.key()));
      }
      for (SlaClock c : whatIfClocks.values()) {
        compare(null, c);
      }
      escalations(a.escalations(), a.clocks(), 3);
      escalations(w.escalations(), w.clocks(), 7);
    }

    private void compare(SlaClock a, SlaClock w) {
      ClockOutcome ao = ClockOutcome.of(a, asOf);
      ClockOutcome wo = ClockOutcome.of(w, asOf);
      if (a != null) {
        tally(a, ao, 0);
      }
      if (w != null) {
        tally(w, wo, 4);
      }
      if (ao != wo) {
        SlaClock any = a != null ? a : w;
        changes.add(new OutcomeChange(any.key(), any.target().priority(), ao, wo, a, w));
      }
    }

    private void tally(SlaClock c, ClockOutcome o, int base) {
      long[] n = cell(c.key().metric(), c.target().priority());
      n[base]++;
      if (o == ClockOutcome.MET) {
        n[base + 1]++;
      } else if (o == ClockOutcome.BREACHED) {
        n[base + 2]++;
      }
    }

    private void escalations(List<LadderLevelDue> fired, List<SlaClock> clocks, int slot) {
      if (fired.isEmpty()) {
        return;
      }
      Map<ClockKey, SlaClock> byKey = new HashMap<>();
      clocks.forEach(c -> byKey.put(c.key(), c));
      for (LadderLevelDue d : fired) {
        cell(d.clock().metric(), byKey.get(d.clock()).target().priority())[slot]++;
      }
    }

    private long[] cell(SlaMetric metric, Priority priority) {
      return counts.computeIfAbsent(metric, m -> new EnumMap<>(Priority.class))
          .computeIfAbsent(priority, p -> new long[8]);
    }

    WhatIfResult result() {
      List<ComplianceRow> rows = new ArrayList<>();
      counts.forEach((metric, byPriority) -> byPriority.forEach((priority, n) ->
          rows.add(new ComplianceRow(metric, priority,
              new ComplianceTally(n[0], n[1], n[2], n[3]),
              new ComplianceTally(n[4], n[5], n[6], n[7])))));
      return new WhatIfResult(asOf, tickets, rows, changes, actual, whatIf);
    }
  }
}
