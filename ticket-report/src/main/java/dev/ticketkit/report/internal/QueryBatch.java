package dev.ticketkit.report.internal;

import dev.ticketkit.report.source.AggregateRow;
import dev.ticketkit.report.source.FactQuery;
import dev.ticketkit.report.source.FactReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The aggregate queries of one report, collected before any runs: each section asks for what it
 * needs and gets a handle, then {@link #run} hands every query to the reader in one
 * {@link FactReader#aggregateAll} call (equal queries asked twice run once), and the handles
 * give the answers. Not thread-safe: one report computation uses it.
 */
final class QueryBatch {

  private final List<FactQuery> queries = new ArrayList<>();
  private final Map<FactQuery, Integer> index = new HashMap<>();
  private List<List<AggregateRow>> answers;

  /**
   * Adds a query.
   *
   * @param query the query
   * @return its answer, readable after {@link #run}
   * @throws IllegalStateException if the batch has run
   */
  Supplier<List<AggregateRow>> add(FactQuery query) {
    if (answers != null) {
      throw new IllegalStateException("the batch has run");
    }
    int i = index.computeIfAbsent(query, q -> {
      queries.add(q);
      return queries.size() - 1;
    });
    return () -> {
      if (answers == null) {
        throw new IllegalStateException("the batch has not run");
      }
      return answers.get(i);
    };
  }

  /** The number of distinct queries added. */
  int size() {
    return queries.size();
  }

  /**
   * Runs every query with one call of the reader.
   *
   * @param reader the reader
   */
  void run(FactReader reader) {
    List<List<AggregateRow>> out = reader.aggregateAll(List.copyOf(queries));
    if (out.size() != queries.size()) {
      throw new IllegalStateException("the reader answered " + out.size() + " of "
          + queries.size() + " queries");
    }
    answers = out;
  }
}
