package dev.ticketkit.report;

import java.util.Objects;

/**
 * A knowledge-base article linked as the solution of tickets in the period. Instances are
 * immutable and thread-safe.
 *
 * @param articleId the article's id
 * @param title its title
 * @param ticketsSolved tickets linked to it in the period
 */
public record SolvingArticle(String articleId, String title, long ticketsSolved) {

  /**
   * Validates the line.
   *
   * @throws NullPointerException if a part is null
   */
  public SolvingArticle {
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(title, "title");
  }
}
