package dev.ticketkit.core;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A free label on a ticket, such as {@code vip} or {@code 退款}.
 *
 * <p>1 to {@value #MAX_LENGTH} letters (any script), digits and {@code . _ : / + -}, starting
 * with a letter or digit; compared exactly (case-sensitive). The text form is the value.
 * Instances are immutable and thread-safe.
 *
 * @param value the tag's text
 */
public record Tag(String value) implements Comparable<Tag> {

  /** The longest tag accepted. */
  public static final int MAX_LENGTH = 40;

  private static final Pattern FORM = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._:/+-]{0,39}");

  /**
   * Validates the tag.
   *
   * @throws NullPointerException if the value is null
   * @throws InvalidInputException if the value is not of the documented form
   */
  public Tag {
    Objects.requireNonNull(value, "value");
    if (value == null || !FORM.matcher(value).matches()) {
      throw new InvalidInputException(
          "tag", value, "must be 1-40 letters, digits or '._:/+-', starting with a letter or digit");
    }
  }

  /**
   * Returns the tag with the given text.
   *
   * @param value the text
   * @return the tag
   * @throws InvalidInputException if the text is not of the documented form
   */
  public static Tag of(@Nullable String value) {
    if (value == null) {
      throw new InvalidInputException("tag", null, "must not be null");
    }
    return new Tag(value);
  }

  @Override
  public int compareTo(Tag other) {
    return value.compareTo(other.value);
  }

  /** Returns the tag's text, which {@link #of(String)} reads back. */
  @Override
  public String toString() {
    return value;
  }
}
