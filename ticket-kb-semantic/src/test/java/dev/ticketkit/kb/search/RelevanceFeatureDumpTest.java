package dev.ticketkit.kb.search;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.KnowledgeBase;
import dev.ticketkit.kb.internal.HanText;
import dev.ticketkit.kb.internal.KbAnalyzer;
import dev.ticketkit.kb.internal.MarkdownText;
import dev.ticketkit.kb.semantic.BgeSmallZhEmbedding;
import dev.ticketkit.testkit.MutableClock;
import dev.ticketkit.testkit.kb.RelevanceSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the raw material for exploring confident-answer features offline: for every query of the
 * relevance set, the lexical and the hybrid hit lists (keys, BM25 or fused score, relevance
 * features) and the query vector; for every article its document vector and its title's vector.
 * Runs only when asked: {@code -Dkb.dump=/tmp/kb-dump.jsonl}. Exploration only; the shipped model
 * is fitted by {@link RelevanceCalibrationTest} on the calibration half.
 */
class RelevanceFeatureDumpTest {

  @Test
  @EnabledIfSystemProperty(named = "kb.dump", matches = ".+")
  void dump() throws IOException {
    TenantId tenant = TenantId.of("eval");
    BgeSmallZhEmbedding model = BgeSmallZhEmbedding.load();
    List<String> out = new ArrayList<>();
    Analyzer bigram = KbAnalyzer.bigram();
    for (RelevanceSet.Entry e : RelevanceSet.articles()) {
      String text = e.title() + "\n" + String.join(", ", e.tags()) + "\n"
          + MarkdownText.plain(e.body());
      String terms = jsonStrings(new ArrayList<>(new TreeSet<>(KbAnalyzer.terms(bigram, text))));
      String titleTerms = jsonStrings(new ArrayList<>(new TreeSet<>(KbAnalyzer.terms(bigram,
          e.title() + "\n" + String.join(", ", e.tags())))));
      List<String> passages = Passages.of(MarkdownText.plain(e.body()));
      out.add(String.format(Locale.ROOT, "{\"article\":\"%s\",\"locale\":\"%s\",\"doc\":%s,"
          + "\"title\":%s,\"passages\":%s,\"tpassages\":%s,\"terms\":%s,\"tterms\":%s}",
          e.key(), e.locale(),
          json(model.embedDocument(text)), json(model.embedDocument(e.title())),
          jsonAll(model.embedDocuments(passages)),
          jsonAll(model.embedDocuments(passages.stream().map(p -> e.title() + "\n" + p)
              .toList())), terms, titleTerms));
    }
    Map<Integer, StringBuilder> perQuery = new HashMap<>();
    for (boolean hybrid : new boolean[] {false, true}) {
      SearchSettings settings = hybrid
          ? SearchSettings.defaults().withEmbedding(model) : SearchSettings.defaults();
      LuceneArticleIndex index = LuceneArticleIndex.inMemory(settings);
      KnowledgeBase kb = KnowledgeBase.builder(new MutableClock(Instant.parse(
          "2026-11-30T09:00:00Z"))).index(index).build();
      Map<ArticleId, String> keys = new HashMap<>();
      RelevanceSet.publish(kb, tenant).forEach((k, id) -> keys.put(id, k));
      List<RelevanceSet.Query> queries = new ArrayList<>(RelevanceSet.queries());
      for (RelevanceSet.Query f : RelevanceSet.freshQueries()) {
        queries.add(new RelevanceSet.Query(f.kind(), f.text(), f.expected(), 1000 + f.line()));
      }
      for (RelevanceSet.Query c : RelevanceSet.checkQueries()) {
        queries.add(new RelevanceSet.Query(c.kind(), c.text(), c.expected(), 2000 + c.line()));
      }
      for (RelevanceSet.Query h : RelevanceSet.heldoutQueries()) {
        queries.add(new RelevanceSet.Query(h.kind(), h.text(), h.expected(), 3000 + h.line()));
      }
      for (RelevanceSet.Query q : queries) {
        SearchRequest request = SearchRequest.of(tenant, q.text()).withSnippets(false);
        List<Relevance.Features> f = index.features(request);
        SearchResults results = kb.search(request);
        StringBuilder b = perQuery.computeIfAbsent(q.line(), l -> new StringBuilder(
            String.format(Locale.ROOT, "{\"line\":%d,\"kind\":\"%s\",\"text\":\"%s\","
                + "\"expected\":[%s]", l, q.kind(), q.text().replace("\"", "'"),
                String.join(",", q.expected().stream().map(k -> "\"" + k + "\"").toList()))));
        b.append(hybrid ? ",\"hybrid\":[" : ",\"lexical\":[");
        for (int i = 0; i < f.size(); i++) {
          Relevance.Features h = f.get(i);
          SearchHit hit = results.hits().get(i);
          b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
              "{\"key\":\"%s\",\"score\":%.6f,\"words\":%.5f,\"chars\":%.5f,\"pinyin\":%.5f,"
              + "\"cosine\":%.5f,\"unknown\":%.5f,\"missing\":%.5f,\"relevance\":%.5f}",
              keys.get(hit.articleId()), hit.score(), h.words(), h.characters(), h.pinyin(),
              h.cosine(), h.unknown(), h.missing(), hit.relevance()));
        }
        b.append("]");
        if (!hybrid) {
          b.append(",\"lexical50\":[").append(String.join(",", kb.search(request.withLimit(50))
              .ids().stream().map(id -> "\"" + keys.get(id) + "\"").toList())).append("]");
        }
        if (hybrid) {
          b.append(",\"query\":").append(json(model.embedQuery(q.text())))
              .append(",\"plain\":").append(json(model.embedDocument(q.text())))
              .append(",\"cwords\":").append(contentWords(q.text(), bigram, model))
              .append("}");
        }
      }
      index.close();
    }
    perQuery.keySet().stream().sorted().forEach(l -> out.add(perQuery.get(l).toString()));
    Files.write(Path.of(System.getProperty("kb.dump")), out);
  }

  /**
   * The query's content words as {@code QueryFactory}'s unknown share counts them (dictionary
   * words of two or more Han characters, Latin words of three or more letters, no question
   * words), each with its analyzed terms and its embedding as a document.
   */
  private static String contentWords(String text, Analyzer bigram, BgeSmallZhEmbedding model) {
    List<String> parts = new ArrayList<>();
    for (String word : new LinkedHashSet<>(KbAnalyzer.terms(KbAnalyzer.smart(), text))) {
      boolean han = HanText.isHan(word.codePointAt(0));
      boolean latin = !han && word.length() >= 3 && LatinTypos.isLatinWord(word);
      List<String> terms = KbAnalyzer.terms(bigram, word);
      if ((han && word.length() < 2) || (!han && !latin)
          || QueryFactory.QUESTION_WORDS.contains(word) || terms.isEmpty()) {
        continue;
      }
      parts.add(String.format(Locale.ROOT, "{\"w\":\"%s\",\"terms\":%s,\"vec\":%s}", word,
          jsonStrings(terms), json(model.embedDocument(word))));
    }
    return "[" + String.join(",", parts) + "]";
  }

  private static String jsonStrings(List<String> strings) {
    return "[" + String.join(",", strings.stream()
        .map(t -> "\"" + t.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "]";
  }

  private static String jsonAll(List<float[]> vectors) {
    return "[" + String.join(",", vectors.stream().map(RelevanceFeatureDumpTest::json).toList())
        + "]";
  }

  private static String json(float[] v) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.5f", v[i]));
    }
    return b.append("]").toString();
  }
}
