package dev.ticketkit.core.event;

import dev.ticketkit.core.Handoff;
import java.util.Objects;

/**
 * A ticket was handed to another department (its owner keeps it).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param header the tenant, ticket, version, actor, instant and cycle
 * @param handoff the handoff after the change
 */
public record HandoffOpened(EventHeader header, Handoff handoff) implements TicketEvent {

  /**
   * Validates the event.
   *
   * @throws NullPointerException if a part is null
   */
  public HandoffOpened {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(handoff, "handoff");
  }
}
