package dev.ticketkit.kb.search;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;

/**
 * Top-k search of a scoring query with a filter applied while collecting.
 *
 * <p>Implementation notes: a conjunction of the text query with the filter clauses makes Lucene
 * score every matching document through a conjunction scorer. Run alone, the text query is a
 * pure disjunction, which Lucene scores with dynamic pruning (MaxScore / block-max WAND): once
 * the top k are found, documents that cannot beat them are skipped. The filter (tenant,
 * visibility, locale, type, status) is a non-scoring weight, cached by the searcher's query
 * cache, checked for each collected document; rejected documents never reach the top-k queue,
 * so the pruning threshold comes from accepted hits only and stays correct. Collectors receive
 * documents in increasing order within a segment, so one forward iterator per segment suffices.
 * The total hit count is exact up to {@value #TOTAL_HITS_THRESHOLD}, a lower bound above it.
 * Stateless and thread-safe.
 */
final class FilteredSearch {

  static final int TOTAL_HITS_THRESHOLD = 1_000;

  private FilteredSearch() {}

  static TopDocs top(IndexSearcher searcher, Query text, Query filter, int limit)
      throws IOException {
    Weight accept = searcher.createWeight(searcher.rewrite(filter),
        ScoreMode.COMPLETE_NO_SCORES, 1f);
    TopScoreDocCollectorManager inner =
        new TopScoreDocCollectorManager(limit, TOTAL_HITS_THRESHOLD);
    return searcher.search(text, new CollectorManager<Filtered, TopDocs>() {
      @Override
      public Filtered newCollector() throws IOException {
        return new Filtered(inner.newCollector(), accept);
      }

      @Override
      public TopDocs reduce(Collection<Filtered> collectors) throws IOException {
        List<TopScoreDocCollector> all = collectors.stream().map(c -> c.top).toList();
        return inner.reduce(all);
      }
    });
  }

  /** Passes only documents the filter accepts on to the top-k collector. */
  private static final class Filtered extends FilterCollector {
    final TopScoreDocCollector top;
    private final Weight accept;

    Filtered(TopScoreDocCollector top, Weight accept) {
      super(top);
      this.top = top;
      this.accept = accept;
    }

    @Override
    public void setWeight(Weight weight) {
      // The top-k collector must not count hits from the unfiltered query's statistics.
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      Scorer scorer = accept.scorer(context);
      if (scorer == null) {
        throw new CollectionTerminatedException();
      }
      DocIdSetIterator accepted = scorer.iterator();
      return new FilterLeafCollector(super.getLeafCollector(context)) {
        @Override
        public void collect(int doc) throws IOException {
          int at = accepted.docID();
          if (at < doc) {
            at = accepted.advance(doc);
          }
          if (at == doc) {
            super.collect(doc);
          }
        }
      };
    }
  }
}
