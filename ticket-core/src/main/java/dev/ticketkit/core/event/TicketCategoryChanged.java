package dev.ticketkit.core.event;

import dev.ticketkit.core.Category;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A ticket's category changed.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param header the tenant, ticket, version, actor, instant and cycle
 * @param from the category before, or null
 * @param to the category after, or null
 */
public record TicketCategoryChanged(
    EventHeader header,
    @Nullable Category from,
    @Nullable Category to)
    implements TicketEvent {

  /**
   * Validates the event.
   *
   * @throws NullPointerException if a required part is null
   */
  public TicketCategoryChanged {
    Objects.requireNonNull(header, "header");
  }
}
