package dev.ticketkit.core;

import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Parses enum constants with a typed error that lists the accepted names. Thread-safe. */
final class Enums {

  private Enums() {}

  /** Returns the constant named by the text, ignoring case. */
  static <E extends Enum<E>> E parse(Class<E> type, String field, @Nullable String text) {
    if (text == null) {
      throw new InvalidInputException(field, null, "must not be null");
    }
    try {
      return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          field, text, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }
}
