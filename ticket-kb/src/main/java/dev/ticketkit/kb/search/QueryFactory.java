package dev.ticketkit.kb.search;

import dev.ticketkit.kb.ArticleStatus;
import dev.ticketkit.kb.Audience;
import dev.ticketkit.kb.Viewer;
import dev.ticketkit.kb.internal.HanText;
import dev.ticketkit.kb.internal.KbAnalyzer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.jspecify.annotations.Nullable;

/**
 * Builds Lucene queries from search requests without any query syntax.
 *
 * <p>Implementation notes: the text is analyzed into terms; runs of terms that spell a synonym
 * member are expanded to the group's other members. Each distinct term (or run) becomes one
 * SHOULD clause: a disjunction-max over title, tags and body, boosted per field, of a
 * {@link SynonymQuery} (the term and its single-term synonyms, scored as one term), phrase
 * queries for multi-term synonyms. Two members of one synonym group in a query add one clause.
 * A Latin word of 4+ letters that (almost) no article contains is probably a typo: the nearest
 * known words (Levenshtein, at most 5) join its synonym query at half weight or less. Known
 * words get no corrections: that keeps common queries fast and stops near spellings outranking
 * exact matches. The compiled automata of the last {@value LatinTypos#AUTOMATON_CACHE} misspelled words
 * are cached. The context text adds clauses at a lower weight and without fuzziness. A budget
 * of leaf clauses keeps every query under Lucene's clause limit whatever the input, so no text
 * can trip {@code TooManyClauses}. The request's filters form a separate query. Immutable and
 * thread-safe.
 */
final class QueryFactory {

  static final int LEAF_BUDGET = 800;
  static final int MAX_FUZZY_TERMS = 6;
  static final int MAX_ALTERNATIVES = 8;
  static final float CONTEXT_WEIGHT = 0.3f;
  /**
   * Chinese question and function words (as bigrams) that say nothing about the topic: in titles
   * such as "...怎么办" they would otherwise outrank topic words. Dropped from queries only.
   */
  static final Set<String> QUESTION_WORDS = Set.of("怎么", "么办", "什么", "如何", "为什", "怎样",
      "可以", "能否", "是否", "是不", "不是", "请问", "一下", "我的", "你们", "我们", "时候", "的时",
      "为何", "哪里", "哪些", "这个", "那个", "一个", "没有", "已经", "还是", "但是", "需要", "要怎",
      "了怎", "么样", "的话", "了吗");
  /** The most single-character and pinyin clauses a text adds (each). */
  static final int MAX_FALLBACK_TERMS = 48;
  /** The most content words a text adds to {@link Built#content()}. */
  static final int MAX_CONTENT_WORDS = 16;
  private static final String[] FIELDS =
      {ArticleDocuments.TITLE, ArticleDocuments.TAGS, ArticleDocuments.BODY};

  private final SearchSettings settings;
  private final Analyzer analyzer;
  private final SynonymTable synonyms;
  private final LatinTypos typos = new LatinTypos();
  private final Analyzer segmenter = KbAnalyzer.smart();

  QueryFactory(SearchSettings settings, Analyzer analyzer) {
    this.settings = settings;
    this.analyzer = analyzer;
    this.synonyms = new SynonymTable(settings.synonyms(), analyzer);
  }

  /**
   * The queries of one request: the scoring text query (a pure disjunction), the filter that
   * hits must pass, applied while collecting (see {@link FilteredSearch}), and the request's
   * text split into weighted parts for {@link Relevance}: its word concepts, its single Han
   * characters and its pinyin pairs (the context text is not part of them).
   */
  record Built(Query text, Query filter, List<Part> words, List<Part> characters,
      List<Part> pinyin, double unknown, List<Part> content, TermCounts terms) {}

  /** One part of a query text: a query matching it, and its weight (its IDF). */
  record Part(Query query, double weight) {}

