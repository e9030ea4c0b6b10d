package dev.ticketkit.core.event;

import java.util.Objects;
import java.util.Set;

/**
 * Descriptive fields of a ticket were edited (subject, description, custom fields...).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param header the tenant, ticket, version, actor, instant and cycle
 * @param fields the names of the changed fields, as in {@link dev.ticketkit.core.TicketField}
 */
public record TicketEdited(EventHeader header, Set<String> fields) implements TicketEvent {

  /**
   * Validates the event.
   *
   * @throws NullPointerException if a required part is null
   */
  public TicketEdited {
    Objects.requireNonNull(header, "header");
    fields = Set.copyOf(fields);
  }
}
