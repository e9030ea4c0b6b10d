package dev.ticketkit.kb;

/**
 * The named moves of the article lifecycle; {@link ArticleLifecycle} says from which status each
 * is legal and where it leads.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum ArticleAction {
  /** Change a draft's content. */
  EDIT,
  /** Hand a draft to review. */
  SUBMIT,
  /** Return an article under review to its author. */
  SEND_BACK,
  /** Publish an article under review; adds a revision. */
  PUBLISH,
  /** Change a published article's content; adds a revision. */
  REVISE,
  /** Confirm that a published article is still correct; moves its review date on. */
  CONFIRM_REVIEW,
  /** Withdraw an article. */
  ARCHIVE,
  /** Bring an archived article back as a draft. */
  RESTORE
}
