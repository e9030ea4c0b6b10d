package dev.ticketkit.report.source;

import dev.ticketkit.core.InvalidInputException;

/**
 * What a {@link FactQuery} computes per group, as a {@code Long} (null when there is nothing to
 * measure). Instances are immutable and thread-safe.
 */
public sealed interface Measure {

  /** The number of facts in the group (with {@link FactField#TAG} grouping: per tag). */
  record Count() implements Measure {}

  /**
   * The number of facts whose duration field is set.
   *
   * @param field a duration field
   */
  record CountOf(FactField field) implements Measure {
    /**
     * Validates the measure.
     *
     * @throws InvalidInputException if the field is no duration
     */
    public CountOf {
      Filters.require(field, FactField.Kind.DURATION);
    }
  }

  /**
   * The sum of a duration field in milliseconds over the facts where it is set; null if none is.
   *
   * @param field a duration field
   */
  record Sum(FactField field) implements Measure {
    /**
     * Validates the measure.
     *
     * @throws InvalidInputException if the field is no duration
     */
    public Sum {
      Filters.require(field, FactField.Kind.DURATION);
    }
  }

  /**
   * The nearest-rank percentile of a duration field in milliseconds, SQL's
   * {@code PERCENTILE_DISC(p) WITHIN GROUP (ORDER BY field)}: with the n set values sorted
   * ascending, the value at 1-based rank {@code max(1, ceil(p * n))}, p taken as the exact
   * decimal it prints as; null if no value is set.
   *
   * @param field a duration field
   * @param p the fraction, in {@code (0, 1]}
   */
  record Percentile(FactField field, double p) implements Measure {
    /**
     * Validates the measure.
     *
     * @throws InvalidInputException if the field is no duration or p is out of range
     */
    public Percentile {
      Filters.require(field, FactField.Kind.DURATION);
      if (!(p > 0 && p <= 1)) {
        throw new InvalidInputException("p", p, "must be in (0, 1]");
      }
    }
  }

  /**
   * The number of facts in the group that also match a condition, SQL's
   * {@code COUNT(*) FILTER (WHERE condition)} or {@code SUM(CASE WHEN condition THEN 1 ELSE 0 END)}.
   *
   * @param condition the condition, on a field of the query's table
   */
  record CountIf(Filter condition) implements Measure {
    /**
     * Validates the measure.
     *
     * @throws NullPointerException if the condition is null
     */
    public CountIf {
      java.util.Objects.requireNonNull(condition, "condition");
    }
  }

  /**
   * Returns the count measure.
   *
   * @return the measure
   */
  static Measure count() {
    return new Count();
  }
}
