package dev.ticketkit.kb;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * One published state of an article: the content as it went live, who published it, when, and
 * why. Every publication and every revision of a published article adds one; they are numbered
 * 1, 2, 3... per article and never change.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param tenant the tenant that owns the article
 * @param articleId the article
 * @param number the revision number, from 1
 * @param content the content as published
 * @param author who published this revision
 * @param at when it was published
 * @param changeNote what changed and why, not blank
 */
public record ArticleRevision(
    TenantId tenant,
    ArticleId articleId,
    int number,
    ArticleContent content,
    String author,
    Instant at,
    String changeNote) {

  /** The longest change note accepted. */
  public static final int MAX_NOTE = 2_000;

  /**
   * Validates the revision.
   *
   * @throws InvalidInputException if the number is not positive or the author or note is blank
   * @throws NullPointerException if a field is null
   */
  public ArticleRevision {
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(changeNote, "changeNote");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(at, "at");
    if (number < 1) {
      throw new InvalidInputException("number", number, "must be positive");
    }
    Texts.requireActor("author", author);
    Texts.requireText("changeNote", changeNote, MAX_NOTE);
  }
}
