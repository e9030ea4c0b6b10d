package dev.ticketkit.kb.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;

/**
 * Which of a search's hits a query matches, for {@link Relevance}: the same answer as running the
 * query's {@link Weight} over the hits, with far less garbage.
 *
 * <p>Implementation notes: the parts {@link Relevance} checks are built from term, synonym,
 * boost, disjunction-max and boolean queries over single terms; a Lucene weight for them looks up
 * every term in every segment through a new terms enum and opens a new postings enum for each
 * (several KB per term and segment). Here each distinct term is checked once per search, in doc
 * order, through one terms enum and one docs-only postings enum per segment and field, both
 * reused, positioned from the term states the query builder found ({@link TermCounts}, no
 * second terms-dictionary lookup); term, synonym, disjunction and boolean queries (without a minimum number of SHOULD
 * clauses) are combined from those answers by Lucene's matching rules. Any other query (a phrase)
 * runs through its Lucene weight as before. Like a weight's iterator, it ignores deletions: the
 * hits are live documents. Not thread-safe: one instance per search.
 */
final class HitMatcher {

  private final IndexSearcher searcher;
  private final TermCounts counts;
  private final ScoreDoc[] hits;
  private final List<LeafReaderContext> leaves;
  /** Hit indexes in increasing doc order. */
  private final int[] order;
  /** The segment of each hit (by hit index). */
  private final int[] leafOf;
  private final Map<String, Segment[]> segments = new HashMap<>();
  private final Map<Term, boolean[]> terms = new HashMap<>();

  /** A segment's reused docs enum of one field. */
  private static final class Segment {
    PostingsEnum docs;
  }

  HitMatcher(IndexSearcher searcher, ScoreDoc[] hits, TermCounts counts) {
    this.searcher = searcher;
    this.counts = counts;
    this.hits = hits;
    this.leaves = searcher.getIndexReader().leaves();
    int[][] byDoc = new int[hits.length][];
    for (int i = 0; i < hits.length; i++) {
      byDoc[i] = new int[] {hits[i].doc, i};
    }
    Arrays.sort(byDoc, (a, b) -> Integer.compare(a[0], b[0]));
    order = new int[hits.length];
    leafOf = new int[hits.length];
    for (int k = 0; k < hits.length; k++) {
      order[k] = byDoc[k][1];
      leafOf[order[k]] = ReaderUtil.subIndex(byDoc[k][0], leaves);
    }
  }

  /** Which hits the query matches, by hit index. */
  boolean[] matches(Query query) throws IOException {
    if (query instanceof TermQuery term) {
      return term(term.getTerm()).clone();
    }
    if (query instanceof BoostQuery boost) {
      return matches(boost.getQuery());
    }
    if (query instanceof SynonymQuery synonyms) {
      boolean[] any = new boolean[hits.length];
      for (Term t : synonyms.getTerms()) {
        or(any, term(t));
      }
      return any;
    }
    if (query instanceof DisjunctionMaxQuery max) {
      boolean[] any = new boolean[hits.length];
      for (Query q : max.getDisjuncts()) {
        or(any, matches(q));
      }
      return any;
    }
    if (query instanceof BooleanQuery bool && bool.getMinimumNumberShouldMatch() == 0) {
      return bool(bool);
    }
    return lucene(query);
  }

  private boolean[] bool(BooleanQuery query) throws IOException {
    boolean[] required = null;
    boolean[] should = new boolean[hits.length];
    boolean[] excluded = new boolean[hits.length];
    boolean anyShould = false;
    for (BooleanClause clause : query.clauses()) {
      boolean[] m = matches(clause.getQuery());
      switch (clause.getOccur()) {
        case MUST, FILTER -> {
          if (required == null) {
            required = m;
          } else {
            for (int i = 0; i < m.length; i++) {
              required[i] &= m[i];
            }
          }
        }
        case SHOULD -> {
          or(should, m);
          anyShould = true;
        }
        case MUST_NOT -> or(excluded, m);
      }
    }
    // No required clause: at least one SHOULD must match (none at all: nothing matches).
    boolean[] result = required != null ? required : anyShould ? should : new boolean[hits.length];
    for (int i = 0; i < result.length; i++) {
      result[i] &= !excluded[i];
    }
    return result;
  }

  private static void or(boolean[] into, boolean[] m) {
    for (int i = 0; i < into.length; i++) {
      into[i] |= m[i];
    }
  }

  /** Which hits contain the term (shared array: callers copy before changing it). */
  private boolean[] term(Term term) throws IOException {
    boolean[] known = terms.get(term);
    if (known != null) {
      return known;
    }
    Segment[] perLeaf = segments.get(term.field());
    if (perLeaf == null) {
      perLeaf = new Segment[leaves.size()];
      segments.put(term.field(), perLeaf);
    }
    boolean[] contains = new boolean[hits.length];
    int leaf = -1;
    PostingsEnum docs = null;
    for (int i : order) {
      if (leafOf[i] != leaf) {
        leaf = leafOf[i];
        docs = postings(perLeaf, leaf, term);
      }
      int local = hits[i].doc - leaves.get(leaf).docBase;
      contains[i] = docs != null
          && (docs.docID() == local || (docs.docID() < local && docs.advance(local) == local));
    }
    terms.put(term, contains);
    return contains;
  }

  /** The segment's docs enum of the term, positioned before its first doc; null if absent. */
  private PostingsEnum postings(Segment[] perLeaf, int leaf, Term term) throws IOException {
    Segment segment = perLeaf[leaf];
    if (segment == null) {
      segment = new Segment();
      perLeaf[leaf] = segment;
    }
    TermState state = counts.states(term).get(leaves.get(leaf));
    if (state == null) {
      return null;
    }
    TermsEnum terms = counts.termsEnum(term.field(), leaf);
    terms.seekExact(term.bytes(), state);
    segment.docs = terms.postings(segment.docs, PostingsEnum.NONE);
    return segment.docs;
  }

  /** Runs the query's Lucene weight over the hits, one iterator per segment, in doc order. */
  private boolean[] lucene(Query query) throws IOException {
    boolean[] matched = new boolean[hits.length];
    Weight weight = searcher.createWeight(searcher.rewrite(query),
        ScoreMode.COMPLETE_NO_SCORES, 1f);
    int leaf = -1;
    DocIdSetIterator it = null;
    for (int i : order) {
      if (leafOf[i] != leaf) {
        leaf = leafOf[i];
        Scorer scorer = weight.scorer(leaves.get(leaf));
        it = scorer == null ? null : scorer.iterator();
      }
      int local = hits[i].doc - leaves.get(leaf).docBase;
      matched[i] = it != null
          && (it.docID() == local || (it.docID() < local && it.advance(local) == local));
    }
    return matched;
  }
}
