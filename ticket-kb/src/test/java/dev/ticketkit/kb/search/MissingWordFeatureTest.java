package dev.ticketkit.kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.Article;
import dev.ticketkit.kb.ArticleContent;
import dev.ticketkit.kb.ArticleDetails;
import dev.ticketkit.kb.Audience;
import dev.ticketkit.kb.CategoryPath;
import dev.ticketkit.kb.KnowledgeBase;
import dev.ticketkit.kb.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The {@code missing} relevance feature on a real index: the salience of the most salient content
 * word of the query that a hit lacks, 0 when the hit holds every content word (directly, as a
 * synonym, near spelling or homophone), 1 for a word no article contains. Computed in hybrid
 * searches only (here with a small deterministic stand-in embedding).
 */
class MissingWordFeatureTest {

  private static final TenantId ACME = TenantId.of("acme");
  private static final String CANCEL = "如何取消订单";
  private static final String RESET = "How to reset your password";

  /** A small deterministic embedding (characters hashed into 32 buckets): hybrid mode only. */
  private static final TextEmbedding CHARACTERS = new TextEmbedding() {
    @Override
    public String name() {
      return "characters";
    }

    @Override
    public int dimensions() {
      return 32;
    }

    @Override
    public float[] embedQuery(String text) {
      return embedDocument(text);
    }

    @Override
    public float[] embedDocument(String text) {
      float[] v = new float[32];
      v[0] = 1;
      text.codePoints().forEach(c -> v[Math.floorMod(c * 31, 32)] += 1);
      return v;
    }
  };

  private final LuceneArticleIndex index = LuceneArticleIndex.inMemory(
      SearchSettings.defaults().withEmbedding(CHARACTERS));
  private final KnowledgeBase kb = KnowledgeBase.builder(
      new MutableClock(Instant.parse("2026-11-02T09:00:00Z"))).index(index).build();

  private void publish(String title, String body, Locale locale) {
    Article d = kb.createDraft(ACME, new ArticleContent(title, body, List.of(), CategoryPath.ROOT,
        new ArticleDetails.Faq()), locale, Audience.PUBLIC, "olga");
    Article s = kb.submit(ACME, d.id(), d.version());
    kb.publish(ACME, d.id(), s.version(), "rita", "v1");
  }

  /** The features of the hit that is the article titled {@code title}. */
  private Relevance.Features hit(String text, String title) {
    SearchRequest request = SearchRequest.of(ACME, text).withSnippets(false);
    List<Relevance.Features> features = index.features(request);
    List<SearchHit> hits = kb.search(request).hits();
    for (int i = 0; i < hits.size(); i++) {
      if (hits.get(i).title().equals(title)) {
        return features.get(i);
      }
    }
    throw new AssertionError(title + " not found for " + text);
  }

  @Test
  void lexicalSearchesDoNotComputeIt() {
    LuceneArticleIndex lexical = LuceneArticleIndex.inMemory(SearchSettings.defaults());
    KnowledgeBase plain = KnowledgeBase.builder(
        new MutableClock(Instant.parse("2026-11-02T09:00:00Z"))).index(lexical).build();
    Article d = plain.createDraft(ACME, new ArticleContent(CANCEL, "未发货的订单可以取消。",
        List.of(), CategoryPath.ROOT, new ArticleDetails.Faq()), Locale.CHINA, Audience.PUBLIC,
        "olga");
    plain.publish(ACME, d.id(), plain.submit(ACME, d.id(), d.version()).version(), "rita", "v1");
    assertThat(lexical.features(SearchRequest.of(ACME, "订单 机票")).get(0).missing()).isZero();
  }

  @Test
  void aHitHoldingEveryContentWordMissesNothing() {
    publishThree();
    assertThat(hit("如何取消订单", CANCEL).missing()).isZero();
    assertThat(hit("how do I reset my password", RESET).missing()).isZero();
  }

  @Test
  void aWordNoArticleContainsIsFullySalient() {
    publishThree();
    assertThat(hit("订单 机票", CANCEL).missing()).isEqualTo(1.0);
    assertThat(hit("reset my password in French", RESET).missing()).isEqualTo(1.0);
  }

  @Test
  void aWordOtherArticlesContainIsLessSalientThanAnUnknownOne() {
    publishThree();
    // 地址 is in another article: the cancel article lacks it, with less than the highest IDF.
    double known = hit("取消订单 收货地址", CANCEL).missing();
    assertThat(known).isGreaterThan(0).isLessThan(1);
  }

  @Test
  void homophonesAndTyposCountAsHeld() {
    publishThree();
    assertThat(hit("定单", CANCEL).missing()).isZero();
    assertThat(hit("how do I reset my pasword", RESET).missing()).isZero();
  }

  private void publishThree() {
    publish(CANCEL, "未发货的订单可以在订单详情页取消。", Locale.CHINA);
    publish("修改收货地址", "发货前可以在订单详情里修改收货地址。", Locale.CHINA);
    publish(RESET, "Use the reset link on the sign-in page.", Locale.ENGLISH);
  }
}
