package dev.ticketkit.report.source;

import dev.ticketkit.core.InvalidInputException;
import java.util.List;
import java.util.Objects;

/**
 * A bounded sample of cycle facts: those matching every filter, latest first by an instant field
 * (ties by ticket number, then cycle, descending), at most {@code limit}. The report uses samples
 * for example tickets and comments, never to read a whole period. Instances are immutable and
 * thread-safe.
 *
 * @param filters the conditions on {@link FactTable#CYCLES} fields, combined with AND
 * @param latestFirstBy the instant field to order by, descending; facts where it is null last
 * @param limit the most facts, 1 to {@value #MAX_LIMIT}
 */
public record SampleQuery(List<Filter> filters, FactField latestFirstBy, int limit) {

  /** The largest sample. */
  public static final int MAX_LIMIT = 5_000;

  /**
   * Validates the query and copies the filters.
   *
   * @throws InvalidInputException if a field is not a cycle field, the order field not an
   *     instant, or the limit out of range
   */
  public SampleQuery {
    filters = List.copyOf(filters);
    Filters.require(latestFirstBy, FactField.Kind.INSTANT);
    new FactQuery(FactTable.CYCLES, filters, List.of(), List.of(Measure.count()));
    if (latestFirstBy.table() != FactTable.CYCLES) {
      throw new InvalidInputException("latestFirstBy", latestFirstBy, "must be a cycle field");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException("limit", limit, "must be 1 to " + MAX_LIMIT);
    }
    Objects.requireNonNull(latestFirstBy, "latestFirstBy");
  }
}
