package dev.ticketkit.kb;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The article lifecycle as data: for each status, the legal actions and the status each leads to.
 *
 * <pre>
 * DRAFT     --EDIT--> DRAFT, --SUBMIT--> IN_REVIEW, --ARCHIVE--> ARCHIVED
 * IN_REVIEW --SEND_BACK--> DRAFT, --PUBLISH--> PUBLISHED, --ARCHIVE--> ARCHIVED
 * PUBLISHED --REVISE--> PUBLISHED, --CONFIRM_REVIEW--> PUBLISHED, --ARCHIVE--> ARCHIVED
 * ARCHIVED  --RESTORE--> DRAFT
 * </pre>
 *
 * <p>Stateless and thread-safe; the table is built once.
 */
public final class ArticleLifecycle {

  private static final Map<ArticleStatus, Map<ArticleAction, ArticleStatus>> TABLE = table();

  private ArticleLifecycle() {}

  /**
   * Returns where an action leads from a status, if it is legal there.
   *
   * @param from the current status
   * @param action the action
   * @return the resulting status, or empty if the action is not legal from {@code from}
   */
  public static Optional<ArticleStatus> target(ArticleStatus from, ArticleAction action) {
    Objects.requireNonNull(action, "action");
    return Optional.ofNullable(TABLE.get(from).get(action));
  }

  /**
   * Returns the actions legal from a status.
   *
   * @param from the status
   * @return the legal actions, unmodifiable
   */
  public static Set<ArticleAction> allowed(ArticleStatus from) {
    return Collections.unmodifiableSet(TABLE.get(from).keySet());
  }

  private static Map<ArticleStatus, Map<ArticleAction, ArticleStatus>> table() {
    Map<ArticleStatus, Map<ArticleAction, ArticleStatus>> table = new EnumMap<>(ArticleStatus.class);
    for (ArticleStatus status : ArticleStatus.values()) {
      table.put(status, new EnumMap<>(ArticleAction.class));
    }
    put(table, ArticleStatus.DRAFT, ArticleAction.EDIT, ArticleStatus.DRAFT);
    put(table, ArticleStatus.DRAFT, ArticleAction.SUBMIT, ArticleStatus.IN_REVIEW);
    put(table, ArticleStatus.DRAFT, ArticleAction.ARCHIVE, ArticleStatus.ARCHIVED);
    put(table, ArticleStatus.IN_REVIEW, ArticleAction.SEND_BACK, ArticleStatus.DRAFT);
    put(table, ArticleStatus.IN_REVIEW, ArticleAction.PUBLISH, ArticleStatus.PUBLISHED);
    put(table, ArticleStatus.IN_REVIEW, ArticleAction.ARCHIVE, ArticleStatus.ARCHIVED);
    put(table, ArticleStatus.PUBLISHED, ArticleAction.REVISE, ArticleStatus.PUBLISHED);
    put(table, ArticleStatus.PUBLISHED, ArticleAction.CONFIRM_REVIEW, ArticleStatus.PUBLISHED);
    put(table, ArticleStatus.PUBLISHED, ArticleAction.ARCHIVE, ArticleStatus.ARCHIVED);
    put(table, ArticleStatus.ARCHIVED, ArticleAction.RESTORE, ArticleStatus.DRAFT);
    return table;
  }

  private static void put(
      Map<ArticleStatus, Map<ArticleAction, ArticleStatus>> table,
      ArticleStatus from,
      ArticleAction action,
      ArticleStatus to) {
    table.get(from).put(action, to);
  }
}
