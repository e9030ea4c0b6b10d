package dev.ticketkit.report.source;

import dev.ticketkit.core.InvalidInputException;
import java.util.List;
import java.util.Objects;

/**
 * An aggregate query over one fact table: {@code SELECT groupBy..., measures... FROM table WHERE
 * filters (AND) GROUP BY groupBy...}. Every field must belong to the table. A query without
 * grouping returns one row, also when no fact matches. Instances are immutable and thread-safe.
 *
 * @param table the fact table
 * @param filters the conditions, combined with AND
 * @param groupBy the grouping, possibly empty
 * @param measures what to compute per group, at least one
 */
public record FactQuery(
    FactTable table, List<Filter> filters, List<Dimension> groupBy, List<Measure> measures) {

  /**
   * Validates the query and copies the lists.
   *
   * @throws InvalidInputException if a field belongs to another table, or no measure is given
   */
  public FactQuery {
    Objects.requireNonNull(table, "table");
    filters = List.copyOf(filters);
    groupBy = List.copyOf(groupBy);
    measures = List.copyOf(measures);
    if (measures.isEmpty()) {
      throw new InvalidInputException("measures", measures, "must not be empty");
    }
    filters.forEach(f -> check(table, f.field()));
    groupBy.forEach(d -> check(table, d.field()));
    for (Measure m : measures) {
      if (m instanceof Measure.CountOf c) {
        check(table, c.field());
      } else if (m instanceof Measure.Sum s) {
        check(table, s.field());
      } else if (m instanceof Measure.Percentile p) {
        check(table, p.field());
      } else if (m instanceof Measure.CountIf c) {
        check(table, c.condition().field());
      }
    }
  }

  private static void check(FactTable table, FactField field) {
    if (field.table() != table) {
      throw new InvalidInputException("field", field, "belongs to " + field.table() + ", not "
          + table);
    }
  }
}