  /**
   * Returns the query for a request, or null when its texts hold no searchable term. The reader
   * tells which words are unknown to the index: only those get a fuzzy clause.
   */
  @Nullable Built build(SearchRequest request, IndexReader index) throws IOException {
    TermCounts reader = new TermCounts(index);
    BooleanQuery.Builder text = new BooleanQuery.Builder();
    int[] budget = {LEAF_BUDGET};
    List<Part> words = new ArrayList<>();
    Locale language = request.language();
    int clauses = addText(text, request.text(), 1f, reader, settings.fuzzy(), budget,
        language, words);
    clauses += addText(text, request.context(), CONTEXT_WEIGHT, reader, false, budget, language,
        null);
    List<Part> characters = new ArrayList<>();
    List<Part> syllables = new ArrayList<>();
    List<String> unknown = unknownBigrams(request.text(), reader);
    List<String> unknownContext = unknownBigrams(request.context(), reader);
    clauses += addFallback(text, ArticleDocuments.HAN, settings.unigramWeight(), reader, budget,
        characters, characters(unknown), characters(unknownContext));
    clauses += addFallback(text, ArticleDocuments.PINYIN, settings.pinyinWeight(), reader, budget,
        syllables, pairs(unknown), pairs(unknownContext));
    if (clauses == 0) {
      return null;
    }
    BooleanQuery.Builder filter = new BooleanQuery.Builder();
    filters(request).forEach(f -> filter.add(f, Occur.FILTER));
    List<Part> content = new ArrayList<>();
    double unknownShare = contentWords(request, reader, content);
    return new Built(text.build(), filter.build(), words, characters, syllables, unknownShare,
        content, reader);
  }

  /**
   * Adds one clause per distinct fallback term (single Han characters, pinyin pairs) of the text
   * and, at the context weight, of the context. Only terms standing in for bigrams that no
   * article contains are added: where the words are found, the fallbacks would add nothing but
   * cost (a common character's postings cover most Chinese articles).
   */
  private int addFallback(BooleanQuery.Builder into, String field, float weight,
      TermCounts reader, int[] budget, List<Part> parts, List<String> terms,
      List<String> contextTerms) throws IOException {
    if (weight == 0) {
      return 0;
    }
    int added = 0;
    Set<String> seen = new HashSet<>();
    for (String term : terms) {
      if (seen.size() < MAX_FALLBACK_TERMS && budget[0] > 0 && seen.add(term)) {
        Query query = reader.termQuery(new Term(field, term));
        into.add(new BoostQuery(query, weight), Occur.SHOULD);
        parts.add(new Part(query, idf(reader, List.of(new Term(field, term)))));
        budget[0]--;
        added++;
      }
    }
    for (String term : contextTerms) {
      if (seen.size() < 2 * MAX_FALLBACK_TERMS && budget[0] > 0 && seen.add(term)) {
        into.add(new BoostQuery(reader.termQuery(new Term(field, term)),
            weight * CONTEXT_WEIGHT), Occur.SHOULD);
        budget[0]--;
        added++;
      }
    }
    return added;
  }

  /** Returns the Han bigrams of a text that no article's title or body contains. */
  private List<String> unknownBigrams(String text, TermCounts reader) throws IOException {
    List<String> unknown = new ArrayList<>();
    if (text.isEmpty()) {
      return unknown;
    }
    for (String term : KbAnalyzer.terms(analyzer, text)) {
      if (term.length() == 2 && HanText.isHan(term.charAt(0)) && HanText.isHan(term.charAt(1))
          && !QUESTION_WORDS.contains(term)
          && reader.docFreq(new Term(ArticleDocuments.BODY, term)) == 0
          && reader.docFreq(new Term(ArticleDocuments.TITLE, term)) == 0) {
        unknown.add(term);
      }
    }
    return unknown;
  }

  private static List<String> characters(List<String> bigrams) {
    List<String> chars = new ArrayList<>();
    bigrams.forEach(b -> b.chars().forEach(c -> chars.add(String.valueOf((char) c))));
    return chars;
  }

  /** The pinyin pairs of bigrams: {@code 发漂} gives {@code fapiao}, as {@code 发票} does. */
  private static List<String> pairs(List<String> bigrams) {
    return bigrams.stream().map(b -> HanText.pinyin(b.charAt(0)) + HanText.pinyin(b.charAt(1)))
        .toList();
  }

  /**
   * Returns the share of the text's content words that no article of the index contains, nor
   * any synonym or near spelling of them: dictionary words of two or more Han characters and
   * Latin words of three or more letters. A query about something the knowledge base never
   * mentions ("dark mode", 头像) has such words; a colloquial or misspelt query about a covered
   * topic mostly does not. Adds to {@code content} each distinct content word as a part: a
   * query matching an article that contains the word (all its terms, in any text field), a
   * synonym of it or, for a word no article contains, a near spelling or homophone, weighted by
   * the IDF of its rarest term (0 documents: the highest).
   */
  private double contentWords(SearchRequest request, TermCounts reader, List<Part> content)
      throws IOException {
    int words = 0;
    int unknown = 0;
    Set<String> seen = new HashSet<>();
    for (String word : KbAnalyzer.terms(segmenter, request.text())) {
      boolean han = HanText.isHan(word.codePointAt(0));
      boolean latin = !han && word.length() >= 3 && LatinTypos.isLatinWord(word);
      if ((han && word.length() < 2) || (!han && !latin)
          || QUESTION_WORDS.contains(word)) {
        continue;
      }
      words++;
      List<Query> forms = new ArrayList<>();
      unknown += known(word, han, reader, request.language(), forms) ? 0 : 1;
      List<String> terms = KbAnalyzer.terms(analyzer, word);
      if (!terms.isEmpty() && seen.add(word) && content.size() < MAX_CONTENT_WORDS) {
        List<Term> body = new ArrayList<>();
        terms.forEach(t -> body.add(new Term(ArticleDocuments.BODY, t)));
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        forms.forEach(f -> any.add(f, Occur.SHOULD));
        content.add(new Part(any.build(), idf(reader, body)));
      }
    }
    return words == 0 ? 0 : (double) unknown / words;
  }

