package dev.ticketkit.core.event;

import dev.ticketkit.core.Handoff;
import java.util.Objects;

/**
 * The owner asked the department for news of an open handoff (a department check).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param header the tenant, ticket, version, actor, instant and cycle
 * @param handoff the handoff after the change
 */
public record HandoffChecked(EventHeader header, Handoff handoff) implements TicketEvent {

  /**
   * Validates the event.
   *
   * @throws NullPointerException if a part is null
   */
  public HandoffChecked {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(handoff, "handoff");
  }
}
