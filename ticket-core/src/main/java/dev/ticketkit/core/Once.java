package dev.ticketkit.core;

import dev.ticketkit.core.internal.SetOnce;

/**
 * {@link SetOnce} under the name {@code TicketServiceBuilder} knows it by; the mechanism lives in
 * {@link SetOnce}. Not thread-safe; belongs to one builder.
 */
final class Once {

  private final SetOnce done = new SetOnce();

  /** Records the setting, or throws if it was already made. */
  void mark(String field) {
    done.mark(field);
  }
}
