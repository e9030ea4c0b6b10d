package dev.ticketkit.kb.search;

import dev.ticketkit.kb.ArticleStatus;
import dev.ticketkit.kb.Audience;
import dev.ticketkit.kb.Viewer;
import dev.ticketkit.kb.internal.KbAnalyzer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;

/**
 * Builds Lucene queries from search requests without any query syntax.
 *
 * <p>Implementation notes: the text is analyzed into terms; runs of terms that spell a synonym
 * member are expanded to the group's other members. Each distinct term (or run) becomes one
 * SHOULD clause: a disjunction-max over title, tags and body, boosted per field, of a
 * {@link SynonymQuery} (the term and its single-term synonyms, scored as one term), phrase
 * queries for multi-term synonyms, and, for Latin words of 4+ letters that (almost) no article
 * contains, hence probably typos, a {@link FuzzyQuery} at half weight. Known words get no fuzzy
 * clause: that keeps common queries fast and stops near spellings outranking exact matches. The context text adds clauses at a lower weight and without fuzziness. A budget
 * of leaf clauses keeps every query under Lucene's clause limit whatever the input, so no text
 * can trip {@code TooManyClauses}. The request's filters are FILTER clauses. Immutable and
 * thread-safe.
 */
final class QueryFactory {

  static final int LEAF_BUDGET = 800;
  static final int MAX_FUZZY_TERMS = 6;
  static final int FUZZY_EXPANSIONS = 10;
  static final int MAX_ALTERNATIVES = 8;
  static final float CONTEXT_WEIGHT = 0.3f;
  static final int RARE_DOCS = 2;
  private static final String[] FIELDS =
      {ArticleDocuments.TITLE, ArticleDocuments.TAGS, ArticleDocuments.BODY};

  private final SearchSettings settings;
  private final Analyzer analyzer;
  private final SynonymTable synonyms;

  QueryFactory(SearchSettings settings, Analyzer analyzer) {
    this.settings = settings;
    this.analyzer = analyzer;
    this.synonyms = new SynonymTable(settings.synonyms(), analyzer);
  }

  /** A query to run and its text part alone, which the highlighter reads. */
  record Built(Query query, Query text) {}

  /**
   * Returns the query for a request, or null when its texts hold no searchable term. The reader
   * tells which words are unknown to the index: only those get a fuzzy clause.
   */
  @Nullable Built build(SearchRequest request, IndexReader reader) throws IOException {
    BooleanQuery.Builder text = new BooleanQuery.Builder();
    int[] budget = {LEAF_BUDGET};
    int clauses = addText(text, request.text(), 1f, settings.fuzzy() ? reader : null, budget);
    clauses += addText(text, request.context(), CONTEXT_WEIGHT, null, budget);
    if (clauses == 0) {
      return null;
    }
    Query textQuery = text.build();
    BooleanQuery.Builder query = new BooleanQuery.Builder().add(textQuery, Occur.MUST);
    filters(request).forEach(filter -> query.add(filter, Occur.FILTER));
    return new Built(query.build(), textQuery);
  }

  private int addText(BooleanQuery.Builder into, String text, float weight,
      @Nullable IndexReader fuzzyReader, int[] budget) throws IOException {
    List<String> terms = KbAnalyzer.terms(analyzer, text);
    Set<List<String>> seen = new HashSet<>();
    int added = 0;
    int fuzzyLeft = fuzzyReader != null ? MAX_FUZZY_TERMS : 0;
    for (int i = 0; i < terms.size(); ) {
      SynonymTable.Match match = synonyms.matchAt(terms, i);
      List<String> own = List.copyOf(terms.subList(i, i + (match == null ? 1 : match.length())));
      List<List<String>> alternatives = alternatives(match);
      boolean fuzzyHere = fuzzyLeft > 0 && own.size() == 1 && isLatinWord(own.get(0))
          && isRare(fuzzyReader, own.get(0));
      int cost = 3 * (own.size() + alternatives.stream().mapToInt(List::size).sum()
          + (fuzzyHere ? FUZZY_EXPANSIONS : 0));
      i += own.size();
      if (cost > budget[0]) {
        break;
      }
      if (seen.add(own)) {
        into.add(new BoostQuery(clause(own, alternatives, fuzzyHere), weight), Occur.SHOULD);
        budget[0] -= cost;
        fuzzyLeft -= fuzzyHere ? 1 : 0;
        added++;
      }
    }
    return added;
  }

