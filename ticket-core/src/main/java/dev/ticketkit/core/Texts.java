package dev.ticketkit.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The null check every domain value uses, and the required-text check in the form the service
 * calls it; the text rule itself is {@link TextRule}. Stateless and thread-safe.
 */
final class Texts {

  private Texts() {}

  /** Returns the text if it meets {@link TextRule#text(int)} with the given limit. */
  static String required(String field, @Nullable String value, int maxLength) {
    return TextRule.text(maxLength).require(field, value);
  }

  /** Returns the value if it is not null (the null rule: a null argument is a programming error). */
  static <T> T notNull(String field, @Nullable T value) {
    return Objects.requireNonNull(value, field);
  }
}
