package dev.ticketkit.report.source;

import dev.ticketkit.core.InvalidInputException;
import java.time.Instant;
import java.util.Objects;

/**
 * One condition of a {@link FactQuery}; a query's conditions are combined with AND. Instances are
 * immutable and thread-safe.
 */
public sealed interface Filter {

  /**
   * Returns the field the condition reads.
   *
   * @return the field
   */
  FactField field();

  /**
   * An instant field lies in {@code [fromInclusive, toExclusive)} (so it is not null).
   *
   * @param field an instant field
   * @param fromInclusive the start
   * @param toExclusive the end
   */
  record Between(FactField field, Instant fromInclusive, Instant toExclusive) implements Filter {
    /**
     * Validates the condition.
     *
     * @throws InvalidInputException if the field is no instant or the range is reversed
     */
    public Between {
      Filters.require(field, FactField.Kind.INSTANT);
      Objects.requireNonNull(fromInclusive, "fromInclusive");
      Objects.requireNonNull(toExclusive, "toExclusive");
      if (toExclusive.isBefore(fromInclusive)) {
        throw new InvalidInputException("toExclusive", toExclusive, "is before " + fromInclusive);
      }
    }
  }

  /**
   * An instant field is set and before an instant: the event happened before it.
   *
   * @param field an instant field
   * @param instant the bound, exclusive
   */
  record Before(FactField field, Instant instant) implements Filter {
    /**
     * Validates the condition.
     *
     * @throws InvalidInputException if the field is no instant
     */
    public Before {
      Filters.require(field, FactField.Kind.INSTANT);
      Objects.requireNonNull(instant, "instant");
    }
  }

  /**
   * An instant field is null or not before an instant: the event had not happened before it.
   *
   * @param field an instant field
   * @param instant the bound
   */
  record NotBefore(FactField field, Instant instant) implements Filter {
    /**
     * Validates the condition.
     *
     * @throws InvalidInputException if the field is no instant
     */
    public NotBefore {
      Filters.require(field, FactField.Kind.INSTANT);
      Objects.requireNonNull(instant, "instant");
    }
  }

  /**
   * A key field equals a value (for {@link FactField#TAG}: the fact has that tag).
   *
   * @param field a key field
   * @param value the value's text form
   */
  record Equal(FactField field, String value) implements Filter {
    /**
     * Validates the condition.
     *
     * @throws InvalidInputException if the field is no key
     */
    public Equal {
      Objects.requireNonNull(value, "value");
      Filters.require(field, FactField.Kind.KEY);
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A field is null, or is set.
   *
   * @param field any field but {@link FactField#TAG}
   * @param isNull true to match null values, false to match set ones
   */
  record Null(FactField field, boolean isNull) implements Filter {
    /**
     * Validates the condition.
     *
     * @throws InvalidInputException if the field is the multi-valued tag field
     */
    public Null {
      Objects.requireNonNull(field, "field");
      if (field == FactField.TAG) {
        throw new InvalidInputException("field", field, "is multi-valued");
      }
    }
  }

  /**
   * A key field is null or differs from a value.
   *
   * @param field a key field other than {@link FactField#TAG}
   * @param value the value's text form
   */
  record NotEqual(FactField field, String value) implements Filter {
    /**
     * Validates the condition.
     *
     * @throws InvalidInputException if the field is no single-valued key
     */
    public NotEqual {
      Objects.requireNonNull(value, "value");
      Filters.require(field, FactField.Kind.KEY);
      Objects.requireNonNull(value, "value");
      if (field == FactField.TAG) {
        throw new InvalidInputException("field", field, "is multi-valued");
      }
    }
  }

  /**
   * The category is a path or lies below it: {@code category = path OR category LIKE 'path/%'}.
   *
   * @param path a category path such as {@code payment}
   */
  record CategoryWithin(String path) implements Filter {
    /**
     * Validates the condition.
     *
     * @throws InvalidInputException if the path is blank
     */
    public CategoryWithin {
      Objects.requireNonNull(path, "path");
      if (path == null || path.isBlank()) {
        throw new InvalidInputException("path", path, "must not be blank");
      }
    }

    @Override
    public FactField field() {
      return FactField.CATEGORY;
    }
  }
}
