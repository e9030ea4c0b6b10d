package dev.ticketkit.core;

import org.jspecify.annotations.Nullable;

/**
 * The requester's satisfaction rating of a resolution, with an optional comment.
 *
 * <p>The text form is the level, followed by {@code ": "} and the comment when there is one, for
 * example {@code DISSATISFIED: still crashes on login}; {@link #parse(String)} reads it back.
 * Instances are immutable and thread-safe.
 *
 * @param satisfaction the level
 * @param comment the requester's comment, 1 to {@value #MAX_COMMENT_LENGTH} characters, or null
 */
public record Rating(Satisfaction satisfaction, @Nullable String comment) {

  /** The longest comment accepted. */
  public static final int MAX_COMMENT_LENGTH = 2000;

  private static final String SEPARATOR = ": ";
  private static final TextRule COMMENT = TextRule.text(MAX_COMMENT_LENGTH);

  /**
   * Validates the rating.
   *
   * @throws InvalidInputException if the level is null or the comment is blank or too long
   */
  public Rating {
    Texts.notNull("rating.satisfaction", satisfaction);
    COMMENT.optional("rating.comment", comment);
  }

  /**
   * Returns a rating without a comment.
   *
   * @param satisfaction the level
   * @return the rating
   */
  public static Rating of(Satisfaction satisfaction) {
    return new Rating(satisfaction, null);
  }

  /**
   * Returns a rating with a comment.
   *
   * @param satisfaction the level
   * @param comment the comment, or null for none
   * @return the rating
   * @throws InvalidInputException if the comment is blank or too long
   */
  public static Rating of(Satisfaction satisfaction, @Nullable String comment) {
    return new Rating(satisfaction, comment);
  }

  /**
   * Parses the text form.
   *
   * @param text the level, optionally followed by {@code ": "} and a comment
   * @return the rating
   * @throws InvalidInputException if the text is null or does not start with a level
   */
  public static Rating parse(@Nullable String text) {
    if (text == null) {
      throw new InvalidInputException("rating", null, "must not be null");
    }
    int split = text.indexOf(SEPARATOR);
    return split < 0
        ? new Rating(Satisfaction.parse(text), null)
        : new Rating(
            Satisfaction.parse(text.substring(0, split)),
            text.substring(split + SEPARATOR.length()));
  }

  /**
   * Returns a copy with another comment.
   *
   * @param newComment the comment, or null for none
   * @return the copy
   * @throws InvalidInputException if the comment is blank or too long
   */
  public Rating withComment(@Nullable String newComment) {
    return new Rating(satisfaction, newComment);
  }

  /** Returns the text form, which {@link #parse(String)} reads back. */
  @Override
  public String toString() {
    return comment == null ? satisfaction.name() : satisfaction + SEPARATOR + comment;
  }
}
