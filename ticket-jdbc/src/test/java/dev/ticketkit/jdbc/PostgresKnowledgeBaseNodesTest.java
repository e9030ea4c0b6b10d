package dev.ticketkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.jdbc.testing.TestKit;
import dev.ticketkit.kb.Article;
import dev.ticketkit.kb.ArticleContent;
import dev.ticketkit.kb.ArticleDetails;
import dev.ticketkit.kb.Audience;
import dev.ticketkit.kb.IndexFollower;
import dev.ticketkit.kb.KnowledgeBase;
import dev.ticketkit.kb.search.SearchRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Two knowledge bases (two application nodes) share one PostgreSQL database, each with its own
 * in-memory index and an {@link IndexFollower} polling every 200 ms: what one node publishes,
 * revises or archives is searchable (or gone) on the other within 2 seconds.
 */
class PostgresKnowledgeBaseNodesTest {

  private static final TestKit DB = new TestKit(DatabaseKind.POSTGRESQL);
  private static final Duration WITHIN = Duration.ofSeconds(2);
  private static final Clock CLOCK = Clock.fixed(java.time.Instant.parse("2026-11-30T09:00:00Z"),
      java.time.ZoneOffset.UTC);

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Test
  void eachNodeFollowsTheOthersArticleChangesWithinTwoSeconds() throws Exception {
    TenantId tenant = TenantId.of("n-" + UUID.randomUUID().toString().substring(0, 8));
    KnowledgeBase a = KnowledgeBase.builder(CLOCK)
        .store(DB.freshKit().articleStore()).build();
    KnowledgeBase b = KnowledgeBase.builder(CLOCK)
        .store(DB.freshKit().articleStore()).build();
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    try {
      a.followChanges().schedule(scheduler, Duration.ofMillis(200));
      b.followChanges().schedule(scheduler, Duration.ofMillis(200));
      Article draft = a.createDraft(tenant, ArticleContent.of("發票載具怎麼設定",
          "結帳時選擇手機條碼載具。", new ArticleDetails.Faq()), Locale.TAIWAN, Audience.PUBLIC, "olga");
      Article inReview = a.submit(tenant, draft.id(), draft.version());
      Article published = a.publish(tenant, draft.id(), inReview.version(), "rita", "v1");
      assertThat(within(() -> b.search(SearchRequest.of(tenant, "载具")).ids()
          .contains(draft.id()))).as("published on A, found on B").isTrue();
      Article revised = b.revise(tenant, draft.id(), published.version(), ArticleContent.of(
          "統一編號怎麼填", "公司發票請填統一編號。", new ArticleDetails.Faq()), "rita", "renamed");
      assertThat(within(() -> a.search(SearchRequest.of(tenant, "统一编号")).ids()
          .contains(draft.id()) && a.search(SearchRequest.of(tenant, "载具")).hits().isEmpty()))
          .as("revised on B, new text found and old text gone on A").isTrue();
      b.archive(tenant, draft.id(), revised.version());
      assertThat(within(() -> a.search(SearchRequest.of(tenant, "统一编号")).hits().isEmpty()))
          .as("archived on B, gone for requesters on A").isTrue();
      List<Article> imported = a.importPublished(tenant, List.of(new dev.ticketkit.kb.ArticleImport(
          ArticleContent.of("超商取貨", "7-11 取貨付款", new ArticleDetails.Faq()), Locale.TAIWAN,
          Audience.PUBLIC, "olga")), "rita", "import");
      assertThat(within(() -> b.search(SearchRequest.of(tenant, "超商取货")).ids()
          .contains(imported.get(0).id()))).as("bulk import on A, found on B").isTrue();
    } finally {
      scheduler.shutdownNow();
    }
  }

  /** Polls a condition until it holds or {@link #WITHIN} has passed (real time: two nodes). */
  private static boolean within(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WITHIN.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return condition.getAsBoolean();
  }
}
