package dev.ticketkit.core;

import java.util.HashSet;
import java.util.Set;

/**
 * Remembers which builder settings were made, to reject a setting made twice. Not thread-safe;
 * belongs to one builder.
 */
final class Once {

  private final Set<String> done = new HashSet<>();

  /** Records the setting, or throws if it was already made. */
  void mark(String field) {
    if (!done.add(field)) {
      throw new IllegalStateException(field + " is already set");
    }
  }
}
