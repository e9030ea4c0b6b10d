package dev.ticketkit.kb.search;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.KnowledgeBase;
import dev.ticketkit.kb.internal.KbAnalyzer;
import dev.ticketkit.kb.testing.MutableClock;
import dev.ticketkit.kb.testing.RelevanceSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DebugProbeTest {
  @Test
  void probe() {
    for (String q : new String[] {"发漂怎么开", "开具电子发票", "API key泄露了怎么办"}) {
      System.out.println("[probe] " + q + " main=" + KbAnalyzer.terms(KbAnalyzer.bigram(), q)
          + " py=" + KbAnalyzer.terms(KbAnalyzer.pinyin(), q));
    }
    KnowledgeBase kb = KnowledgeBase.builder(new MutableClock(Instant.parse("2026-11-30T09:00:00Z"))).build();
    Map<ArticleId, String> keys = new HashMap<>();
    RelevanceSet.publish(kb, TenantId.of("t")).forEach((k, id) -> keys.put(id, k));
    for (String q : System.getProperty("probe.q", "API key泄露了怎么办|发漂怎么开").split("\\|")) {
      StringBuilder out = new StringBuilder("[probe] " + q + ":");
      kb.search(SearchRequest.of(TenantId.of("t"), q).withSnippets(false)).hits().forEach(h ->
          out.append(String.format(" %s(%.2f,%.2f)", keys.get(h.articleId()), h.score(), h.relevance())));
      System.out.println(out);
    }
  }
}
