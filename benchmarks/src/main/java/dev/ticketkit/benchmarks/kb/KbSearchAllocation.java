package dev.ticketkit.benchmarks.kb;

import dev.ticketkit.kb.Viewer;
import dev.ticketkit.kb.search.ArticleSearchIndex;
import dev.ticketkit.kb.search.SearchRequest;
import dev.ticketkit.kb.search.SearchSettings;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Garbage and CPU per search on an on-disk index built by {@link KbHybridTail} (or
 * {@link KbHybridSearchBenchmark} {@code -p dir=}): bytes the searching thread allocates per
 * search, young collections during the measured searches, and the thread's CPU time per search
 * (percentiles, ms), for the benchmarks' 24 queries round-robin as a requester searches, lexical
 * (the index opened without an embedding: its vectors are ignored) or hybrid (the pooled model, no
 * query cache). Both figures hardly move with the machine's load, unlike wall time. Rounds
 * alternate nothing: run it once per jar, alternating jars, on the same index.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.ticketkit.benchmarks.kb.KbSearchAllocation lexical|hybrid /tmp/kbidx [searches] [warm-up]</pre>
 */
public final class KbSearchAllocation {

  private KbSearchAllocation() {}

  /**
   * Runs the measurement.
   *
   * @param args {@code lexical|hybrid}, the index directory, the measured searches (3,000), the
   *     warm-up searches (2,000)
   */
  public static void main(String[] args) {
    boolean hybrid = args[0].equals("hybrid");
    Path dir = Path.of(args[1]);
    int searches = args.length > 2 ? Integer.parseInt(args[2]) : 3_000;
    int warm = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
    SearchSettings settings = SearchSettings.defaults();
    if (hybrid) {
      settings = settings.withEmbedding(PooledEmbedding.ofGenerated(PooledEmbedding.model()));
    }
    com.sun.management.ThreadMXBean thread =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    try (ArticleSearchIndex index = ArticleSearchIndex.onDisk(dir, settings)) {
      String[] queries = KbSearchBenchmark.QUERIES;
      SearchRequest[] requests = new SearchRequest[queries.length];
      for (int i = 0; i < queries.length; i++) {
        requests[i] = SearchRequest.of(GeneratedArticles.TENANT, queries[i])
            .withViewer(Viewer.REQUESTER);
      }
      for (int i = 0; i < warm; i++) {
        index.search(requests[i % requests.length]);
      }
      long[] cpu = new long[searches];
      long gc0 = collections();
      long a0 = thread.getThreadAllocatedBytes(id);
      for (int i = 0; i < searches; i++) {
        long c0 = thread.getCurrentThreadCpuTime();
        index.search(requests[i % requests.length]);
        cpu[i] = thread.getCurrentThreadCpuTime() - c0;
      }
      double kb = (thread.getThreadAllocatedBytes(id) - a0) / 1024.0 / searches;
      long gcs = collections() - gc0;
      Arrays.sort(cpu);
      System.out.printf(Locale.ROOT, "[kb-alloc] %s, %d searches: allocated %.0f KB per search;"
          + " %d young collections (%.2f%% of searches); thread cpu ms p50 %.2f p90 %.2f"
          + " p99 %.2f%n", hybrid ? "hybrid" : "lexical", searches, kb, gcs,
          100.0 * gcs / searches, at(cpu, 0.5), at(cpu, 0.9), at(cpu, 0.99));
    }
  }

  private static double at(long[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
  }

  private static long collections() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .filter(b -> !b.getName().contains("Old") && !b.getName().contains("Concurrent"))
        .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }
}
