package dev.ticketkit.kb.store;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.ArticleId;
import java.util.Objects;

/**
 * One saved version of an article, numbered by the store in a sequence shared by every tenant:
 * what the search index of another node follows ({@link dev.ticketkit.kb.IndexFollower}).
 *
 * <p>Sequence numbers increase with each save but a store backed by a database may commit them
 * out of order and leave gaps (a rolled-back save); followers allow for both. Instances are
 * immutable and thread-safe.
 *
 * @param sequence the change's number, positive
 * @param tenant the article's tenant
 * @param articleId the article
 * @param version the version the save stored
 */
public record ArticleChange(long sequence, TenantId tenant, ArticleId articleId, long version) {

  /**
   * Validates the change.
   *
   * @throws InvalidInputException if the sequence or the version is not positive
   * @throws NullPointerException if the tenant or the article is null
   */
  public ArticleChange {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(articleId, "articleId");
    if (sequence < 1 || version < 1) {
      throw new InvalidInputException("sequence", sequence + "/" + version, "must be positive");
    }
  }
}
