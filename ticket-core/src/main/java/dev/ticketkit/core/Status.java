package dev.ticketkit.core;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A workflow state of a ticket, such as {@code DIAGNOSING}, with its {@link StatusCategory}.
 *
 * <p>The workflow defines which statuses exist; a ticket carries its status with the category so
 * that stores, SLA clocks and reports can read the category without the workflow. A name is 1 to
 * {@value #MAX_NAME_LENGTH} upper-case ASCII letters, digits and {@code _}, starting with a letter.
 * The text form is {@code NAME(CATEGORY)}, for example {@code DIAGNOSING(OPEN)}, which
 * {@link #parse(String)} reads back. Instances are immutable and thread-safe.
 *
 * @param name the state's name
 * @param category the state's category
 */
public record Status(String name, StatusCategory category) {

  /** The longest state name accepted. */
  public static final int MAX_NAME_LENGTH = 40;

  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

  /**
   * Validates the status.
   *
   * @throws InvalidInputException if the name is not of the documented form or the category is
   *     null
   */
  public Status {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(category, "category");
    checkName("status", name);
    Texts.notNull("status.category", category);
  }

  /**
   * Returns a status.
   *
   * @param name the state's name
   * @param category the state's category
   * @return the status
   * @throws InvalidInputException if the name is not valid
   */
  public static Status of(String name, StatusCategory category) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(category, "category");
    return new Status(name, category);
  }

  /**
   * Parses the text form {@code NAME(CATEGORY)}.
   *
   * @param text the text form
   * @return the status
   * @throws InvalidInputException if the text is null or not of the documented form
   */
  public static Status parse(@Nullable String text) {
    int open = text == null ? -1 : text.indexOf('(');
    if (open <= 0 || !text.endsWith(")")) {
      throw new InvalidInputException("status", text, "must be of the form NAME(CATEGORY)");
    }
    return new Status(
        text.substring(0, open),
        StatusCategory.parse(text.substring(open + 1, text.length() - 1)));
  }

  /**
   * Checks a state name.
   *
   * @param field the field to name in an error
   * @param name the name to check
   * @return the name
   * @throws InvalidInputException if the name is not of the documented form
   */
  public static String checkName(String field, @Nullable String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidInputException(
          field, name, "must be 1-40 upper-case letters, digits or '_', starting with a letter");
    }
    return name;
  }

  /** Returns {@code NAME(CATEGORY)}, which {@link #parse(String)} reads back. */
  @Override
  public String toString() {
    return name + "(" + category + ")";
  }
}
