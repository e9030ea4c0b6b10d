package dev.ticketkit.core.store;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One page of query results and the cursor to the next page.
 *
 * <p>Instances are immutable and thread-safe if the items are.
 *
 * @param items the results on this page, in the query's order
 * @param next the cursor to the next page, or null when this is the last page
 * @param <T> the result type
 */
public record Page<T>(List<T> items, @Nullable PageCursor next) {

  /**
   * Copies the items.
   *
   * @throws NullPointerException if the list or an item is null
   */
  public Page {
    items = List.copyOf(Objects.requireNonNull(items, "items"));
  }

  /**
   * Tells whether another page follows.
   *
   * @return true if {@link #next()} is not null
   */
  public boolean hasNext() {
    return next != null;
  }
}
