package dev.ticketkit.report.source;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.sla.clock.SlaMetric;
import java.time.Instant;
import java.util.Objects;

/**
 * One escalation level that fired on one SLA clock: a row of the escalation fact table, keyed by
 * {@code (tenant, ticketId, metric, clockCycle, level)}. Event-rule records of the SLA engine are
 * not escalation levels and never become rows. Instances are immutable and thread-safe.
 *
 * @param tenant the ticket's tenant
 * @param ticketId the ticket
 * @param metric the clock's metric
 * @param clockCycle the clock's cycle
 * @param level the ladder level, 1 or more
 * @param dueAt when the level was due
 * @param firedAt when it fired
 */
public record EscalationFact(
    TenantId tenant, TicketId ticketId, SlaMetric metric, int clockCycle, int level,
    Instant dueAt, Instant firedAt) {

  /**
   * Validates the row.
   *
   * @throws NullPointerException if a column is null
   * @throws InvalidInputException if the level is below 1
   */
  public EscalationFact {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(firedAt, "firedAt");
    if (level < 1) {
      throw new InvalidInputException("level", level, "must be 1 or more");
    }
  }
}
