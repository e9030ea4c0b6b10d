package dev.ticketkit.kb;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketKitException;
import java.util.Objects;

/**
 * Thrown when an article does not exist in the tenant named by the call (an article of another
 * tenant is "not found" too, never revealed).
 *
 * <p>Instances are immutable and therefore thread-safe.
 */
public class ArticleNotFoundException extends TicketKitException {

  private static final long serialVersionUID = 1L;

  private final TenantId tenant;
  private final ArticleId articleId;

  /**
   * Creates the exception.
   *
   * @param tenant the tenant searched
   * @param articleId the missing article
   */
  public ArticleNotFoundException(TenantId tenant, ArticleId articleId) {
    super("article " + articleId + " not found in tenant " + tenant);
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.articleId = Objects.requireNonNull(articleId, "articleId");
  }

  /**
   * Returns the tenant searched.
   *
   * @return the tenant
   */
  public TenantId tenant() {
    return tenant;
  }

  /**
   * Returns the missing article's id.
   *
   * @return the id
   */
  public ArticleId articleId() {
    return articleId;
  }
}
