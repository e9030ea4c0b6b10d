package dev.ticketkit.core.event;

import dev.ticketkit.core.TicketId;
import java.util.Objects;

/**
 * The resolution of a problem was proposed on one of its incidents (the header's ticket): the
 * incident got the problem's resolution summary and a public reply, and moved to a RESOLVED state.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param header the tenant, incident, version, actor, instant and cycle
 * @param problem the problem whose resolution was proposed
 */
public record IncidentResolutionProposed(EventHeader header, TicketId problem)
    implements TicketEvent {

  /**
   * Validates the event.
   *
   * @throws NullPointerException if a required part is null
   */
  public IncidentResolutionProposed {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(problem, "problem");
  }
}
