package dev.ticketkit.benchmarks.kb;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.search.ArticleSearchIndex;
import java.util.Locale;
import java.util.UUID;

/**
 * What a benchmark does between building its index and measuring searches. Lucene merges
 * segments on background threads ({@code Lucene Merge Thread #n}), and after a bulk import of
 * 100,000 articles the last merges, which rebuild HNSW graphs, run for minutes; measured while
 * they run, a search shares the 2 cores with a merge thread.
 *
 * <ul>
 *   <li>{@code merges} (the default): wait until no merge thread is alive, nothing else. The
 *       library itself must move its searchers to the merged segments (it does since
 *       {@code wip/kbref}; before, searches kept reading the 9 segments of the last write):
 *       steady state as a host runs it, minutes after its bulk import.</li>
 *   <li>{@code write} (also {@code true}, the meaning of {@code settle=true} from 2026-12-01
 *       10:30 to {@code wip/kbref}): wait as above, then refresh the searchers through the public
 *       API (removing an article that does not exist is a write that changes nothing), and
 *       repeat until no merge follows: the benchmarks' workaround for the library bug.</li>
 *   <li>{@code none} (also {@code false}): measure at once, merges still running, as runs before
 *       2026-12-01 10:30 UTC did.</li>
 * </ul>
 */
final class SettledIndex {

  private SettledIndex() {}

  /**
   * Settles a freshly built index as the mode says.
   *
   * @param mode {@code merges}, {@code write}/{@code true} or {@code none}/{@code false}
   * @param index the index just built
   * @param tenant the tenant whose searchers the {@code write} mode refreshes
   * @throws IllegalArgumentException if the mode is none of those
   */
  static void settle(String mode, ArticleSearchIndex index, TenantId tenant) {
    switch (mode) {
      case "merges" -> awaitMerges();
      case "write", "true" -> settle(index, tenant);
      case "none", "false" -> System.out.println("[kb-settle] not settled");
      default -> throw new IllegalArgumentException(
          "settle must be merges, write (true) or none (false): " + mode);
    }
  }

  /**
   * Waits until no Lucene merge thread is alive.
   *
   * @return the seconds waited
   */
  static double awaitMerges() {
    long start = System.nanoTime();
    while (merging()) {
      sleep();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "[kb-settle] background merges finished after %.1f s"
        + " (no write)%n", seconds);
    return seconds;
  }

  /**
   * Waits for background merges to end and makes the searchers see the merged segments with a
   * write (the {@code write} mode).
   *
   * @param index the index just built
   * @param tenant the tenant whose searchers to refresh
   * @return the seconds waited
   */
  static double settle(ArticleSearchIndex index, TenantId tenant) {
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
    System.out.printf(Locale.ROOT, "[kb-settle] background merges finished after %.1f s"
        + " (searchers refreshed by a write)%n", seconds);
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