  /**
   * Tells whether a content word is known to the index (it, a synonym, a near spelling or a
   * homophone of it occurs in some article), adding to {@code forms} a query for each form
   * looked at: the word's terms all in one article, each synonym's likewise, and for a word no
   * article contains, its near spellings (Latin) or its pinyin pairs (Han).
   */
  private boolean known(String word, boolean han, TermCounts reader, @Nullable Locale language,
      List<Query> forms) throws IOException {
    List<String> terms = KbAnalyzer.terms(analyzer, word);
    if (terms.isEmpty()) {
      return true;
    }
    forms.add(allOf(terms));
    boolean known = inIndex(reader, terms);
    SynonymTable.Match match = synonyms.matchAt(terms, 0, language);
    if (match != null) {
      for (List<String> alternative : match.alternatives()) {
        forms.add(allOf(alternative));
        known |= inIndex(reader, alternative);
      }
    }
    if (known) {
      return true;
    }
    if (han) {
      if (soundsKnown(word, reader)) {
        forms.add(pinyinPairs(word));
        return true;
      }
      return false;
    }
    if (!settings.fuzzy()) {
      return false;
    }
    Map<String, Float> corrections = typos.corrections(reader.reader(), terms.get(0));
    corrections.keySet().forEach(c -> forms.add(allOf(List.of(c))));
    return !corrections.isEmpty();
  }

