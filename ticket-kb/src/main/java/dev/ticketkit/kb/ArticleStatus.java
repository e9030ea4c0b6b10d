package dev.ticketkit.kb;

/**
 * Where an article stands in its lifecycle; {@link ArticleLifecycle} holds the legal moves.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum ArticleStatus {
  /** Being written; visible to agents only. */
  DRAFT,
  /** Submitted and waiting for a reviewer to publish it or send it back. */
  IN_REVIEW,
  /** Live; requesters see it when its audience is {@link Audience#PUBLIC}. */
  PUBLISHED,
  /** Withdrawn; kept with its revisions but shown to nobody but agents. */
  ARCHIVED
}
