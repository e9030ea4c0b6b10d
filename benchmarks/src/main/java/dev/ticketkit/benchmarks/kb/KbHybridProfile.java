package dev.ticketkit.benchmarks.kb;

import dev.ticketkit.kb.search.ArticleSearchIndex;
import dev.ticketkit.kb.search.SearchRequest;
import dev.ticketkit.kb.search.SearchSettings;
import dev.ticketkit.kb.search.TextEmbedding;
import java.lang.management.ManagementFactory;
import java.lang.management.GarbageCollectorMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a hybrid search's time goes: builds the 100,000-article hybrid index of
 * {@link KbHybridSearchBenchmark}, then measures, for the benchmark's 24 queries round-robin,
 * (1) the query embedding alone, (2) the search with the query vector precomputed (lexical
 * search, HNSW, fusion, relevance, snippets) and (3) the whole search; per call the calling
 * thread's CPU time and the wall time, as percentiles in milliseconds.
 *
 * <p>Before measuring, the index settles as {@code -Dkb.settle=merges|write|none} says
 * ({@link SettledIndex}; {@code merges} by default).
 *
 * <p>With a third argument, the index is built on disk in that directory, or reopened from it if
 * it exists (as {@link KbHybridTail} does).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.ticketkit.benchmarks.kb.KbHybridProfile 100000 1500 [dir]</pre>
 */
public final class KbHybridProfile {

  private KbHybridProfile() {}

  /**
   * Runs the measurement.
   *
   * @param args the article count, the measured calls per part, optionally an index directory
   */
  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 1_500;
    TextEmbedding model = PooledEmbedding.model();
    Precomputed embedding = new Precomputed(PooledEmbedding.ofGenerated(model));
    Path dir = args.length > 2 ? Path.of(args[2]) : null;
    boolean reuse = dir != null && Files.isDirectory(dir);
    SearchSettings settings = SearchSettings.defaults().withEmbedding(embedding);
    try (ArticleSearchIndex index = dir == null ? ArticleSearchIndex.inMemory(settings)
        : ArticleSearchIndex.onDisk(dir, settings)) {
      GeneratedArticles generator = new GeneratedArticles(42);
      for (int done = 0; !reuse && done < count; done += 5_000) {
        index.indexAll(generator.next(Math.min(5_000, count - done)));
      }
      SettledIndex.settle(System.getProperty("kb.settle", "merges"), index,
          GeneratedArticles.TENANT);
      String[] queries = KbSearchBenchmark.QUERIES;
      for (String q : queries) {
        embedding.vectors.put(q, model.embedQuery(q));
      }
      Runnable[] parts = new Runnable[3];
      int[] i = {0};
      parts[0] = () -> model.embedQuery(queries[i[0]++ % queries.length]);
      parts[1] = () -> {
        embedding.precomputed = true;
        index.search(SearchRequest.of(GeneratedArticles.TENANT, queries[i[0]++ % queries.length]));
        embedding.precomputed = false;
      };
      parts[2] = () -> index.search(
          SearchRequest.of(GeneratedArticles.TENANT, queries[i[0]++ % queries.length]));
      String[] names = {"query embedding only", "search, query vector precomputed",
          "search, embedding included"};
      for (int round = 0; round < 2; round++) {
        for (int p = 0; p < parts.length; p++) {
          String result = measure(parts[p], round == 0 ? calls / 3 : calls);
          if (round == 1) {
            System.out.println("[kb-profile] " + count + " articles, " + names[p] + ": " + result);
          }
        }
      }
    }
  }

  private static String measure(Runnable part, int calls) {
    com.sun.management.ThreadMXBean thread =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long[] cpu = new long[calls];
    long[] wall = new long[calls];
    long gc0 = collections();
    long a0 = thread.getThreadAllocatedBytes(id);
    for (int k = 0; k < calls; k++) {
      long c0 = thread.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      part.run();
      wall[k] = System.nanoTime() - w0;
      cpu[k] = thread.getCurrentThreadCpuTime() - c0;
    }
    long allocated = (thread.getThreadAllocatedBytes(id) - a0) / calls;
    return "thread cpu " + percentiles(cpu) + "; wall " + percentiles(wall)
        + String.format(Locale.ROOT, "; allocated %.0f KB per call; %d collections",
            allocated / 1024.0, collections() - gc0);
  }

  private static long collections() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }

  private static String percentiles(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    StringBuilder out = new StringBuilder();
    for (double p : new double[] {0.5, 0.9, 0.99}) {
      out.append(String.format(Locale.ROOT, "p%s %.2f ", p * 100,
          sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6));
    }
    return out.toString().strip();
  }

  /** The pooled embedding, whose query vectors can be switched to precomputed ones. */
  private static final class Precomputed implements TextEmbedding {
    final TextEmbedding pooled;
    final Map<String, float[]> vectors = new HashMap<>();
    volatile boolean precomputed;

    Precomputed(TextEmbedding pooled) {
      this.pooled = pooled;
    }

    @Override
    public String name() {
      return pooled.name();
    }

    @Override
    public int dimensions() {
      return pooled.dimensions();
    }

    @Override
    public float[] embedQuery(String text) {
      return precomputed ? vectors.get(text) : pooled.embedQuery(text);
    }

    @Override
    public float[] embedDocument(String text) {
      return pooled.embedDocument(text);
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts) {
      return pooled.embedDocuments(texts);
    }
  }
}
