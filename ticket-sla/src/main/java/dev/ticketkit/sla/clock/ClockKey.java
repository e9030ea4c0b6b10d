package dev.ticketkit.sla.clock;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import java.util.Objects;

/**
 * Identifies one SLA clock: a tenant's ticket, a metric and the clock's cycle within that metric.
 *
 * <p>See {@link SlaMetric} for what the cycle counts. Keys sort by tenant, ticket, metric and
 * cycle. The text form is {@code tenant/ticket/METRIC#cycle}. Instances are immutable and
 * thread-safe.
 *
 * @param tenant the ticket's tenant
 * @param ticket the ticket
 * @param metric what the clock measures
 * @param cycle the clock's number within the metric, 1 or more
 */
public record ClockKey(TenantId tenant, TicketId ticket, SlaMetric metric, int cycle)
    implements Comparable<ClockKey> {

  /**
   * Validates the key.
   *
   * @throws NullPointerException if a part is null
   * @throws InvalidInputException if the cycle is below 1
   */
  public ClockKey {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(metric, "metric");
    if (cycle < 1) {
      throw new InvalidInputException("cycle", cycle, "must be 1 or more");
    }
  }

  /**
   * Returns a key.
   *
   * @param tenant the tenant
   * @param ticket the ticket
   * @param metric the metric
   * @param cycle the cycle, 1 or more
   * @return the key
   * @throws InvalidInputException if the cycle is below 1
   */
  public static ClockKey of(TenantId tenant, TicketId ticket, SlaMetric metric, int cycle) {
    return new ClockKey(tenant, ticket, metric, cycle);
  }

  /**
   * Orders keys by tenant, ticket, metric and cycle.
   *
   * @param other the other key
   * @return negative, zero or positive
   */
  @Override
  public int compareTo(ClockKey other) {
    if (this == other) {
      return 0;
    }
    int c = tenant.compareTo(other.tenant);
    if (c == 0) {
      c = ticket.compareTo(other.ticket);
    }
    if (c == 0) {
      c = metric.compareTo(other.metric);
    }
    return c != 0 ? c : Integer.compare(cycle, other.cycle);
  }

  /**
   * Returns {@code tenant/ticket/METRIC#cycle}.
   *
   * @return the text form
   */
  @Override
  public String toString() {
    return tenant + "/" + ticket + "/" + metric + "#" + cycle;
  }

  /**
   * Returns the number of the handoff a handoff clock measures.
   *
   * @return the handoff's number for {@link SlaMetric#HANDOFF_RESPONSE} and
   *     {@link SlaMetric#HANDOFF_FOLLOW_UP} clocks, 0 for other metrics
   */
  public int handoff() {
    return switch (metric) {
      case HANDOFF_RESPONSE -> cycle;
      case HANDOFF_FOLLOW_UP -> cycle / 1000;
      default -> 0;
    };
  }
}
