package dev.ticketkit.kb;

import java.util.Locale;
import java.util.Objects;

/**
 * One article of a bulk import ({@link KnowledgeBase#importPublished}): published at once as its
 * first revision.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param content the content
 * @param locale the language it is written in (a well-formed BCP 47 tag)
 * @param audience who may read it
 * @param owner who is responsible for it
 */
public record ArticleImport(ArticleContent content, Locale locale, Audience audience,
    String owner) {

  /**
   * Checks the fields are present (the rest is checked as the article is made).
   *
   * @throws NullPointerException if a field is null
   */
  public ArticleImport {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(owner, "owner");
  }
}
