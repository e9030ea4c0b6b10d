package dev.ticketkit.kb;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TextRule;

/** Validation of the text fields of this package's values. Stateless and thread-safe. */
final class Texts {

  private Texts() {}

  static String requireText(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, value, "must not be blank");
    }
    if (TextRule.length(value) > maxLength) {
      throw new InvalidInputException(field, value, "must be at most " + maxLength + " chars");
    }
    return value;
  }

  static String requireActor(String field, String value) {
    return requireText(field, value, 200);
  }
}
