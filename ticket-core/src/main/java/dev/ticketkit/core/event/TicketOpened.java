package dev.ticketkit.core.event;

import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Status;
import dev.ticketkit.core.SupportTier;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A ticket was taken in. Followed by {@link TicketUrgentFlagged} when it arrived as urgent.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param header the tenant, ticket, version, actor, instant and cycle
 * @param number the per-tenant number
 * @param channel the intake channel
 * @param priority the priority at intake
 * @param status the initial status
 * @param tier the support tier at intake
 * @param category the category at intake, or null
 */
public record TicketOpened(
    EventHeader header,
    long number,
    Channel channel,
    Priority priority,
    Status status,
    SupportTier tier,
    @Nullable Category category)
    implements TicketEvent {

  /**
   * Validates the event.
   *
   * @throws NullPointerException if a required part is null
   */
  public TicketOpened {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(tier, "tier");
  }
}
