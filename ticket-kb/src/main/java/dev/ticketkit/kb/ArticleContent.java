package dev.ticketkit.kb;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TextRule;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What an author writes: the title, the Markdown body, tags, the category and the type-specific
 * details. A revision keeps one of these as it was published.
 *
 * <p>Tags are trimmed and kept in their first-seen order without duplicates. Instances are
 * immutable and thread-safe.
 *
 * @param title the title, 1 to {@value #MAX_TITLE} chars, not blank
 * @param body the body in Markdown, at most {@value #MAX_BODY} chars (may be empty for a glossary
 *     entry or a video)
 * @param tags up to {@value #MAX_TAGS} tags, each 1 to 50 chars
 * @param category the category path
 * @param details the type-specific details, which also give the article's type
 */
public record ArticleContent(
    String title, String body, List<String> tags, CategoryPath category, ArticleDetails details) {

  /** The longest title accepted. */
  public static final int MAX_TITLE = 200;

  /** The longest body accepted. */
  public static final int MAX_BODY = 200_000;

  /** The most tags an article may carry. */
  public static final int MAX_TAGS = 30;

  /**
   * Validates and normalises the content.
   *
   * @throws InvalidInputException if a field is out of its documented range
   * @throws NullPointerException if the category or the details are null
   */
  public ArticleContent {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(tags, "tags");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(details, "details");
    Texts.requireText("title", title, MAX_TITLE);
    if (body == null || TextRule.length(body) > MAX_BODY) {
      throw new InvalidInputException("body", body, "must be at most " + MAX_BODY + " chars");
    }
    tags = normalisedTags(tags);
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(details, "details");
  }

  /**
   * Returns content with the given title and body, no tags, the root category and the given
   * details.
   *
   * @param title the title
   * @param body the Markdown body
   * @param details the type-specific details
   * @return the content
   * @throws InvalidInputException if a field is out of its documented range
   */
  public static ArticleContent of(String title, String body, ArticleDetails details) {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(details, "details");
    return new ArticleContent(title, body, List.of(), CategoryPath.ROOT, details);
  }

  /**
   * Returns the article type, taken from the details.
   *
   * @return the type
   */
  public ArticleType type() {
    return details.type();
  }

  /**
   * Returns a copy with other tags.
   *
   * @param newTags the tags
   * @return the copy
   * @throws InvalidInputException if a tag is out of range
   */
  public ArticleContent withTags(List<String> newTags) {
    Objects.requireNonNull(newTags, "newTags");
    return new ArticleContent(title, body, newTags, category, details);
  }

  /**
   * Returns a copy with another category.
   *
   * @param newCategory the category
   * @return the copy
   */
  public ArticleContent withCategory(CategoryPath newCategory) {
    return new ArticleContent(title, body, tags, newCategory, details);
  }

  /**
   * Returns a copy with another title and body.
   *
   * @param newTitle the title
   * @param newBody the Markdown body
   * @return the copy
   * @throws InvalidInputException if the title or body is out of range
   */
  public ArticleContent withText(String newTitle, String newBody) {
    Objects.requireNonNull(newTitle, "newTitle");
    Objects.requireNonNull(newBody, "newBody");
    return new ArticleContent(newTitle, newBody, tags, category, details);
  }

  private static List<String> normalisedTags(List<String> tags) {
    if (tags == null || tags.size() > MAX_TAGS) {
      throw new InvalidInputException("tags", tags, "must hold at most " + MAX_TAGS + " tags");
    }
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < tags.size(); i++) {
      String tag = tags.get(i) == null ? null : tags.get(i).strip();
      seen.add(Texts.requireText("tags[" + i + "]", tag, 50));
    }
    return List.copyOf(seen);
  }
}
