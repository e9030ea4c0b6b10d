package dev.ticketkit.kb.store;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.kb.ArticleId;
import java.time.Instant;
import java.util.Objects;

/**
 * Records that an article solved a ticket. A ticket may link several articles and an article
 * solves many tickets; the pair (article, ticket) is linked at most once.
 *
 * <p>{@code reopened} turns true when the ticket was reopened after the link, a sign that the
 * article did not really solve it (one of the staleness signals of the review cycle).
 * Instances are immutable and thread-safe.
 *
 * @param tenant the tenant of both the article and the ticket
 * @param articleId the article
 * @param ticketId the ticket it solved
 * @param linkedBy who linked them
 * @param linkedAt when
 * @param reopened whether the ticket was reopened since
 */
public record ArticleTicketLink(
    TenantId tenant,
    ArticleId articleId,
    TicketId ticketId,
    String linkedBy,
    Instant linkedAt,
    boolean reopened) {

  /**
   * Validates the link.
   *
   * @throws InvalidInputException if {@code linkedBy} is blank
   * @throws NullPointerException if a field is null
   */
  public ArticleTicketLink {
    Objects.requireNonNull(linkedBy, "linkedBy");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(linkedAt, "linkedAt");
    if (linkedBy == null || linkedBy.isBlank()) {
      throw new InvalidInputException("linkedBy", linkedBy, "must not be blank");
    }
  }

  /**
   * Returns a copy marked as reopened.
   *
   * @return the copy
   */
  public ArticleTicketLink asReopened() {
    return new ArticleTicketLink(tenant, articleId, ticketId, linkedBy, linkedAt, true);
  }
}
