package dev.ticketkit.core;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The typed value of a host-defined custom field on a ticket: text, a decimal number, a yes/no
 * flag or a date.
 *
 * <p>Custom field keys are 1 to 64 lower-case ASCII letters, digits and {@code _}, starting with a
 * letter (see {@link #checkKey(String)}). The text form of a value is its type, a colon and the
 * value, such as {@code decimal:12.50}, {@code flag:true}, {@code date:2024-05-01} or
 * {@code text:Model X}; {@link #parse(String)} reads it back. All implementations are immutable
 * and thread-safe.
 */
public sealed interface CustomFieldValue {

  /** The longest text value accepted. */
  int MAX_TEXT_LENGTH = 1000;
  /** The most significant digits of a decimal value (as SQL's widest common DECIMAL). */
  int MAX_DECIMAL_PRECISION = 38;
  /** The most digits after the decimal point of a decimal value. */
  int MAX_DECIMAL_SCALE = 18;

  /**
   * Parses the text form {@code type:value}.
   *
   * @param text the text form
   * @return the value
   * @throws InvalidInputException if the text is null, names no type or holds a bad value
   */
  static CustomFieldValue parse(@Nullable String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon <= 0) {
      throw new InvalidInputException("customField", text, "must be of the form type:value");
    }
    String value = text.substring(colon + 1);
    try {
      switch (text.substring(0, colon)) {
        case "text": return new Text(value);
        case "decimal": return Decimal.parse(value);
        case "flag": return Flag.parse(value);
        case "date": return new Date(LocalDate.parse(value));
        default: throw new InvalidInputException(
            "customField", text, "must start with text:, decimal:, flag: or date:");
      }
    } catch (NumberFormatException | DateTimeException e) {
      throw new InvalidInputException("customField", text, "holds a bad value");
    }
  }

  /**
   * Checks a custom field key.
   *
   * @param key the key
   * @return the key
   * @throws InvalidInputException if the key is null or not of the documented form
   */
  static String checkKey(@Nullable String key) {
    if (key == null || !Keys.FORM.matcher(key).matches()) {
      throw new InvalidInputException(
          "customField.key", key, "must be 1-64 lower-case letters, digits or '_'");
    }
    return key;
  }

  /**
   * Returns a text value.
   *
   * @param value the text
   * @return the value
   * @throws InvalidInputException if the text is blank or too long
   */
  static CustomFieldValue text(String value) {
    Objects.requireNonNull(value, "value");
    return new Text(value);
  }

  /**
   * Returns a decimal value.
   *
   * @param value the number
   * @return the value
   * @throws InvalidInputException if the number is null or exceeds the bounds of
   *     {@link Decimal}
   */
  static CustomFieldValue decimal(BigDecimal value) {
    return new Decimal(value);
  }

  /**
   * Returns a flag value.
   *
   * @param value the flag
   * @return the value
   */
  static CustomFieldValue flag(boolean value) {
    return new Flag(value);
  }

  /**
   * Returns a date value.
   *
   * @param value the date
   * @return the value
   */
  static CustomFieldValue date(LocalDate value) {
    return new Date(value);
  }

  /**
   * A text value: 1 to {@value #MAX_TEXT_LENGTH} characters of well-formed text (see
   * {@link TextRule}).
   *
   * @param value the text
   */
  record Text(String value) implements CustomFieldValue {
    /**
     * Validates the text.
     *
     * @throws NullPointerException if the text is null
     * @throws InvalidInputException if the text is blank, too long or not well-formed
     */
    public Text {
      Objects.requireNonNull(value, "value");
      Keys.TEXT.require("customField.text", value);
    }

    @Override
    public String toString() {
      return "text:" + value;
    }
  }

  /**
   * A decimal number of at most {@value #MAX_DECIMAL_PRECISION} significant digits, at most
   * {@value #MAX_DECIMAL_SCALE} of them after the point; its scale is kept ({@code 12.50} is
   * not {@code 12.5}), except that a negative scale is raised to zero so the text form reads
   * back equal ({@code 1E+3} is {@code 1000}). The bounds are checked before the number is
   * expanded, so a text such as {@code 1e10000000} is refused at once instead of growing into
   * ten million digits.
   *
   * @param value the number
   */
  record Decimal(BigDecimal value) implements CustomFieldValue {
    /**
     * Validates the number.
     *
     * @throws InvalidInputException if the number is null or exceeds the bounds
     */
    public Decimal {
      Texts.notNull("customField.decimal", value);
      long digits = (long) value.precision() - Math.min(0, value.scale());
      if (digits > MAX_DECIMAL_PRECISION || value.scale() > MAX_DECIMAL_SCALE) {
        throw new InvalidInputException("customField.decimal", value, "must have at most "
            + MAX_DECIMAL_PRECISION + " digits, at most " + MAX_DECIMAL_SCALE
            + " after the point");
      }
      value = value.scale() < 0 ? value.setScale(0) : value;
    }

    static Decimal parse(String text) {
      if (text.length() > Keys.MAX_DECIMAL_TEXT) {
        throw new InvalidInputException("customField.decimal", text,
            "must be at most " + Keys.MAX_DECIMAL_TEXT + " characters");
      }
      return new Decimal(new BigDecimal(text));
    }

    @Override
    public String toString() {
      return "decimal:" + value.toPlainString();
    }
  }

  /**
   * A yes/no flag.
   *
   * @param value the flag
   */
  record Flag(boolean value) implements CustomFieldValue {
    static Flag parse(String text) {
      if (!text.equals("true") && !text.equals("false")) {
        throw new InvalidInputException("customField.flag", text, "must be true or false");
      }
      return new Flag(Boolean.parseBoolean(text));
    }

    @Override
    public String toString() {
      return "flag:" + value;
    }
  }

  /**
   * A calendar date without a time or zone.
   *
   * @param value the date
   */
  record Date(LocalDate value) implements CustomFieldValue {
    /**
     * Validates the date.
     *
     * @throws NullPointerException if the date is null
     */
    public Date {
      Texts.notNull("customField.date", value);
    }

    @Override
    public String toString() {
      return "date:" + value;
    }
  }
}

/** Holds the key pattern and the rules out of the public interface. */
final class Keys {
  static final Pattern FORM = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  static final TextRule TEXT = TextRule.text(CustomFieldValue.MAX_TEXT_LENGTH);
  /** Longer than any decimal within the bounds can be written, exponent included. */
  static final int MAX_DECIMAL_TEXT = 64;

  private Keys() {}
}
