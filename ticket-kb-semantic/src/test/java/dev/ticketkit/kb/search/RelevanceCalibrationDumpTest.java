package dev.ticketkit.kb.search;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.KnowledgeBase;
import dev.ticketkit.kb.semantic.BgeSmallZhEmbedding;
import dev.ticketkit.testkit.MutableClock;
import dev.ticketkit.testkit.kb.RelevanceSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the relevance features of every query's first hit, lexical and hybrid, to a TSV file
 * (for choosing the confident-answer cut-offs on the calibration half). Runs only when asked:
 * {@code mvn -pl ticket-kb-semantic -am test -Dtest=RelevanceCalibrationDumpTest
 * -Dkb.calibration.out=/tmp/features.tsv -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class RelevanceCalibrationDumpTest {

  @Test
  @EnabledIfSystemProperty(named = "kb.calibration.out", matches = ".+")
  void dump() throws IOException {
    String[] args = {System.getProperty("kb.calibration.out")};
    TenantId tenant = TenantId.of("eval");
    BgeSmallZhEmbedding model = BgeSmallZhEmbedding.load();
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0])))) {
      out.println("mode\tline\tkind\tcorrect\twords\tchars\tpinyin\tcosine\tcosines\tunknown");
      for (boolean hybrid : new boolean[] {false, true}) {
        SearchSettings settings = hybrid
            ? SearchSettings.defaults().withEmbedding(model) : SearchSettings.defaults();
        LuceneArticleIndex index = LuceneArticleIndex.inMemory(settings);
        KnowledgeBase kb = KnowledgeBase.builder(new MutableClock(Instant.parse(
            "2026-11-30T09:00:00Z"))).index(index).build();
        Map<ArticleId, String> keys = new HashMap<>();
        RelevanceSet.publish(kb, tenant).forEach((k, id) -> keys.put(id, k));
        for (RelevanceSet.Query q : RelevanceSet.queries()) {
          SearchRequest request = SearchRequest.of(tenant, q.text()).withSnippets(false);
          List<Relevance.Features> f = index.features(request);
          List<ArticleId> ids = kb.search(request).ids();
          if (f.isEmpty()) {
            out.printf(Locale.ROOT, "%s\t%d\t%s\t%d\t0\t0\t0\t0\t0\t1%n", hybrid ? "hybrid" : "lexical",
                q.line(), q.kind(), 0);
            continue;
          }
          boolean correct = q.expected().contains(keys.get(ids.get(0)));
          Relevance.Features top = f.get(0);
          StringBuilder cosines = new StringBuilder();
          f.forEach(x -> cosines.append(String.format(Locale.ROOT, "%.4f,", x.cosine())));
          out.printf(Locale.ROOT, "%s\t%d\t%s\t%d\t%.4f\t%.4f\t%.4f\t%.4f\t%s\t%.3f%n",
              hybrid ? "hybrid" : "lexical", q.line(), q.kind(), correct ? 1 : 0, top.words(),
              top.characters(), top.pinyin(), top.cosine(), cosines, top.unknown());
        }
        index.close();
      }
    }
  }
}
