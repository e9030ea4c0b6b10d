package dev.ticketkit.benchmarks.kb;

import dev.ticketkit.kb.search.ArticleSearchIndex;
import dev.ticketkit.kb.search.SearchRequest;
import dev.ticketkit.kb.search.SearchSettings;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/**
 * Where the hybrid search's latency tail comes from, on a shared machine: builds the index of
 * {@link KbHybridSearchBenchmark}, then runs its 24 queries round-robin on one thread and reports
 * <ul>
 *   <li>per search the calling thread's CPU time and wall time, and their difference (time off
 *       the CPU: preempted, waiting for a lock, stopped for a collection or safepoint);</li>
 *   <li>which searches saw a collection (GC MXBean counts before and after) and the wall p99 of
 *       searches with and without one;</li>
 *   <li>per query, the CPU p50 and max (a tail that is the cost of some queries, not noise);</li>
 *   <li>the CPU every native thread of the process used during the measured searches, by thread
 *       name ({@code /proc/self/task}): GC workers, JIT compilers, Lucene merge threads, ONNX
 *       Runtime pools; any of them competes with the searching thread for the 2 cores.</li>
 * </ul>
 * The index build's own threads are reported for the period right after it (background merges
 * still running when measuring starts would compete with the searches).
 *
 * <p>With a third argument, the index is built on disk in that directory, or reopened from it
 * if it exists (building the 100,000-article hybrid index takes 8-25 minutes on the shared
 * machine; reopening it seconds), so several versions of the search code can be compared on
 * the same index.
 *
 * <p>Before measuring, the index settles as {@code -Dkb.settle=merges|write|none} says
 * ({@link SettledIndex}; {@code merges} by default, {@code -Dkb.unsettled=true} is {@code none}).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.ticketkit.benchmarks.kb.KbHybridTail 100000 3000 [dir]</pre>
 */
public final class KbHybridTail {

  private KbHybridTail() {}

