package dev.ticketkit.core;

import dev.ticketkit.core.privacy.Redactor;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for text TicketKit accepts, in every field of every module: well-formed Unicode
 * without U+0000, not blank, and at most a limit counted in code points.
 *
 * <p>Why each part: a lone surrogate (half of a UTF-16 pair) cannot be encoded as UTF-8, so
 * PostgreSQL and MariaDB store it as {@code ?}; U+0000 cannot be stored in PostgreSQL text at
 * all; every store must keep text exactly, so both are refused at the door, before anything is
 * written. Lengths count code points, so a Chinese character or an emoji counts once.
 *
 * <p>A rule has a shape and a limit: {@link #text(int)} allows line breaks, {@link #line(int)}
 * allows no control characters, {@link #identifier(int)} also no whitespace. A rule made
 * {@link #personal()} masks the rejected value in error messages (names, contact handles):
 * otherwise a message shows at most {@value #MAX_SHOWN} code points of it. A violation throws
 * {@link InvalidInputException} naming the field. {@link #wellFormed(String, String)} checks the
 * Unicode part alone, for text without a limit of its own. Instances are immutable and
 * thread-safe.
 */
public final class TextRule {

  /** The most code points of a rejected value an error message shows. */
  public static final int MAX_SHOWN = 40;

  private enum Shape { TEXT, LINE, IDENTIFIER }

  private final Shape shape;
  private final int maxLength;
  private final boolean personal;

  private TextRule(Shape shape, int maxLength, boolean personal) {
    if (maxLength < 1) {
      throw new InvalidInputException("maxLength", maxLength, "must be 1 or more");
    }
    this.shape = shape;
    this.maxLength = maxLength;
    this.personal = personal;
  }

  /**
   * Returns the rule for free text, line breaks allowed (descriptions, messages, comments).
   *
   * @param maxLength the most code points, 1 or more
   * @return the rule
   * @throws InvalidInputException if the limit is below 1
   */
  public static TextRule text(int maxLength) {
    return new TextRule(Shape.TEXT, maxLength, false);
  }

  /**
   * Returns the rule for one line of text: no control characters (subjects, names).
   *
   * @param maxLength the most code points, 1 or more
   * @return the rule
   * @throws InvalidInputException if the limit is below 1
   */
  public static TextRule line(int maxLength) {
    return new TextRule(Shape.LINE, maxLength, false);
  }

  /**
   * Returns the rule for an identifier: no whitespace and no control characters (ids).
   *
   * @param maxLength the most code points, 1 or more
   * @return the rule
   * @throws InvalidInputException if the limit is below 1
   */
  public static TextRule identifier(int maxLength) {
    return new TextRule(Shape.IDENTIFIER, maxLength, false);
  }

  /**
   * Returns this rule for personal data: its error messages mask the rejected value.
   *
   * @return the personal rule
   */
  public TextRule personal() {
    return new TextRule(shape, maxLength, true);
  }

  /**
   * Returns the limit.
   *
   * @return the most code points accepted
   */
  public int maxLength() {
    return maxLength;
  }

  /**
   * Tells whether error messages of this rule mask the value.
   *
   * @return true for personal data
   */
  public boolean isPersonal() {
    return personal;
  }

  /**
   * Checks a required text.
   *
   * @param field the field's name, for the error
   * @param value the text
   * @return the text, unchanged
   * @throws InvalidInputException if the text is null, blank, too long, not well-formed, holds
   *     U+0000, or breaks the rule's shape
   */
  public String require(String field, @Nullable String value) {
    if (value == null) {
      throw new InvalidInputException(field, null, "must not be null");
    }
    check(field, value, personal);
    if (value.isBlank()) {
      throw fail(field, value, "must not be blank");
    }
    int length = length(value);
    if (length > maxLength) {
      throw fail(field, value, "must be at most " + maxLength + " characters, was " + length);
    }
    if (shape != Shape.TEXT && value.chars().anyMatch(Character::isISOControl)) {
      throw fail(field, value, "must not contain control characters");
    }
    if (shape == Shape.IDENTIFIER && value.codePoints().anyMatch(Character::isWhitespace)) {
      throw fail(field, value, "must not contain whitespace");
    }
    return value;
  }

  /**
   * Checks an optional text: null passes, anything else must meet {@link #require}.
   *
   * @param field the field's name, for the error
   * @param value the text, or null
   * @return the text, unchanged
   * @throws InvalidInputException if the text is not null and breaks the rule
   */
  public @Nullable String optional(String field, @Nullable String value) {
    return value == null ? null : require(field, value);
  }

  /**
   * Checks only the Unicode part of the rule: no lone surrogate and no U+0000. For text that
   * has no limit or shape of its own (history values, URIs).
   *
   * @param field the field's name, for the error
   * @param value the text, or null (which passes)
   * @return the text, unchanged
   * @throws InvalidInputException if the text is not well-formed or holds U+0000
   */
  public static @Nullable String wellFormed(String field, @Nullable String value) {
    Objects.requireNonNull(field, "field");
    if (value != null) {
      check(field, value, false);
    }
    return value;
  }

  /**
   * Tells whether a text is well-formed Unicode without U+0000.
   *
   * @param text the text
   * @return true if every surrogate is half of a pair and no character is U+0000
   */
  public static boolean isWellFormed(CharSequence text) {
    return firstBad(text) < 0;
  }

  /**
   * Returns a text's length in code points, the unit of every limit.
   *
   * @param text the text
   * @return the number of code points (a lone surrogate counts as one)
   */
  public static int length(CharSequence text) {
    return Character.codePointCount(text, 0, text.length());
  }

  private static void check(String field, String value, boolean personal) {
    int bad = firstBad(value);
    if (bad >= 0) {
      String at = " (at character " + (length(value.subSequence(0, bad)) + 1) + ")";
      throw new InvalidInputException(field, value, value.charAt(bad) == 0
          ? "must not contain U+0000" + at
          : "must be well-formed Unicode: a lone surrogate" + at, personal);
    }
  }

  private static int firstBad(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0 || Character.isLowSurrogate(c)) {
        return i;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return i;
        }
        i++;
      }
    }
    return -1;
  }

  private InvalidInputException fail(String field, String value, String reason) {
    return new InvalidInputException(field, value, reason, personal);
  }

  /**
   * Returns a value as error messages show it: at most {@value #MAX_SHOWN} code points, with
   * control characters and lone surrogates escaped, and the full length when it was cut. Personal
   * data that {@link Redactor#standard()} recognises (e-mail addresses, mobile, identity and card
   * numbers) is masked in any value.
   *
   * @param value the value, or null
   * @param personal whether to mask it: only its first character and its length are shown
   * @return the quoted excerpt, or {@code null}
   */
  static String excerpt(@Nullable Object value, boolean personal) {
    if (value == null) {
      return "null";
    }
    String text = personal ? String.valueOf(value)
        : Redactor.standard().redact(String.valueOf(value)).text();
    int length = length(text);
    int shown = personal ? Math.min(1, length) : Math.min(MAX_SHOWN, length);
    StringBuilder out = new StringBuilder("\"");
    int end = text.offsetByCodePoints(0, shown);
    text.substring(0, end).codePoints().forEach(c -> escape(out, c));
    if (personal) {
      return out.append("***\" (").append(length).append(" chars, masked)").toString();
    }
    out.append('"');
    return shown < length ? out.append("... (").append(length).append(" chars)").toString()
        : out.toString();
  }

  private static void escape(StringBuilder out, int c) {
    if (Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE) {
      out.append(String.format("\\u%04X", c));
    } else {
      out.appendCodePoint(c);
    }
  }
}
