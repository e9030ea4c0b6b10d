package dev.ticketkit.kb;

import dev.ticketkit.core.TicketKitException;
import java.util.Objects;

/**
 * Thrown when a lifecycle action is not allowed: the action is not legal from the article's
 * status (for example publishing a draft that was never reviewed), or a guard of a legal action
 * fails (for example a revision that changes nothing).
 *
 * <p>Nothing was written. Instances are immutable and therefore thread-safe.
 */
public class IllegalArticleTransitionException extends TicketKitException {

  private static final long serialVersionUID = 1L;

  private final ArticleId articleId;
  private final ArticleStatus from;
  private final ArticleAction action;

  /**
   * Creates the exception.
   *
   * @param articleId the article
   * @param from the article's status
   * @param action the rejected action
   * @param reason why it is rejected
   */
  public IllegalArticleTransitionException(
      ArticleId articleId, ArticleStatus from, ArticleAction action, String reason) {
    super("cannot " + action + " article " + articleId + " in status " + from + ": "
        + Objects.requireNonNull(reason, "reason"));
    this.articleId = Objects.requireNonNull(articleId, "articleId");
    this.from = Objects.requireNonNull(from, "from");
    this.action = Objects.requireNonNull(action, "action");
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
   * Returns the status the article was in.
   *
   * @return the status
   */
  public ArticleStatus from() {
    return from;
  }

  /**
   * Returns the rejected action.
   *
   * @return the action
   */
  public ArticleAction action() {
    return action;
  }
}
