package dev.ticketkit.kb;

import dev.ticketkit.core.TicketKitException;
import java.util.Objects;

/**
 * Thrown when a save names a version that is no longer the stored one: someone else changed the
 * article first (optimistic concurrency), or a new article's id is already taken.
 *
 * <p>Nothing was written. Reload the article, reapply the change and save again. Instances are
 * immutable and therefore thread-safe.
 */
public class ArticleVersionConflictException extends TicketKitException {

  private static final long serialVersionUID = 1L;

  private final ArticleId articleId;
  private final long expectedVersion;
  private final long actualVersion;

  /**
   * Creates the exception.
   *
   * @param articleId the article
   * @param expectedVersion the version the caller based its change on (0 for a new article)
   * @param actualVersion the version stored (0 when there is none)
   */
  public ArticleVersionConflictException(
      ArticleId articleId, long expectedVersion, long actualVersion) {
    super("article " + articleId + " is at version " + actualVersion
        + ", the change expected version " + expectedVersion);
    this.articleId = Objects.requireNonNull(articleId, "articleId");
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  /**
   * Returns the article's id.
   *
   * @return the id
   */
  public ArticleId articleId() {
    return articleId;
  }

  /**
   * Returns the version the rejected change was based on.
   *
   * @return the expected version, 0 for a new article
   */
  public long expectedVersion() {
    return expectedVersion;
  }

  /**
   * Returns the version found in the store.
   *
   * @return the stored version, 0 when there is none
   */
  public long actualVersion() {
    return actualVersion;
  }
}
