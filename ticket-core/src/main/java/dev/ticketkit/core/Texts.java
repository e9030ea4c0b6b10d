package dev.ticketkit.core;

import org.jspecify.annotations.Nullable;

/**
 * Checks shared by the domain values: required and optional texts with a maximum length.
 *
 * <p>Lengths count Unicode code points, so a Chinese character counts once. Stateless and
 * thread-safe.
 */
final class Texts {

  private Texts() {}

  /** Returns the text if it is non-blank, free of control characters and within the limit. */
  static String line(String field, @Nullable String value, int maxLength) {
    String text = required(field, value, maxLength);
    if (text.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException(field, value, "must not contain control characters");
    }
    return text;
  }

  /** Returns the text if it is non-blank and within the limit; line breaks are allowed. */
  static String required(String field, @Nullable String value, int maxLength) {
    if (value == null) {
      throw new InvalidInputException(field, null, "must not be null");
    }
    if (value.isBlank()) {
      throw new InvalidInputException(field, value, "must not be blank");
    }
    return limited(field, value, maxLength);
  }

  /** Returns null for null, or the text if it is non-blank and within the limit. */
  static @Nullable String optional(String field, @Nullable String value, int maxLength) {
    return value == null ? null : required(field, value, maxLength);
  }

  /** Returns the text if its length in code points is within the limit. */
  static String limited(String field, String value, int maxLength) {
    int length = value.codePointCount(0, value.length());
    if (length > maxLength) {
      throw new InvalidInputException(
          field, value, "must be at most " + maxLength + " characters, was " + length);
    }
    return value;
  }

  /** Returns the value if it is not null. */
  static <T> T notNull(String field, @Nullable T value) {
    if (value == null) {
      throw new InvalidInputException(field, null, "must not be null");
    }
    return value;
  }

  /** Returns an identifier: 1 to max characters without whitespace or control characters. */
  static String identifier(String field, @Nullable String value, int maxLength) {
    String text = required(field, value, maxLength);
    if (text.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw new InvalidInputException(field, value, "must not contain whitespace");
    }
    return text;
  }
}
