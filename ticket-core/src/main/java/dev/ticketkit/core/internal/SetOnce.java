package dev.ticketkit.core.internal;

import java.util.HashSet;
import java.util.Set;

/**
 * The one "set once" check of ticket-core's builders: remembers which settings were made and
 * rejects a setting made twice with an {@link IllegalStateException} naming it.
 *
 * <p>Internal: not part of the API (the package is not exported), used by the builders of every
 * ticket-core package. Not thread-safe; belongs to one builder.
 */
public final class SetOnce {

  private final Set<String> done = new HashSet<>();

  /** Creates an empty record of settings. */
  public SetOnce() {}

  /**
   * Records a setting, or throws if it was already made.
   *
   * @param setting the setting's name, as the message shows it
   * @throws IllegalStateException if the setting was already made
   */
  public void mark(String setting) {
    if (!done.add(setting)) {
      throw new IllegalStateException(setting + " is already set");
    }
  }

  /**
   * Tells whether a setting was made.
   *
   * @param setting the setting's name
   * @return true if {@link #mark} recorded it
   */
  public boolean isSet(String setting) {
    return done.contains(setting);
  }
}
