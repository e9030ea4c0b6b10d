package dev.ticketkit.kb.search;

import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.jspecify.annotations.Nullable;

/**
 * Typo tolerance for Latin words: a word of 4+ letters that (almost) no article contains is
 * probably a typo, and the nearest known words (Levenshtein, at most {@value #FUZZY_EXPANSIONS})
 * stand in for it at a weight below 1. The compiled automata of the last
 * {@value #AUTOMATON_CACHE} misspelled words are cached. Thread-safe.
 */
final class LatinTypos {

  static final int FUZZY_EXPANSIONS = 5;
  static final int RARE_DOCS = 2;
  /** How many compiled typo automata are kept (least recently used dropped first). */
  static final int AUTOMATON_CACHE = 256;
  private static final String[] FIELDS =
      {ArticleDocuments.TITLE, ArticleDocuments.TAGS, ArticleDocuments.BODY};

  /**
   * Compiled Levenshtein automata by word: compiling a two-edit automaton costs about as much as
   * the rest of the query, and the same misspellings recur. Automata depend on the word only, not
   * on the index, so entries never go stale. Guarded by its own monitor.
   */
  private final Map<String, CompiledAutomaton> automata =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledAutomaton> eldest) {
          return size() > AUTOMATON_CACHE;
        }
      };

  /**
   * Returns the known words within one or two edits of a probable typo (one edit up to five
   * letters), closest and most frequent first, with a weight in {@code (0, 1]}. One Levenshtein
   * automaton is compiled and intersected with each segment's title, tag and body terms; the corrections then
   * join the query as plain terms in all three fields.
   */
  Map<String, Float> corrections(@Nullable IndexReader reader, String word)
      throws IOException {
    if (reader == null) {
      return Map.of();
    }
    CompiledAutomaton near = automaton(word);
    Map<String, Integer> docs = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      for (String field : FIELDS) {
        Terms terms = leaf.reader().terms(field);
        TermsEnum found = terms == null ? null : near.getTermsEnum(terms);
        for (BytesRef t = found == null ? null : found.next(); t != null; t = found.next()) {
          docs.merge(t.utf8ToString(), found.docFreq(), Integer::sum);
        }
      }
    }
    Map<String, Float> best = new LinkedHashMap<>();
    docs.entrySet().stream()
        .sorted(Comparator.comparingInt((Map.Entry<String, Integer> e) -> distance(word, e.getKey()))
            .thenComparing(Map.Entry::getValue, Comparator.reverseOrder()))
        .limit(FUZZY_EXPANSIONS)
        .forEach(e -> best.put(e.getKey(),
            Math.max(0.1f, 1f - (float) distance(word, e.getKey()) / word.length())));
    return best;
  }

  /** Returns the (cached) automaton of the words within the allowed edits of a word. */
  private CompiledAutomaton automaton(String word) {
    synchronized (automata) {
      CompiledAutomaton cached = automata.get(word);
      if (cached != null) {
        return cached;
      }
    }
    // Compiled outside the lock; two threads may compile the same word, which is harmless.
    CompiledAutomaton near = FuzzyQuery.getFuzzyAutomaton(word, word.length() <= 5 ? 1 : 2, 1, true);
    synchronized (automata) {
      automata.put(word, near);
    }
    return near;
  }

  /** Optimal-string-alignment distance: edits with adjacent transpositions. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        if (i == 0 || j == 0) {
          d[i][j] = i + j;
          continue;
        }
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** Tells whether a word is (nearly) unknown to the index, so probably a typo. */
  static boolean isRare(@Nullable TermCounts reader, String term) throws IOException {
    if (reader == null) {
      return false;
    }
    int docs = 0;
    for (String field : FIELDS) {
      docs += reader.docFreq(new Term(field, term));
    }
    return docs <= RARE_DOCS;
  }

  static boolean isLatinWord(String term) {
    if (term.length() < 4) {
      return false;
    }
    for (int i = 0; i < term.length(); i++) {
      char c = term.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }

}
