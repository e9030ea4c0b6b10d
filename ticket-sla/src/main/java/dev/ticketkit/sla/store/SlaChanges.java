package dev.ticketkit.sla.store;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.sla.clock.ClockKey;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The clock updates of one ticket change, which a {@link SlaStore} writes all or nothing.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param updates the updates, at most one per clock
 */
public record SlaChanges(List<ClockUpdate> updates) {

  /** Changes that change nothing. */
  public static final SlaChanges NONE = new SlaChanges(List.of());

  /**
   * Validates the changes and copies the list.
   *
   * @throws NullPointerException if the list or an update is null
   * @throws InvalidInputException if two updates are for the same clock
   */
  public SlaChanges {
    updates = List.copyOf(updates);
    Set<ClockKey> keys = updates.size() > 8 ? new HashSet<>() : null;
    for (int i = 0; i < updates.size(); i++) {
      if (repeated(updates, i, keys)) {
        throw new InvalidInputException("updates[" + i + "]", updates.get(i).clock().key(),
            "updates a clock that an earlier update already updates");
      }
    }
  }

  private static boolean repeated(List<ClockUpdate> updates, int i, @Nullable Set<ClockKey> keys) {
    ClockKey key = updates.get(i).clock().key();
    if (keys != null) {
      return !keys.add(key);
    }
    for (int j = 0; j < i; j++) {
      if (updates.get(j).clock().key().equals(key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns changes of the given updates.
   *
   * @param updates the updates
   * @return the changes
   */
  public static SlaChanges of(ClockUpdate... updates) {
    return new SlaChanges(List.of(updates));
  }

  /**
   * Tells whether there is nothing to write.
   *
   * @return true without updates
   */
  public boolean isEmpty() {
    return updates.isEmpty();
  }
}
