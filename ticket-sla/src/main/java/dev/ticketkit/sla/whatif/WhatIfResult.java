package dev.ticketkit.sla.whatif;

import dev.ticketkit.core.TicketId;
import dev.ticketkit.sla.clock.SlaMetric;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outcome of a {@link WhatIf} run: the period's clocks under the policies in force beside the
 * same clocks under the other policies. Immutable and thread-safe.
 */
public final class WhatIfResult {

  private final Instant asOf;
  private final long tickets;
  private final List<ComplianceRow> rows;
  private final List<OutcomeChange> changes;
  private final SlaReplay actual;
  private final SlaReplay whatIf;

  WhatIfResult(Instant asOf, long tickets, List<ComplianceRow> rows, List<OutcomeChange> changes,
      SlaReplay actual, SlaReplay whatIf) {
    this.asOf = asOf;
    this.tickets = tickets;
    this.rows = List.copyOf(rows);
    this.changes = List.copyOf(changes);
    this.actual = actual;
    this.whatIf = whatIf;
  }

  /**
   * Returns the instant the histories were replayed to; open clocks are judged at it.
   *
   * @return the instant
   */
  public Instant asOf() {
    return asOf;
  }

  /**
   * Returns the number of tickets replayed.
   *
   * @return the count
   */
  public long tickets() {
    return tickets;
  }

  /**
   * Returns compliance per metric and priority, actual beside what-if, in metric then priority
   * order; a metric and priority without clocks under either policy set has no row.
   *
   * @return the rows
   */
  public List<ComplianceRow> rows() {
    return rows;
  }

  /**
   * Returns the totals of one metric over every priority.
   *
   * @param metric the metric
   * @return the row, with the priority of its first row (URGENT if there is none)
   */
  public ComplianceRow total(SlaMetric metric) {
    Objects.requireNonNull(metric, "metric");
    long[] n = new long[8];
    dev.ticketkit.core.Priority first = null;
    for (ComplianceRow r : rows) {
      if (r.metric() == metric) {
        first = first == null ? r.priority() : first;
        add(n, 0, r.actual());
        add(n, 4, r.whatIf());
      }
    }
    return new ComplianceRow(metric, first == null ? dev.ticketkit.core.Priority.URGENT : first,
        new ComplianceTally(n[0], n[1], n[2], n[3]), new ComplianceTally(n[4], n[5], n[6], n[7]));
  }

  private static void add(long[] n, int base, ComplianceTally t) {
    n[base] += t.clocks();
    n[base + 1] += t.met();
    n[base + 2] += t.breached();
    n[base + 3] += t.escalations();
  }

  /**
   * Returns every clock whose outcome differs, in the order the tickets were replayed.
   *
   * @return the changes
   */
  public List<OutcomeChange> changes() {
    return changes;
  }

  /**
   * Returns the number of clocks the other policies would have breached that were not breached.
   *
   * @return the count
   */
  public long breachesGained() {
    return changes.stream().filter(OutcomeChange::breachGained).count();
  }

  /**
   * Returns the number of breached clocks the other policies would have kept within target.
   *
   * @return the count
   */
  public long breachesAvoided() {
    return changes.stream().filter(OutcomeChange::breachAvoided).count();
  }

  /**
   * Returns the tickets with at least one clock whose outcome differs, in replay order.
   *
   * @return the tickets
   */
  public Set<TicketId> changedTickets() {
    return changes.stream().map(c -> c.key().ticket())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /**
   * Explains one changed clock: both outcomes, then the account of each clock (start, target and
   * why, calendar, pauses, elapsed, due, holidays and make-up days passed).
   *
   * @param change one of {@link #changes()}
   * @return the explanation, several lines
   */
  public String explain(OutcomeChange change) {
    Objects.requireNonNull(change, "change");
    StringBuilder b = new StringBuilder();
    b.append(change.key().metric()).append(" #").append(change.key().cycle())
        .append(" of ticket ").append(change.key().ticket()).append(": ")
        .append(change.actual()).append(" actually, ").append(change.whatIf())
        .append(" under the other policies\n");
    b.append("-- actual --\n").append(change.actualClock() == null ? "no clock\n"
        : actual.explain(change.actualClock(), asOf));
    b.append("-- what-if --\n").append(change.whatIfClock() == null ? "no clock\n"
        : whatIf.explain(change.whatIfClock(), asOf));
    return b.toString();
  }

  /**
   * Explains every changed clock of one ticket.
   *
   * @param ticket the ticket
   * @return the explanations, or an empty text if no clock of the ticket changed
   */
  public String explain(TicketId ticket) {
    Objects.requireNonNull(ticket, "ticket");
    return changes.stream().filter(c -> c.key().ticket().equals(ticket)).map(this::explain)
        .collect(Collectors.joining("\n"));
  }
}
