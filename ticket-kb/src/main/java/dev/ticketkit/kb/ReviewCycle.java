package dev.ticketkit.kb;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.store.ArticleQuery;
import dev.ticketkit.kb.store.ArticleStore;
import dev.ticketkit.kb.store.ArticleTicketLink;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The monthly upkeep of the knowledge base: which published articles are due for review and
 * which are stale, as of the clock's current instant.
 *
 * <p>Due means the review date has come. Stale means the article needs more than a glance: see
 * {@link ReviewPolicy} and {@link StaleReason}. Archiving a stale article or confirming a due one
 * ({@link KnowledgeBase#confirmReviewed}) takes it off these lists. Thread-safe if the store is.
 */
public final class ReviewCycle {

  private final ArticleStore store;
  private final Clock clock;
  private final ReviewPolicy policy;

  /**
   * Creates the review cycle over a store.
   *
   * @param store the article store
   * @param clock the clock that says what "now" is
   * @param policy the review policy
   */
  public ReviewCycle(ArticleStore store, Clock clock, ReviewPolicy policy) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /**
   * Returns a tenant's published articles whose review date has come, oldest review date first.
   *
   * @param tenant the tenant
   * @return the articles due for review
   */
  public List<Article> dueForReview(TenantId tenant) {
    Instant now = clock.instant();
    ArticleQuery query = ArticleQuery.all().withStatuses(ArticleStatus.PUBLISHED)
        .withReviewByBefore(now.plusNanos(1));
    List<Article> due = new ArrayList<>(store.list(tenant, query));
    due.sort(Comparator.comparing(Article::reviewBy).thenComparing(Article::id));
    return due;
  }

  /**
   * Returns a tenant's stale published articles, those with the most reasons first.
   *
   * @param tenant the tenant
   * @return the stale articles with their reasons
   */
  public List<StaleArticle> staleArticles(TenantId tenant) {
    Instant now = clock.instant();
    List<StaleArticle> stale = new ArrayList<>();
    for (Article article : store.list(tenant, ArticleQuery.all()
        .withStatuses(ArticleStatus.PUBLISHED))) {
      ArticleStats stats = store.stats(tenant, article.id());
      long reopened = store.linksOfArticle(tenant, article.id()).stream()
          .filter(ArticleTicketLink::reopened).count();
      Set<StaleReason> reasons = reasons(article, stats, reopened, now);
      if (!reasons.isEmpty()) {
        stale.add(new StaleArticle(article, reasons, stats, reopened));
      }
    }
    stale.sort(Comparator.comparingInt((StaleArticle s) -> -s.reasons().size())
        .thenComparing(s -> s.article().id()));
    return stale;
  }

  private Set<StaleReason> reasons(Article article, ArticleStats stats, long reopened,
      Instant now) {
    Set<StaleReason> reasons = EnumSet.noneOf(StaleReason.class);
    Instant reviewBy = article.reviewBy();
    if (reviewBy != null && now.isAfter(reviewBy.plus(policy.grace()))) {
      reasons.add(StaleReason.PAST_REVIEW_BY);
    }
    if (reopened >= policy.reopenedTickets()) {
      reasons.add(StaleReason.REOPENED_TICKETS);
    }
    if (stats.votes() >= policy.minVotes() && stats.helpfulRatio() < policy.minHelpfulRatio()) {
      reasons.add(StaleReason.LOW_HELPFULNESS);
    }
    return reasons;
  }
}
