package dev.ticketkit.kb.store;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.ArticleStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which of a tenant's articles {@link ArticleStore#list} returns: by status, by review date, and
 * a keyset page (ids after a given one, at most a limit), always in id order.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param statuses the statuses to return; empty means every status
 * @param reviewByBefore if set, only articles whose review date is set and strictly before it
 * @param afterId if set, only articles whose id sorts after it
 * @param limit the most articles returned, positive
 */
public record ArticleQuery(
    Set<ArticleStatus> statuses,
    @Nullable Instant reviewByBefore,
    @Nullable ArticleId afterId,
    int limit) {

  /**
   * Validates the query and copies the statuses.
   *
   * @throws InvalidInputException if the limit is not positive
   */
  public ArticleQuery {
    statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    if (limit < 1) {
      throw new InvalidInputException("limit", limit, "must be positive");
    }
  }

  /**
   * Returns the query for every article of the tenant.
   *
   * @return the query
   */
  public static ArticleQuery all() {
    return new ArticleQuery(Set.of(), null, null, Integer.MAX_VALUE);
  }

  /**
   * Returns a copy that keeps only the given statuses.
   *
   * @param first a status
   * @param more more statuses
   * @return the copy
   */
  public ArticleQuery withStatuses(ArticleStatus first, ArticleStatus... more) {
    return new ArticleQuery(EnumSet.of(first, more), reviewByBefore, afterId, limit);
  }

  /**
   * Returns a copy that keeps only articles whose review date is strictly before an instant.
   *
   * @param instant the bound, exclusive
   * @return the copy
   */
  public ArticleQuery withReviewByBefore(Instant instant) {
    return new ArticleQuery(statuses, Objects.requireNonNull(instant, "instant"), afterId, limit);
  }

  /**
   * Returns a copy for the page after an id with at most {@code size} articles.
   *
   * @param after the last id of the previous page, or null for the first page
   * @param size the page size
   * @return the copy
   * @throws InvalidInputException if the size is not positive
   */
  public ArticleQuery withPage(@Nullable ArticleId after, int size) {
    return new ArticleQuery(statuses, reviewByBefore, after, size);
  }

  /**
   * Tells whether an article's status and review date match this query (not the page bounds).
   *
   * @param status the article's status
   * @param reviewBy the article's review date, or null
   * @return true if it matches
   */
  public boolean matches(ArticleStatus status, @Nullable Instant reviewBy) {
    return (statuses.isEmpty() || statuses.contains(status))
        && (reviewByBefore == null || (reviewBy != null && reviewBy.isBefore(reviewByBefore)));
  }
}
