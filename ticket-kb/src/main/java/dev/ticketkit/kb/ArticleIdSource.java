package dev.ticketkit.kb;

/**
 * Makes the ids of new articles; the default makes random UUIDs, tests pass a deterministic one.
 *
 * <p>Implementations must be thread-safe and never return the same id twice.
 */
@FunctionalInterface
public interface ArticleIdSource {

  /**
   * Returns a new article id.
   *
   * @return an id never returned before
   */
  ArticleId next();
}
