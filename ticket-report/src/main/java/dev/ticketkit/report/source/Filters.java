package dev.ticketkit.report.source;

import dev.ticketkit.core.InvalidInputException;
import java.util.Objects;

/** Checks shared by the query parts. Stateless. */
final class Filters {

  private Filters() {}

  static void require(FactField field, FactField.Kind kind) {
    Objects.requireNonNull(field, "field");
    if (field.kind() != kind) {
      throw new InvalidInputException("field", field, "must be of kind " + kind);
    }
  }
}
