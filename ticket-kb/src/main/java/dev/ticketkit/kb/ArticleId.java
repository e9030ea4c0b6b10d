package dev.ticketkit.kb;

import dev.ticketkit.core.InvalidInputException;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a knowledge-base article across all tenants and application nodes.
 *
 * <p>An article id wraps a {@link UUID}. Ids order by their canonical text, which is also the
 * byte order a database keeps for UUID columns, so keyset paging agrees across stores.
 * Instances are immutable and thread-safe.
 *
 * @param value the UUID
 */
public record ArticleId(UUID value) implements Comparable<ArticleId> {

  /**
   * Validates the id.
   *
   * @throws NullPointerException if the value is null
   */
  public ArticleId {
    Objects.requireNonNull(value, "value");
  }

  /**
   * Returns the article id for a UUID.
   *
   * @param value the UUID
   * @return the article id
   */
  public static ArticleId of(UUID value) {
    return new ArticleId(value);
  }

  /**
   * Returns a new random (version 4) article id.
   *
   * @return a fresh id
   */
  public static ArticleId random() {
    return new ArticleId(UUID.randomUUID());
  }

  /**
   * Parses the text form written by {@link #toString()}.
   *
   * @param text a UUID in its canonical 36-character form
   * @return the article id
   * @throws NullPointerException if the text is null
   * @throws InvalidInputException if the text is not a UUID
   */
  public static ArticleId parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text == null || text.length() != 36) {
      throw new InvalidInputException("articleId", text, "must be a UUID in canonical form");
    }
    try {
      return new ArticleId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("articleId", text, "must be a UUID in canonical form");
    }
  }

  @Override
  public int compareTo(ArticleId other) {
    return toString().compareTo(other.toString());
  }

  /** Returns the canonical UUID text, which {@link #parse(String)} reads back. */
  @Override
  public String toString() {
    return value.toString();
  }
}
