package dev.ticketkit.core;

/**
 * Who may read a conversation entry. Enum constants are thread-safe.
 */
public enum Visibility {
  /** A public reply: the requester sees it. */
  PUBLIC,
  /** An internal note: only the support team sees it; never part of a {@link RequesterView}. */
  INTERNAL
}
