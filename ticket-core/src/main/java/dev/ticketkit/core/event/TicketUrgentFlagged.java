package dev.ticketkit.core.event;

import dev.ticketkit.core.Priority;
import dev.ticketkit.core.SupportTier;
import java.util.Objects;

/**
 * A ticket became urgent, at intake or by a priority change: its tier lead should be told at once.
 * SLA and notification modules consume it.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param header the tenant, ticket, version, actor, instant and cycle
 * @param tier the tier that owns the ticket
 * @param priority the ticket's priority (URGENT)
 */
public record TicketUrgentFlagged(
    EventHeader header,
    SupportTier tier,
    Priority priority)
    implements TicketEvent {

  /**
   * Validates the event.
   *
   * @throws NullPointerException if a required part is null
   */
  public TicketUrgentFlagged {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(priority, "priority");
  }
}
