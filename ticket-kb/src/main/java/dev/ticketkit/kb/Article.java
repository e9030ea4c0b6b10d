package dev.ticketkit.kb;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A knowledge-base article as stored: its content plus who owns it, who may read it, where it
 * stands in the lifecycle, when it is due for review, and its storage version.
 *
 * <p>Votes, views and ticket links change far more often than the article and are kept apart
 * ({@link ArticleStats}, {@link dev.ticketkit.kb.store.ArticleTicketLink}), so a vote never conflicts
 * with an editor's save. Instances are immutable and thread-safe; changes go through
 * {@link KnowledgeBase}, which checks the lifecycle and bumps the version.
 *
 * @param id the article id
 * @param tenant the tenant that owns the article
 * @param content the current content (for a published article, the latest revision's content)
 * @param locale the language the article is written in, for example {@code zh-CN} or {@code en}
 * @param audience who may read it
 * @param owner the user responsible for keeping it correct
 * @param status the lifecycle status
 * @param reviewBy when the article is due for review, or null while it was never published
 * @param revision the number of the latest published revision, 0 if never published
 * @param version the storage version, 1 for a new article, bumped by every save
 * @param createdAt when the article was created
 * @param updatedAt when the article was last changed
 */
public record Article(
    ArticleId id,
    TenantId tenant,
    ArticleContent content,
    Locale locale,
    Audience audience,
    String owner,
    ArticleStatus status,
    @Nullable Instant reviewBy,
    int revision,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * Validates the article.
   *
   * @throws InvalidInputException if the locale is not a well-formed BCP 47 language tag of at most
   *     35 chars (see {@code ArticleLocales}), the owner is blank, the revision
   *     or version is negative, or the update precedes the creation
   * @throws NullPointerException if a not-null field is null
   */
  public Article {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    ArticleLocales.check(locale);
    Texts.requireActor("owner", owner);
    if (revision < 0 || version < 1) {
      throw new InvalidInputException("version", version + "/" + revision, "must be positive");
    }
    if (updatedAt.isBefore(createdAt)) {
      throw new InvalidInputException("updatedAt", updatedAt, "must not precede createdAt");
    }
  }

  /**
   * Returns the article's type, taken from its content.
   *
   * @return the type
   */
  public ArticleType type() {
    return content.type();
  }

  /**
   * Returns the article's title, taken from its content.
   *
   * @return the title
   */
  public String title() {
    return content.title();
  }

  /**
   * Returns the copy that the next save stores: the given content, status and review date, the
   * version bumped by one and the update instant set.
   *
   * @param newContent the content
   * @param newStatus the status
   * @param newReviewBy the review date, or null
   * @param newRevision the latest revision number
   * @param at when the change happens
   * @return the copy
   */
  Article next(
      ArticleContent newContent,
      ArticleStatus newStatus,
      @Nullable Instant newReviewBy,
      int newRevision,
      Instant at) {
    Instant updated = at.isBefore(updatedAt) ? updatedAt : at;
    return new Article(id, tenant, newContent, locale, audience, owner, newStatus, newReviewBy,
        newRevision, version + 1, createdAt, updated);
  }
}