  /** A query matching an article whose title, tags or body hold every one of the terms. */
  private static Query allOf(List<String> terms) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (String term : terms) {
      BooleanQuery.Builder anyField = new BooleanQuery.Builder();
      for (String field : FIELDS) {
        anyField.add(new TermQuery(new Term(field, term)), Occur.SHOULD);
      }
      all.add(anyField.build(), Occur.MUST);
    }
    return all.build();
  }

  /** A query matching an article with every adjacent character pair of a Han word, by sound. */
  private static Query pinyinPairs(String word) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (int i = 0; i + 1 < word.length(); i++) {
      all.add(new TermQuery(new Term(ArticleDocuments.PINYIN,
          HanText.pinyin(word.charAt(i)) + HanText.pinyin(word.charAt(i + 1)))), Occur.MUST);
    }
    return all.build();
  }

  /**
   * Tells whether every adjacent pair of a Han word's characters sounds like (same pinyin, tones
   * ignored) a pair some article contains: {@code 定单} sounds like {@code 订单}, a homophone typo
   * the pinyin fallback finds, so the word is no sign of an unknown topic.
   */
  private static boolean soundsKnown(String word, TermCounts reader) throws IOException {
    if (word.length() < 2) {
      return false;
    }
    for (int i = 0; i + 1 < word.length(); i++) {
      char a = word.charAt(i);
      char b = word.charAt(i + 1);
      if (!HanText.isHan(a) || !HanText.isHan(b) || reader.docFreq(new Term(
          ArticleDocuments.PINYIN, HanText.pinyin(a) + HanText.pinyin(b))) == 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean inIndex(TermCounts reader, List<String> terms) throws IOException {
    for (String term : terms) {
      int docs = 0;
      for (String field : FIELDS) {
        docs += reader.docFreq(new Term(field, term));
      }
      if (docs == 0) {
        return false;
      }
    }
    return true;
  }

  /** The BM25 inverse document frequency of the rarest of some terms (0 documents: highest). */
  static double idf(TermCounts reader, List<Term> terms) throws IOException {
    long n = reader.reader().numDocs();
    long df = Long.MAX_VALUE;
    for (Term term : terms) {
      df = Math.min(df, reader.docFreq(term));
    }
    if (df == Long.MAX_VALUE) {
      df = 0;
    }
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  private int addText(BooleanQuery.Builder into, String text, float weight,
      TermCounts reader, boolean fuzzy, int[] budget, @Nullable Locale language,
      @Nullable List<Part> parts) throws IOException {
    @Nullable TermCounts fuzzyReader = fuzzy ? reader : null;
    List<String> terms = KbAnalyzer.terms(analyzer, text);
    Set<Set<List<String>>> seen = new HashSet<>();
    int added = 0;
    int fuzzyLeft = fuzzyReader != null ? MAX_FUZZY_TERMS : 0;
    for (int i = 0; i < terms.size(); ) {
      SynonymTable.Match match = synonyms.matchAt(terms, i, language);
      if (match == null && QUESTION_WORDS.contains(terms.get(i))) {
        i++;
        continue;
      }
      List<String> own = List.copyOf(terms.subList(i, i + (match == null ? 1 : match.length())));
      List<List<String>> alternatives = alternatives(match);
      boolean fuzzyHere = fuzzyLeft > 0 && own.size() == 1 && LatinTypos.isLatinWord(own.get(0))
          && LatinTypos.isRare(fuzzyReader, own.get(0));
      Map<String, Float> corrections =
          fuzzyHere ? typos.corrections(reader.reader(), own.get(0)) : Map.of();
      int cost = 3 * (own.size() + alternatives.stream().mapToInt(List::size).sum()
          + corrections.size());
      // After a multi-term member, its later terms also get clauses of their own: an article
      // may use one of the words without the phrase.
      i++;
      if (cost > budget[0]) {
        break;
      }
      if (seen.add(concept(own, match))) {
        Query clause = clause(own, alternatives, corrections, reader);
        into.add(new BoostQuery(clause, weight), Occur.SHOULD);
        if (parts != null) {
          parts.add(new Part(clause, idf(reader, bodyTerms(own, alternatives))));
        }
        budget[0] -= cost;
        fuzzyLeft -= fuzzyHere ? 1 : 0;
        added++;
      }
    }
    return added;
  }

  private static List<Term> bodyTerms(List<String> own, List<List<String>> alternatives) {
    List<Term> terms = new ArrayList<>();
    own.forEach(t -> terms.add(new Term(ArticleDocuments.BODY, t)));
    for (List<String> alternative : alternatives) {
      alternative.forEach(t -> terms.add(new Term(ArticleDocuments.BODY, t)));
    }
    return terms;
  }

  /**
   * What a run of terms stands for: the run itself, or its whole synonym group, so that two
   * members of one group in a query ({@code 物流 快递}) add one clause, not two identical ones.
   */
  private static Set<List<String>> concept(List<String> own, SynonymTable.@Nullable Match match) {
    Set<List<String>> members = new HashSet<>();
    members.add(own);
    if (match != null) {
      members.addAll(match.alternatives());
    }
    return members;
  }

  private static List<List<String>> alternatives(SynonymTable.@Nullable Match match) {
    if (match == null) {
      return List.of();
    }
    List<List<String>> all = match.alternatives();
    return all.size() <= MAX_ALTERNATIVES ? all : all.subList(0, MAX_ALTERNATIVES);
  }

  private Query clause(List<String> own, List<List<String>> alternatives,
      Map<String, Float> fuzzy, TermCounts counts) throws IOException {
    List<Query> perField = new ArrayList<>(3);
    perField.add(boosted(fieldQuery(ArticleDocuments.TITLE, own, alternatives, fuzzy, counts),
        settings.titleBoost()));
    perField.add(boosted(fieldQuery(ArticleDocuments.TAGS, own, alternatives, fuzzy, counts),
        settings.tagsBoost()));
    perField.add(boosted(fieldQuery(ArticleDocuments.BODY, own, alternatives, fuzzy, counts),
        settings.bodyBoost()));
    return new DisjunctionMaxQuery(perField, 0.1f);
  }

  private static Query boosted(Query query, float boost) {
    return boost == 1f ? query : new BoostQuery(query, boost);
  }

  /**
   * One field's query of a concept. A lone single term (no synonym, no correction) becomes the
   * term query that a one-term {@link SynonymQuery} rewrites to, with the term states the search
   * already looked up ({@link TermCounts#termQuery}): the same scores, one terms-dictionary
   * lookup less per segment.
   */
  private static Query fieldQuery(String field, List<String> own,
      List<List<String>> alternatives, Map<String, Float> fuzzy, TermCounts counts)
      throws IOException {
    if (alternatives.isEmpty() && fuzzy.isEmpty() && own.size() == 1) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      any.add(counts.termQuery(new Term(field, own.get(0))), Occur.SHOULD);
      return any.build();
    }
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
    fuzzy.forEach((term, similarity) -> single.addTerm(new Term(field, term), 0.5f * similarity));
    if (singles > 0 || !fuzzy.isEmpty()) {
      any.add(single.build(), Occur.SHOULD);
    }
    return any.build();
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
