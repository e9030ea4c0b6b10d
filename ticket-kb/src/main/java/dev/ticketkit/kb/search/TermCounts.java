package dev.ticketkit.kb.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.TermQuery;

/**
 * Document frequencies and term states of terms for one search: the same numbers as
 * {@link IndexReader#docFreq(Term)} (deleted documents included) and the same states as
 * {@link TermStates#build} with statistics, remembered per term, and looked up through one terms
 * enum per segment and field, reused from term to term.
 *
 * <p>Implementation notes: {@code IndexReader.docFreq} opens a new terms enum in every segment
 * for every call, and a new enum allocates its frames and FST arcs again on its first seek (about
 * 2 KB per segment and call); building one query looks up the same terms several times (unknown
 * bigrams, content words, IDF weights), in three fields, in every segment, and then the
 * query's weight looks each term up once more ({@link #termQuery} hands it the states found
 * here instead). Not thread-safe: one instance per search, on the searching thread.
 */
final class TermCounts {

  private final IndexReader reader;
  private final List<LeafReaderContext> leaves;
  private final Map<String, TermsEnum[]> enums = new HashMap<>();
  private final Map<Term, TermStates> states = new HashMap<>();

  TermCounts(IndexReader reader) {
    this.reader = reader;
    this.leaves = reader.leaves();
  }

  /** The reader whose terms are counted. */
  IndexReader reader() {
    return reader;
  }

  /** The number of documents (deleted ones included) containing the term. */
  int docFreq(Term term) throws IOException {
    return states(term).docFreq();
  }

  /**
   * A term query whose weight uses the term's states found here: it scores and matches as
   * {@code new TermQuery(term)}, which would look the term up in every segment again.
   */
  TermQuery termQuery(Term term) throws IOException {
    return new TermQuery(term, states(term));
  }

  /** The term's states in each segment that holds it, with its statistics. */
  TermStates states(Term term) throws IOException {
    TermStates known = states.get(term);
    if (known != null) {
      return known;
    }
    TermStates found = new TermStates(reader.getContext());
    for (int i = 0; i < leaves.size(); i++) {
      TermsEnum terms = termsEnum(term.field(), i);
      if (terms.seekExact(term.bytes())) {
        found.register(terms.termState(), leaves.get(i).ord, terms.docFreq(),
            terms.totalTermFreq());
      }
    }
    states.put(term, found);
    return found;
  }

  /**
   * The search's terms enum of a field in a segment (by its index among the reader's leaves),
   * shared by everything the search looks up: whoever seeks it reads what it needs at once.
   */
  TermsEnum termsEnum(String field, int leaf) throws IOException {
    TermsEnum[] perLeaf = enums.get(field);
    if (perLeaf == null) {
      perLeaf = new TermsEnum[leaves.size()];
      enums.put(field, perLeaf);
    }
    TermsEnum terms = perLeaf[leaf];
    if (terms == null) {
      Terms index = leaves.get(leaf).reader().terms(field);
      terms = index == null ? TermsEnum.EMPTY : index.iterator();
      perLeaf[leaf] = terms;
    }
    return terms;
  }
}
