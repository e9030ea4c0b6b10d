package dev.ticketkit.kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.Article;
import dev.ticketkit.kb.ArticleContent;
import dev.ticketkit.kb.ArticleDetails;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.ArticleStatus;
import dev.ticketkit.kb.Audience;
import dev.ticketkit.kb.CategoryPath;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searchers follow Lucene's background merges: after a bulk import, searches run on the merged
 * segments once the merges it triggered have ended, with no further write; and a refresh never
 * shows half of a write.
 *
 * <p>With the production merge floor (16 MB), Lucene merges segments under it while the write's
 * refresh opens its reader (merge-on-refresh), so only merges of larger segments, such as those
 * of a 100,000-article import, finish after the refresh. A floor of {@value #FLOOR_MB} MB makes
 * the tests' small segments behave like those: their merges run on the merge threads after the
 * last write, as in production.
 */
class SearcherRefreshTest {

  private static final TenantId ACME = TenantId.of("acme");
  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
  /** Each bulk import flushes one segment; the merge policy merges them two at a time. */
  private static final int IMPORTS = 24;
  private static final int BATCH = 25;
  private static final double FLOOR_MB = 0.001;

  private static List<Article> batch(int from) {
    List<Article> out = new ArrayList<>(BATCH);
    for (int n = from; n < from + BATCH; n++) {
      String title = "Refund request " + n;
      String body = "How to ask for refund number " + n + " of order " + (n * 7919 % 1000) + ".";
      out.add(new Article(ArticleId.of(new UUID(1, n)), ACME,
          new ArticleContent(title, body, List.of("refund"), CategoryPath.ROOT,
              new ArticleDetails.Faq()),
          Locale.ENGLISH, Audience.PUBLIC, "olga", ArticleStatus.PUBLISHED, null, 1, 1, T0, T0));
    }
    return out;
  }

  /**
   * Imports batches until the merges that the last import's refresh triggered have finished
   * after it: the state a bulk import leaves. Merges run only on refreshes here (the writer's
   * buffer never fills), so those merges finish after the last searcher was opened.
   */
  private static int bulkImport(LuceneArticleIndex index) {
    int imports = 0;
    long before;
    TenantShard shard;
    do {
      index.indexAll(batch(imports++ * BATCH));
      shard = index.shardOf(ACME);
      assertThat(shard).isNotNull();
      before = shard.mergesFinished();
      shard.awaitMerges();
    } while (shard.mergesFinished() == before && imports < 200);
    assertThat(shard.mergesFinished()).as("a merge followed the last import").isGreaterThan(before);
    return imports;
  }

  private static void assertSearchesRunOnTheMergedSegments(LuceneArticleIndex index, int imports)
      throws IOException {
    TenantShard shard = index.shardOf(ACME);
    assertThat(shard).isNotNull();
    shard.awaitMerges();
    int segments = shard.segments();
    assertThat(segments).as("the imports' segments were merged").isLessThan(imports);
    assertThat(shard.searchedSegments()).as("segments searched").isEqualTo(segments);
    assertThat(index.search(SearchRequest.of(ACME, "refund")).totalHits())
        .isEqualTo(imports * BATCH);
  }

  @Test
  void afterABulkImportSearchesRunOnTheSegmentsItsMergesProduce() throws IOException {
    try (LuceneArticleIndex index = LuceneArticleIndex.inMemory(SearchSettings.defaults(),
        FLOOR_MB)) {
      int imports = bulkImport(index);
      assertSearchesRunOnTheMergedSegments(index, imports);
    }
  }

  @Test
  void anOnDiskIndexFollowsItsMergesToo(@TempDir Path dir) throws IOException {
    try (LuceneArticleIndex index = LuceneArticleIndex.onDisk(dir, SearchSettings.defaults(),
        FLOOR_MB)) {
      int imports = bulkImport(index);
      assertSearchesRunOnTheMergedSegments(index, imports);
    }
  }

  @Test
  void aRefreshAfterAMergeNeverShowsHalfABulkImport() throws InterruptedException {
    try (LuceneArticleIndex index = LuceneArticleIndex.inMemory(SearchSettings.defaults(),
        FLOOR_MB)) {
      index.indexAll(batch(0));
      AtomicBoolean done = new AtomicBoolean();
      List<Long> seen = new ArrayList<>();
      Thread searcher = new Thread(() -> {
        while (!done.get()) {
          seen.add(index.search(SearchRequest.of(ACME, "refund")).totalHits());
        }
      });
      searcher.start();
      for (int i = 1; i < IMPORTS; i++) {
        index.indexAll(batch(i * BATCH));
      }
      done.set(true);
      searcher.join();
      assertThat(seen).isNotEmpty().allMatch(total -> total % BATCH == 0);
    }
  }
}
