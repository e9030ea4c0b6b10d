package dev.ticketkit.kb;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A published article the review cycle flags as stale, with the reasons and the evidence.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param article the article
 * @param reasons why it is stale, at least one
 * @param stats its votes and views
 * @param reopenedTickets how many tickets it solved were reopened
 */
public record StaleArticle(
    Article article, Set<StaleReason> reasons, ArticleStats stats, long reopenedTickets) {

  /**
   * Validates and copies the reasons.
   *
   * @throws IllegalArgumentException if there is no reason
   * @throws NullPointerException if a field is null
   */
  public StaleArticle {
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(stats, "stats");
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("a stale article needs a reason: " + article.id());
    }
    reasons = Set.copyOf(EnumSet.copyOf(reasons));
  }
}
