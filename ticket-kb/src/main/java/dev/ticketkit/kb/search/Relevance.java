package dev.ticketkit.kb.search;

import dev.ticketkit.kb.internal.Vectors;
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
 * The relevance of each hit, from 0 to 1, on which the "confident answer" signal rests: a hit is
 * confident when its relevance is at least {@link SearchSettings#confidence()} (0.5 by default).
 *
 * <p>Implementation notes: BM25 scores are not comparable across queries, so relevance is built
 * from features that are:
 * <ul>
 *   <li>{@code lex}, query coverage: the IDF-weighted share of the query's word concepts (with
 *       their synonyms and typo corrections) that the article contains; for a query with Han text
 *       {@code max(words, (2 words + characters + pinyin) / 4)}, where the last two are the same
 *       share for single characters and pinyin pairs (colloquial wording, homophone typos);</li>
 *   <li>{@code unknown}: the share of the query's content words that no article of the tenant
 *       contains, nor a synonym or near spelling of them (a query about something the knowledge
 *       base never mentions);</li>
 *   <li>with an embedding, {@code cos}, the cosine similarity of query and article, and
 *       {@code margin}, how far it stands above the mean cosine of the other hits.</li>
 * </ul>
 * Lexical: {@code score = lex - unknown}, hybrid: {@code score = cos + margin + 0.3 lex -
 * unknown}; relevance is {@code 0.5 + score - cut}, clamped to [0, 1], so that the default
 * threshold 0.5 sits at the cut. The weights and the cuts ({@value #LEXICAL_CUT},
 * {@value #HYBRID_CUT}) were chosen on the calibration half of the relevance set (even lines)
 * as the cut flagging the most no-answer queries while flagging under 5% of answerable ones;
 * docs/benchmarks.md gives the held-out half. Each query part is checked against the hits in
 * doc order, one iterator per segment: microseconds. Stateless and thread-safe.
 */
final class Relevance {

  static final double LEXICAL_CUT = -0.3675;
  static final double HYBRID_CUT = 0.15;

  /** What relevance is computed from, per hit. */
  record Features(double words, double characters, double pinyin, double cosine,
      double unknown) {}

  private Relevance() {}

  static double[] of(Features[] hits, boolean han, boolean hybrid) {
    double[] relevance = new double[hits.length];
    double cosines = 0;
    for (Features f : hits) {
      cosines += f.cosine();
    }
    for (int i = 0; i < hits.length; i++) {
      Features f = hits[i];
      double lex = han
          ? Math.max(f.words(), (2 * f.words() + f.characters() + f.pinyin()) / 4) : f.words();
      double score;
      if (hybrid) {
        double others = hits.length == 1 ? f.cosine()
            : (cosines - f.cosine()) / (hits.length - 1);
        score = f.cosine() + (f.cosine() - others) + 0.3 * lex - f.unknown() - HYBRID_CUT;
      } else {
        score = lex - f.unknown() - LEXICAL_CUT;
      }
      relevance[i] = Math.max(0, Math.min(1, 0.5 + score));
    }
    return relevance;
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
      features[i] = new Features(words[i], characters[i], pinyin[i], cosine, built.unknown());
    }
    return features;
  }

  private static double[] coverage(IndexSearcher searcher, List<QueryFactory.Part> parts,
      ScoreDoc[] hits) throws IOException {
    double[] matched = new double[hits.length];
    double total = 0;
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    Integer[] order = new Integer[hits.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> hits[i].doc));
    for (QueryFactory.Part part : parts) {
      total += part.weight();
      Weight weight = searcher.createWeight(searcher.rewrite(part.query()),
          ScoreMode.COMPLETE_NO_SCORES, 1f);
      LeafReaderContext leaf = null;
      DocIdSetIterator it = null;
      for (int i : order) {
        int doc = hits[i].doc;
        if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
          leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
          Scorer scorer = weight.scorer(leaf);
          it = scorer == null ? null : scorer.iterator();
        }
        int local = doc - leaf.docBase;
        boolean at = it != null
            && (it.docID() == local || (it.docID() < local && it.advance(local) == local));
        if (at) {
          matched[i] += part.weight();
        }
      }
    }
    for (int i = 0; i < hits.length; i++) {
      matched[i] = total == 0 ? 0 : matched[i] / total;
    }
    return matched;
  }

  private static double cosine(List<LeafReaderContext> leaves, int doc, float[] query)
      throws IOException {
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    FloatVectorValues values = leaf.reader().getFloatVectorValues(ArticleDocuments.VECTOR);
    int local = doc - leaf.docBase;
    if (values == null || values.advance(local) != local) {
      return 0;
    }
    return Vectors.cosine(values.vectorValue(), query);
  }
}