  private static List<List<String>> alternatives(SynonymTable.@Nullable Match match) {
    if (match == null) {
      return List.of();
    }
    List<List<String>> all = match.alternatives();
    return all.size() <= MAX_ALTERNATIVES ? all : all.subList(0, MAX_ALTERNATIVES);
  }

  private Query clause(List<String> own, List<List<String>> alternatives, boolean fuzzy) {
    List<Query> perField = new ArrayList<>(3);
    perField.add(boosted(fieldQuery(ArticleDocuments.TITLE, own, alternatives, fuzzy),
        settings.titleBoost()));
    perField.add(boosted(fieldQuery(ArticleDocuments.TAGS, own, alternatives, fuzzy),
        settings.tagsBoost()));
    perField.add(boosted(fieldQuery(ArticleDocuments.BODY, own, alternatives, fuzzy),
        settings.bodyBoost()));
    return new DisjunctionMaxQuery(perField, 0.1f);
  }

  private static Query boosted(Query query, float boost) {
    return boost == 1f ? query : new BoostQuery(query, boost);
  }

  private static Query fieldQuery(
      String field, List<String> own, List<List<String>> alternatives, boolean fuzzy) {
    List<List<String>> members = new ArrayList<>(alternatives.size() + 1);
    members.add(own);
    members.addAll(alternatives);
    SynonymQuery.Builder single = new SynonymQuery.Builder(field);
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    int singles = 0;
    for (List<String> member : members) {
      if (member.size() == 1) {
        single.addTerm(new Term(field, member.get(0)), member == own ? 1f : 0.9f);
        singles++;
      } else {
        any.add(new PhraseQuery(field, member.toArray(String[]::new)), Occur.SHOULD);
      }
    }
    if (singles > 0) {
      any.add(single.build(), Occur.SHOULD);
    }
    if (fuzzy) {
      any.add(new BoostQuery(fuzzyQuery(field, own.get(0)), 0.5f), Occur.SHOULD);
    }
    return any.build();
  }

  private static Query fuzzyQuery(String field, String term) {
    int edits = term.length() <= 5 ? 1 : 2;
    return new FuzzyQuery(new Term(field, term), edits, 1, FUZZY_EXPANSIONS, true);
  }

  /** Tells whether a word is (nearly) unknown to the index, so probably a typo. */
  private static boolean isRare(@Nullable IndexReader reader, String term) throws IOException {
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

  private static List<Query> filters(SearchRequest request) {
    List<Query> filters = new ArrayList<>();
    filters.add(new TermQuery(new Term(ArticleDocuments.TENANT, request.tenant().value())));
    if (request.viewer() == Viewer.REQUESTER) {
      filters.add(term(ArticleDocuments.VISIBILITY,
          ArticleDocuments.visibility(ArticleStatus.PUBLISHED, Audience.PUBLIC)));
    }
    anyOf(ArticleDocuments.AUDIENCE, request.audiences(), Enum::name, filters);
    anyOf(ArticleDocuments.STATUS, request.statuses(), Enum::name, filters);
    anyOf(ArticleDocuments.TYPE, request.types(), Enum::name, filters);
    if (request.locale() != null) {
      filters.add(request.locale().getCountry().isEmpty()
          ? term(ArticleDocuments.LANGUAGE, request.locale().getLanguage())
          : term(ArticleDocuments.LOCALE, ArticleDocuments.localeTag(request.locale())));
    }
    return filters;
  }

  private static Query term(String field, String value) {
    return new TermQuery(new Term(field, value));
  }

  private static <T> void anyOf(
      String field, Set<T> values, Function<T, String> name, List<Query> filters) {
    if (values.isEmpty()) {
      return;
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    values.forEach(v -> any.add(term(field, name.apply(v)), Occur.SHOULD));
    filters.add(any.build());
  }
}
