package dev.ticketkit.kb;

/**
 * The kind of a knowledge-base article; each kind has its own {@link ArticleDetails}.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum ArticleType {
  /** A frequently asked question and its answer. */
  FAQ,
  /** An operation guide: how to do something. */
  GUIDE,
  /** A troubleshooting manual with ordered steps. */
  TROUBLESHOOTING,
  /** A glossary entry: a term and its definition. */
  GLOSSARY,
  /** A video tutorial, with its address and running time. */
  VIDEO
}
