package dev.ticketkit.benchmarks.kb;

import com.sun.management.OperatingSystemMXBean;
import dev.ticketkit.kb.search.ArticleSearchIndex;
import dev.ticketkit.kb.search.SearchRequest;
import dev.ticketkit.kb.search.SearchSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Search latency as CPU time, for a machine whose cores are shared: wall-clock percentiles (what
 * JMH reports) grow with the other processes' load, CPU time per search does not. Builds the
 * same 100,000-article index as {@link KbSearchBenchmark} (lexical) or
 * {@link KbHybridSearchBenchmark} (hybrid, {@link PooledEmbedding}), warms up, then runs the
 * benchmark's 24 queries round-robin and records, per search, the calling thread's CPU time and
 * the wall time (percentiles), and the process CPU time over all searches (mean; it counts ONNX
 * Runtime's worker threads and GC, but the OS reports it in 10 ms steps only).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.ticketkit.benchmarks.kb.KbSearchCpuTime hybrid 100000 3000 [merges|write|none]</pre>
 */
public final class KbSearchCpuTime {

  private KbSearchCpuTime() {}

  /**
   * Runs the measurement.
   *
   * @param args {@code lexical|hybrid}, the article count, the measured searches, optionally
   *     the {@link SettledIndex} mode ({@code merges} by default, {@code write}, {@code none})
   */
  public static void main(String[] args) {
    boolean hybrid = args.length > 0 && args[0].equals("hybrid");
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int searches = args.length > 2 ? Integer.parseInt(args[2]) : 3_000;
    String settle = args.length > 3 ? args[3] : "merges";
    SearchSettings settings = SearchSettings.defaults();
    if (hybrid) {
      settings = settings.withEmbedding(PooledEmbedding.ofGenerated(PooledEmbedding.model()));
    }
    OperatingSystemMXBean os =
        (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (ArticleSearchIndex index = ArticleSearchIndex.inMemory(settings)) {
      GeneratedArticles generator = new GeneratedArticles(42);
      for (int done = 0; done < count; done += 5_000) {
        index.indexAll(generator.next(Math.min(5_000, count - done)));
      }
      SettledIndex.settle(settle, index, GeneratedArticles.TENANT);
      String[] queries = KbSearchBenchmark.QUERIES;
      for (int i = 0; i < 2_000; i++) {
        index.search(SearchRequest.of(GeneratedArticles.TENANT, queries[i % queries.length]));
      }
      long[] cpu = new long[searches];
      long[] wall = new long[searches];
      ThreadMXBean thread = ManagementFactory.getThreadMXBean();
      long process0 = os.getProcessCpuTime();
      for (int i = 0; i < searches; i++) {
        SearchRequest request = SearchRequest.of(GeneratedArticles.TENANT,
            queries[i % queries.length]);
        long c0 = thread.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        index.search(request);
        wall[i] = System.nanoTime() - w0;
        cpu[i] = thread.getCurrentThreadCpuTime() - c0;
      }
      double processMean = (os.getProcessCpuTime() - process0) / 1e6 / searches;
      System.out.printf(Locale.ROOT, "%s, %d articles, %d searches (ms): calling thread's cpu"
          + " %s; process cpu mean %.2f (all threads: ONNX Runtime's, GC); wall %s%n",
          hybrid ? "hybrid" : "lexical", count, searches, percentiles(cpu), processMean,
          percentiles(wall));
    }
  }

  private static String percentiles(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    StringBuilder out = new StringBuilder();
    for (double p : new double[] {0.5, 0.9, 0.99, 0.999}) {
      out.append(String.format(Locale.ROOT, "p%s %.2f ", p * 100,
          sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6));
    }
    return out.toString().strip();
  }
}
