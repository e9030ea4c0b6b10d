package dev.ticketkit.sla.policy;

import dev.ticketkit.core.Priority;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Values per priority with a fallback for the priorities not listed ({@code "*"} in JSON).
 *
 * <p>Instances are immutable and thread-safe if the values are.
 *
 * @param specific the values of listed priorities
 * @param fallback the value of every other priority, or null for none
 * @param <T> the value type
 */
public record ByPriority<T>(Map<Priority, T> specific, @Nullable T fallback) {

  /**
   * Copies the map.
   */
  public ByPriority {
    specific = specific.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(specific));
  }

  /**
   * Returns the value for a priority: its own, else the fallback.
   *
   * @param priority the priority
   * @return the value, or empty if neither is given
   */
  public Optional<T> get(Priority priority) {
    T value = specific.get(priority);
    return Optional.ofNullable(value != null ? value : fallback);
  }
}
