package dev.ticketkit.kb;

/**
 * Who may read an article.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum Audience {
  /** Agents only: internal procedures, known issues, workarounds not yet public. */
  INTERNAL,
  /** Agents and requesters, once the article is published. */
  PUBLIC
}
