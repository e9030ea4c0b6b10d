package dev.ticketkit.core.event;

import dev.ticketkit.core.SupportTier;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A ticket moved to a higher support tier, by escalation or by a reopen.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param header the tenant, ticket, version, actor, instant and cycle
 * @param from the tier before
 * @param to the tier after
 * @param reason why, or null (a reopen gives the transition's name)
 */
public record TicketEscalated(
    EventHeader header,
    SupportTier from,
    SupportTier to,
    @Nullable String reason)
    implements TicketEvent {

  /**
   * Validates the event.
   *
   * @throws NullPointerException if a required part is null
   */
  public TicketEscalated {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }
}
