package dev.ticketkit.core.event;

import dev.ticketkit.core.Handoff;
import java.util.Objects;

/**
 * The department answered a handoff, or returned it without an answer ({@link Handoff#state()}).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param header the tenant, ticket, version, actor, instant and cycle
 * @param handoff the handoff after the change
 */
public record HandoffClosed(EventHeader header, Handoff handoff) implements TicketEvent {

  /**
   * Validates the event.
   *
   * @throws NullPointerException if a part is null
   */
  public HandoffClosed {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(handoff, "handoff");
  }
}
