package dev.ticketkit.report.source;

import java.util.List;

/**
 * One consistent view of a tenant's facts, for the queries of one report. Not thread-safe: one
 * report computation uses it, then closes it.
 */
public interface FactReader extends AutoCloseable {

  /**
   * Runs an aggregate query.
   *
   * @param query the query
   * @return the groups, in no particular order; one row for an ungrouped query
   * @throws ReportSourceException if the source fails
   */
  List<AggregateRow> aggregate(FactQuery query);

  /**
   * Returns a bounded sample of cycle facts.
   *
   * @param query the filters, order and limit
   * @return at most {@code limit} facts, latest first
   * @throws ReportSourceException if the source fails
   */
  List<CycleFact> sample(SampleQuery query);

  /**
   * Releases what the reader holds (a database transaction, a snapshot).
   *
   * @throws ReportSourceException if the source fails
   */
  @Override
  void close();
}
