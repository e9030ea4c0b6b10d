package dev.ticketkit.benchmarks.kb;

import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.search.ArticleSearchIndex;
import java.util.Locale;
import java.util.UUID;

/**
 * Lets a freshly built benchmark index settle before searches are measured: Lucene merges
 * segments on background threads ({@code Lucene Merge Thread #n}), and after a bulk import of
 * 100,000 articles the last merges, which rebuild HNSW graphs, run for minutes. Measured while
 * they run, a search shares the 2 cores with a merge thread, and the searcher still reads the
 * segments from before the merge (it is refreshed on writes only). This waits until no merge
 * thread is alive, then refreshes the searchers through the public API (removing an article
 * that does not exist is a write that changes nothing), and repeats until no merge follows.
 */
final class SettledIndex {

  private SettledIndex() {}

  /**
   * Waits for background merges to end and makes the searchers see the merged segments.
   *
   * @param index the index just built
   * @param tenant the tenant whose searchers to refresh
   * @return the seconds waited
   */
  static double settle(ArticleSearchIndex index, dev.ticketkit.core.TenantId tenant) {
    long start = System.nanoTime();
    for (int round = 0; round < 10; round++) {
      boolean merged = false;
      while (merging()) {
        merged = true;
        sleep();
      }
      index.remove(tenant, ArticleId.of(new UUID(0, round)));
      sleep();
      if (!merged && !merging()) {
        break;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "[kb-settle] background merges finished after %.1f s%n",
        seconds);
    return seconds;
  }

  /** Tells whether a Lucene merge thread is alive in this JVM. */
  static boolean merging() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.isAlive() && t.getName().startsWith("Lucene Merge Thread"));
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for merges", e);
    }
  }
}
