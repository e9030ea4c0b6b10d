package dev.ticketkit.core;

import org.jspecify.annotations.Nullable;

/**
 * The requester's satisfaction rating of a resolution, with an optional comment and, for a
 * DISSATISFIED rating, a {@link DissatisfactionReason}.
 *
 * <p>A DISSATISFIED rating always carries a reason: {@link DissatisfactionReason#OTHER} when none
 * is given; any other level carries none. The text form is the level, then {@code "/"} and the
 * reason unless it is OTHER, then {@code ": "} and the comment when there is one, for example
 * {@code DISSATISFIED/NOT_FIXED: still crashes on login}; {@link #parse(String)} reads it back.
 * Instances are immutable and thread-safe.
 *
 * @param satisfaction the level
 * @param comment the requester's comment, 1 to {@value #MAX_COMMENT_LENGTH} characters, or null
 * @param reason why a DISSATISFIED rating was given (never null for one); null for other levels
 */
public record Rating(
    Satisfaction satisfaction, @Nullable String comment, @Nullable DissatisfactionReason reason) {

  /** The longest comment accepted. */
  public static final int MAX_COMMENT_LENGTH = 2000;

  private static final String SEPARATOR = ": ";
  private static final String REASON_SEPARATOR = "/";
  private static final TextRule COMMENT = TextRule.text(MAX_COMMENT_LENGTH);

  /**
   * Validates the rating.
   *
   * @throws NullPointerException if the level is null
   * @throws InvalidInputException if the comment is blank or too long, or a
   *     level other than DISSATISFIED carries a reason
   */
  public Rating {
    Texts.notNull("rating.satisfaction", satisfaction);
    COMMENT.optional("rating.comment", comment);
    if (satisfaction == Satisfaction.DISSATISFIED) {
      reason = reason == null ? DissatisfactionReason.OTHER : reason;
    } else if (reason != null) {
      throw new InvalidInputException("rating.reason", reason,
          "is given for DISSATISFIED ratings only, not " + satisfaction);
    }
  }

  /**
   * Creates a rating without a reason (a DISSATISFIED one gets {@link DissatisfactionReason#OTHER}).
   *
   * @param satisfaction the level
   * @param comment the comment, or null for none
   * @throws InvalidInputException if the level is null or the comment is blank or too long
   */
  public Rating(Satisfaction satisfaction, @Nullable String comment) {
    this(satisfaction, comment, null);
  }

  /**
   * Returns a DISSATISFIED rating with its reason.
   *
   * @param reason why
   * @param comment the comment, or null for none
   * @return the rating
   * @throws InvalidInputException if the reason is null or the comment is blank or too long
   */
  public static Rating dissatisfied(DissatisfactionReason reason, @Nullable String comment) {
    return new Rating(Satisfaction.DISSATISFIED, comment, Texts.notNull("rating.reason", reason));
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
    String level = split < 0 ? text : text.substring(0, split);
    String comment = split < 0 ? null : text.substring(split + SEPARATOR.length());
    int slash = level.indexOf(REASON_SEPARATOR);
    return slash < 0
        ? new Rating(Satisfaction.parse(level), comment)
        : new Rating(Satisfaction.parse(level.substring(0, slash)), comment,
            DissatisfactionReason.parse(level.substring(slash + 1)));
  }

  /**
   * Returns a copy with another comment.
   *
   * @param newComment the comment, or null for none
   * @return the copy
   * @throws InvalidInputException if the comment is blank or too long
   */
  public Rating withComment(@Nullable String newComment) {
    return new Rating(satisfaction, newComment, reason);
  }

  /** Returns the text form, which {@link #parse(String)} reads back. */
  @Override
  public String toString() {
    String level = reason == null || reason.equals(DissatisfactionReason.OTHER)
        ? satisfaction.name() : satisfaction + REASON_SEPARATOR + reason;
    return comment == null ? level : level + SEPARATOR + comment;
  }
}
