package dev.ticketkit.kb.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.jspecify.annotations.Nullable;

/**
 * The relevance of each hit, from 0 to 1, on which the "confident answer" signal rests.
 *
 * <p>Implementation notes: BM25 scores are not comparable across queries, so relevance is built
 * from query coverage instead: the IDF-weighted share of the query's word concepts (with their
 * synonyms and typo corrections) that the article contains, and the same share for the query's
 * single Han characters and pinyin pairs, which rescue colloquial wording and homophone typos.
 * Lexical relevance is {@code max(words, (2 words + characters + pinyin) / 4)} for a query with
 * Han text and {@code words} otherwise. With an embedding, the cosine similarity {@code c} of
 * query and article is mapped linearly from [{@value #COSINE_FLOOR}, {@value #COSINE_CEILING}]
 * to [0, 1] and averaged with the lexical relevance. The cut-offs were chosen on the calibration
 * half of the relevance set (docs/benchmarks.md). Each hit costs one advance per query part:
 * microseconds. Stateless and thread-safe.
 */
final class Relevance {

  static final double COSINE_FLOOR = 0.35;
  static final double COSINE_CEILING = 0.75;

  /** What relevance is computed from, per hit. */
  record Features(double words, double characters, double pinyin, double cosine) {}

  private Relevance() {}

  static double of(Features f, boolean han, boolean hybrid) {
    double lexical = han
        ? Math.max(f.words(), (2 * f.words() + f.characters() + f.pinyin()) / 4) : f.words();
    if (!hybrid) {
      return lexical;
    }
    double meaning = (f.cosine() - COSINE_FLOOR) / (COSINE_CEILING - COSINE_FLOOR);
    return (lexical + Math.max(0, Math.min(1, meaning))) / 2;
  }

  static Features[] features(IndexSearcher searcher, QueryFactory.Built built, ScoreDoc[] hits,
      float @Nullable [] queryVector) throws IOException {
    double[] words = coverage(searcher, built.words(), hits);
    double[] characters = coverage(searcher, built.characters(), hits);
    double[] pinyin = coverage(searcher, built.pinyin(), hits);
    Features[] features = new Features[hits.length];
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (int i = 0; i < hits.length; i++) {
      double cosine = queryVector == null ? 0 : cosine(leaves, hits[i].doc, queryVector);
      features[i] = new Features(words[i], characters[i], pinyin[i], cosine);
    }
    return features;
  }

  private static double[] coverage(IndexSearcher searcher, List<QueryFactory.Part> parts,
      ScoreDoc[] hits) throws IOException {
    double[] matched = new double[hits.length];
    double total = 0;
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (QueryFactory.Part part : parts) {
      total += part.weight();
      Weight weight = searcher.createWeight(searcher.rewrite(part.query()),
          ScoreMode.COMPLETE_NO_SCORES, 1f);
      for (int i = 0; i < hits.length; i++) {
        if (matches(weight, leaves, hits[i].doc)) {
          matched[i] += part.weight();
        }
      }
    }
    for (int i = 0; i < hits.length; i++) {
      matched[i] = total == 0 ? 0 : matched[i] / total;
    }
    return matched;
  }

  private static boolean matches(Weight weight, List<LeafReaderContext> leaves, int doc)
      throws IOException {
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    Scorer scorer = weight.scorer(leaf);
    if (scorer == null) {
      return false;
    }
    int local = doc - leaf.docBase;
    DocIdSetIterator it = scorer.iterator();
    return it.advance(local) == local;
  }

  private static double cosine(List<LeafReaderContext> leaves, int doc, float[] query)
      throws IOException {
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    FloatVectorValues values = leaf.reader().getFloatVectorValues(ArticleDocuments.VECTOR);
    int local = doc - leaf.docBase;
    if (values == null || values.advance(local) != local) {
      return 0;
    }
    float[] v = values.vectorValue();
    double dot = 0;
    double nv = 0;
    double nq = 0;
    for (int i = 0; i < v.length; i++) {
      dot += v[i] * query[i];
      nv += v[i] * v[i];
      nq += query[i] * query[i];
    }
    return nv == 0 || nq == 0 ? 0 : dot / Math.sqrt(nv * nq);
  }
}