  /**
   * Runs the measurement.
   *
   * @param args the article count, the measured searches, optionally an index directory
   * @throws IOException if /proc cannot be read
   */
  public static void main(String[] args) throws IOException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int searches = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
    Path dir = args.length > 2 ? Path.of(args[2]) : null;
    SearchSettings settings = SearchSettings.defaults()
        .withEmbedding(PooledEmbedding.ofGenerated(PooledEmbedding.model()));
    boolean reuse = dir != null && Files.isDirectory(dir);
    try (ArticleSearchIndex index = dir == null ? ArticleSearchIndex.inMemory(settings)
        : ArticleSearchIndex.onDisk(dir, settings)) {
      if (!reuse) {
        GeneratedArticles generator = new GeneratedArticles(42);
        long b0 = System.nanoTime();
        for (int done = 0; done < count; done += 5_000) {
          index.indexAll(generator.next(Math.min(5_000, count - done)));
        }
        System.out.printf(Locale.ROOT, "[kb-tail] indexed %d in %.1f s%n", count,
            (System.nanoTime() - b0) / 1e9);
      }
      System.out.printf(Locale.ROOT, "[kb-tail] merge threads alive after the build: %s%n",
          SettledIndex.merging());
      SettledIndex.settle(Boolean.getBoolean("kb.unsettled") ? "none"
          : System.getProperty("kb.settle", "merges"), index, GeneratedArticles.TENANT);
      System.out.println("[kb-tail] " + index.size() + " articles"
          + (dir == null ? " in memory" : " in " + dir + (reuse ? " (reused)" : "")));
      if (dir != null) {
        segments(dir);
      }
      Map<String, Long> t0 = threadCpu();
      String[] queries = KbSearchBenchmark.QUERIES;
      for (int i = 0; i < 1_000; i++) {
        index.search(SearchRequest.of(GeneratedArticles.TENANT, queries[i % queries.length]));
      }
      Map<String, Long> t1 = threadCpu();
      System.out.println("[kb-tail] thread CPU during warm-up (1,000 searches), ms: "
          + delta(t0, t1));
      ThreadMXBean thread = ManagementFactory.getThreadMXBean();
      List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
      long[] cpu = new long[searches];
      long[] wall = new long[searches];
      boolean[] gc = new boolean[searches];
      for (int i = 0; i < searches; i++) {
        SearchRequest request = SearchRequest.of(GeneratedArticles.TENANT,
            queries[i % queries.length]);
        long g0 = collections(gcs);
        long c0 = thread.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        index.search(request);
        wall[i] = System.nanoTime() - w0;
        cpu[i] = thread.getCurrentThreadCpuTime() - c0;
        gc[i] = collections(gcs) != g0;
      }
      Map<String, Long> t2 = threadCpu();
      long[] off = new long[searches];
      List<Long> wallGc = new ArrayList<>();
      List<Long> wallNoGc = new ArrayList<>();
      for (int i = 0; i < searches; i++) {
        off[i] = wall[i] - cpu[i];
        (gc[i] ? wallGc : wallNoGc).add(wall[i]);
      }
      System.out.println("[kb-tail] " + searches + " searches: thread cpu " + pct(cpu));
      System.out.println("[kb-tail] wall " + pct(wall));
      System.out.println("[kb-tail] wall - cpu (off CPU) " + pct(off));
      System.out.println("[kb-tail] searches with a GC: " + wallGc.size() + ", wall "
          + pct(wallGc.stream().mapToLong(Long::longValue).toArray()) + "; without: wall "
          + pct(wallNoGc.stream().mapToLong(Long::longValue).toArray()));
      System.out.println("[kb-tail] thread CPU during the measured searches, ms: "
          + delta(t1, t2));
      System.out.println("[kb-tail] per query: cpu p50 / max, wall p50 / max (ms)");
      for (int q = 0; q < queries.length; q++) {
        List<Long> c = new ArrayList<>();
        List<Long> w = new ArrayList<>();
        for (int i = q; i < searches; i += queries.length) {
          c.add(cpu[i]);
          w.add(wall[i]);
        }
        long[] cs = c.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] ws = w.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "[kb-tail]   %-32s %6.2f / %6.2f   %6.2f / %6.2f%n",
            queries[q], cs[cs.length / 2] / 1e6, cs[cs.length - 1] / 1e6,
            ws[ws.length / 2] / 1e6, ws[ws.length - 1] / 1e6);
      }
    }
  }

  /** Prints each tenant index's segments (their document counts): HNSW searches each one. */
  private static void segments(Path dir) throws IOException {
    try (Stream<Path> shards = Files.list(dir)) {
      for (Path shard : shards.filter(Files::isDirectory).toList()) {
        try (FSDirectory d = FSDirectory.open(shard);
            DirectoryReader reader = DirectoryReader.open(d)) {
          System.out.println("[kb-tail] " + shard.getFileName() + " segments (maxDoc): "
              + reader.leaves().stream().map(l -> String.valueOf(l.reader().maxDoc())).toList());
        }
      }
    }
  }

  private static long collections(List<GarbageCollectorMXBean> gcs) {
    long n = 0;
    for (GarbageCollectorMXBean gc : gcs) {
      n += gc.getCollectionCount();
    }
    return n;
  }

  /** CPU time (user + system, ms) of every native thread of this process, summed by name. */
  private static Map<String, Long> threadCpu() throws IOException {
    Map<String, Long> byName = new TreeMap<>();
    long tick = 10; // USER_HZ = 100 on Linux
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.toList()) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException gone) {
          continue;
        }
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        String name = stat.substring(open + 1, close).replaceAll("[#0-9]+$", "").strip();
        String[] rest = stat.substring(close + 2).split(" ");
        long ticks = Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
        byName.merge(name + " [" + task.getFileName() + "]", ticks * tick, Long::sum);
      }
    }
    Map<String, Long> summed = new TreeMap<>();
    byName.forEach((k, v) -> summed.merge(k.substring(0, k.indexOf(" [")), v, Long::sum));
    return summed;
  }

  private static String delta(Map<String, Long> before, Map<String, Long> after) {
    StringBuilder out = new StringBuilder();
    after.forEach((name, ms) -> {
      long d = ms - before.getOrDefault(name, 0L);
      if (d > 0) {
        out.append(name).append('=').append(d).append(' ');
      }
    });
    return out.toString().strip();
  }

  private static String pct(long[] nanos) {
    if (nanos.length == 0) {
      return "-";
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    StringBuilder out = new StringBuilder();
    for (double p : new double[] {0.5, 0.9, 0.95, 0.99, 0.999}) {
      out.append(String.format(Locale.ROOT, "p%s %.2f ", p * 100,
          sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6));
    }
    return out.append(String.format(Locale.ROOT, "max %.2f", sorted[sorted.length - 1] / 1e6))
        .toString();
  }
}
