package dev.ticketkit.kb.search;

import dev.ticketkit.kb.internal.Vectors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Hybrid ranking: the lexical top {@value #DEPTH} and the {@value #NEIGHBOURS} nearest article
 * vectors (HNSW, with the request's filter applied inside the graph search) fused by reciprocal rank
 * fusion, {@code score(d) = sum over lists of weight / (K + rank)} with the customary
 * {@code K = 60}, the lexical list's weight 1 and the vector list's
 * {@link SearchSettings#vectorWeight()}.
 * RRF needs no score normalisation, so BM25 and cosine scales never have to agree. Stateless and
 * thread-safe.
 */
final class HybridRanking {

  static final int DEPTH = 50;
  /** How many nearest neighbours the vector list holds (the HNSW search's k and beam). */
  static final int NEIGHBOURS = 20;
  static final int K = 60;

  private HybridRanking() {}

  static TopDocs fuse(IndexSearcher searcher, Query text, Query filter, float[] vector, int limit,
      float vectorWeight) throws IOException {
    int depth = Math.max(DEPTH, limit);
    TopDocs lexical = FilteredSearch.top(searcher, text, filter, depth);
    int neighbours = Math.max(NEIGHBOURS, limit);
    TopDocs nearest = searcher.search(new KnnFloatVectorQuery(ArticleDocuments.VECTOR,
        Vectors.unit(vector), neighbours, filter), neighbours);
    Map<Integer, Float> fused = new HashMap<>();
    add(lexical, 1f, fused);
    add(nearest, vectorWeight, fused);
    List<ScoreDoc> all = new ArrayList<>(fused.size());
    fused.forEach((doc, score) -> all.add(new ScoreDoc(doc, score)));
    all.sort(Comparator.comparingDouble((ScoreDoc d) -> -d.score).thenComparingInt(d -> d.doc));
    List<ScoreDoc> top = all.subList(0, Math.min(limit, all.size()));
    return new TopDocs(lexical.totalHits, top.toArray(ScoreDoc[]::new));
  }

  private static void add(TopDocs ranked, float weight, Map<Integer, Float> fused) {
    for (int rank = 0; rank < ranked.scoreDocs.length; rank++) {
      fused.merge(ranked.scoreDocs[rank].doc, weight / (K + rank + 1), Float::sum);
    }
  }
}
