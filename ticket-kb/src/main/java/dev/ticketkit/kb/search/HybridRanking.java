package dev.ticketkit.kb.search;

import dev.ticketkit.kb.internal.Vectors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Hybrid ranking: the lexical top {@value #DEPTH}, the {@value #NEIGHBOURS} nearest article
 * vectors (HNSW, with the request's filter applied inside the graph search) and the same
 * candidates ranked by the cosine of the query with their titles' vectors (the first
 * {@value #NEIGHBOURS}), fused by reciprocal rank fusion,
 * {@code score(d) = sum over lists of weight / (K + rank)} with {@code K = }{@value #K}, the
 * lexical list's weight 1, the vector list's {@link SearchSettings#vectorWeight()} and the title
 * list's {@value #TITLE_WEIGHT}.
 *
 * <p>Implementation notes: RRF needs no score normalisation, so BM25 and cosine scales never have
 * to agree. The title list re-ranks candidates only (no second graph search): their quantised
 * title vectors are read from doc values in doc order, one iterator per segment, and dotted with
 * the query vector, about 70 dot products. Articles indexed without a title vector are left out
 * of that list. K and the title list's weight were chosen on the calibration half of the
 * relevance set only (docs/benchmarks.md, issue 16, third pass) and checked on the held-out half
 * and on a fresh query set. Stateless and thread-safe.
 */
final class HybridRanking {

  static final int DEPTH = 50;
  /** How many nearest neighbours the vector list holds (the HNSW search's k and beam). */
  static final int NEIGHBOURS = 20;
  static final int K = 10;
  /** The weight of the title list in the fusion. */
  static final float TITLE_WEIGHT = 0.75f;

  private HybridRanking() {}

  static TopDocs fuse(IndexSearcher searcher, Query text, Query filter, float[] vector, int limit,
      float vectorWeight) throws IOException {
    int depth = Math.max(DEPTH, limit);
    TopDocs lexical = FilteredSearch.top(searcher, text, filter, depth);
    int neighbours = Math.max(NEIGHBOURS, limit);
    float[] unit = Vectors.unit(vector);
    TopDocs nearest = searcher.search(new KnnFloatVectorQuery(ArticleDocuments.VECTOR,
        unit, neighbours, filter), neighbours);
    Map<Integer, Float> fused = new HashMap<>();
    add(lexical.scoreDocs, 1f, fused);
    add(nearest.scoreDocs, vectorWeight, fused);
    add(byTitle(searcher, fused.keySet(), unit, neighbours), TITLE_WEIGHT, fused);
    List<ScoreDoc> all = new ArrayList<>(fused.size());
    fused.forEach((doc, score) -> all.add(new ScoreDoc(doc, score)));
    all.sort(Comparator.comparingDouble((ScoreDoc d) -> -d.score).thenComparingInt(d -> d.doc));
    List<ScoreDoc> top = all.subList(0, Math.min(limit, all.size()));
    return new TopDocs(lexical.totalHits, top.toArray(ScoreDoc[]::new));
  }

  /** Ranks the candidates by their title's cosine with the query; the first {@code n}. */
  static ScoreDoc[] byTitle(IndexSearcher searcher, Set<Integer> candidates, float[] unit, int n)
      throws IOException {
    List<Integer> docs = new ArrayList<>(candidates);
    docs.sort(null);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    List<ScoreDoc> scored = new ArrayList<>(docs.size());
    LeafReaderContext leaf = null;
    BinaryDocValues values = null;
    for (int doc : docs) {
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        values = leaf.reader().getBinaryDocValues(ArticleDocuments.TITLE_VECTOR);
      }
      if (values != null && values.advanceExact(doc - leaf.docBase)) {
        BytesRef b = values.binaryValue();
        scored.add(new ScoreDoc(doc, (float) Vectors.dotQuantised(unit, b.bytes, b.offset,
            b.length)));
      }
    }
    scored.sort(Comparator.comparingDouble((ScoreDoc d) -> -d.score).thenComparingInt(d -> d.doc));
    return scored.subList(0, Math.min(n, scored.size())).toArray(ScoreDoc[]::new);
  }

  private static void add(ScoreDoc[] ranked, float weight, Map<Integer, Float> fused) {
    for (int rank = 0; rank < ranked.length; rank++) {
      fused.merge(ranked[rank].doc, weight / (K + rank + 1), Float::sum);
    }
  }
}
