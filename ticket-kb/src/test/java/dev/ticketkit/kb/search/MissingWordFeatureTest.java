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
 * synonym, near spelling or homophone), 1 for a word no article contains.
 */
class MissingWordFeatureTest {

  private static final TenantId ACME = TenantId.of("acme");

  private final LuceneArticleIndex index = LuceneArticleIndex.inMemory(SearchSettings.defaults());
  private final KnowledgeBase kb = KnowledgeBase.builder(
      new MutableClock(Instant.parse("2026-11-02T09:00:00Z"))).index(index).build();

  private void publish(String title, String body, Locale locale) {
    Article d = kb.createDraft(ACME, new ArticleContent(title, body, List.of(), CategoryPath.ROOT,
        new ArticleDetails.Faq()), locale, Audience.PUBLIC, "olga");
    Article s = kb.submit(ACME, d.id(), d.version());
    kb.publish(ACME, d.id(), s.version(), "rita", "v1");
  }

  private Relevance.Features first(String text) {
    return index.features(SearchRequest.of(ACME, text).withSnippets(false)).get(0);
  }

  @Test
  void aHitHoldingEveryContentWordMissesNothing() {
    publishThree();
    assertThat(first("如何取消订单").missing()).isZero();
    assertThat(first("how do I reset my password").missing()).isZero();
  }

  @Test
  void aWordNoArticleContainsIsFullySalient() {
    publishThree();
    assertThat(first("订单 机票").missing()).isEqualTo(1.0);
    assertThat(first("reset my password in French").missing()).isEqualTo(1.0);
  }

  @Test
  void aWordOtherArticlesContainIsLessSalientThanAnUnknownOne() {
    publishThree();
    // 地址 is in another article: the cancel article lacks it, with less than the highest IDF.
    double known = first("取消订单 收货地址").missing();
    assertThat(known).isGreaterThan(0).isLessThan(1);
  }

  @Test
  void homophonesAndTyposCountAsHeld() {
    publishThree();
    assertThat(first("定单").missing()).isZero();
    assertThat(first("how do I reset my pasword").missing()).isZero();
  }

  private void publishThree() {
    publish("如何取消订单", "未发货的订单可以在订单详情页取消。", Locale.CHINA);
    publish("修改收货地址", "发货前可以在订单详情里修改收货地址。", Locale.CHINA);
    publish("How to reset your password", "Use the reset link on the sign-in page.",
        Locale.ENGLISH);
  }
}
