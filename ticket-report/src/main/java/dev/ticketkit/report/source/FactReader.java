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
   * Runs several aggregate queries at once, so that a source can answer them in fewer passes
   * over its facts (a report hands all its aggregate queries to one call). Each answer is what
   * {@link #aggregate} would return for that query. The default runs them one by one; a source
   * that can share work between queries (one scan per fact table) overrides it.
   *
   * @param queries the queries
   * @return the answers, in the order of the queries
   * @throws ReportSourceException if the source fails
   */
  default List<List<AggregateRow>> aggregateAll(List<FactQuery> queries) {
    List<List<AggregateRow>> out = new java.util.ArrayList<>(queries.size());
    for (FactQuery q : queries) {
      out.add(aggregate(q));
    }
    return out;
  }

  /**
   * Returns a bounded sample of cycle facts.
   *
   * @param query the filters, order and limit
   * @return at most {@code limit} facts, latest first
   * @throws ReportSourceException if the source fails
   */
  List<CycleFact> sample(SampleQuery query);

  /**
   * Computes the support-process figures of a period (department hand-offs, follow-ups, problems
   * and incidents, rating requests) from the reader's process facts, as
   * {@link dev.ticketkit.report.ProcessFigures} and its parts define them. The in-memory and the
   * SQL source give the same figures (the contract suite checks them); an SQL source aggregates in
   * the database.
   *
   * @param query the period, the report's instant and the limits
   * @return the figures
   * @throws ReportSourceException if the source fails
   */
  dev.ticketkit.report.ProcessFigures process(ProcessQuery query);

  /**
   * Releases what the reader holds (a database transaction, a snapshot).
   *
   * @throws ReportSourceException if the source fails
   */
  @Override
  void close();
}
