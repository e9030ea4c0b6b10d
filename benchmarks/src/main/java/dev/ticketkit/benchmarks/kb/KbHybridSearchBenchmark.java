package dev.ticketkit.benchmarks.kb;

import dev.ticketkit.kb.Article;
import dev.ticketkit.kb.search.ArticleSearchIndex;
import dev.ticketkit.kb.search.SearchRequest;
import dev.ticketkit.kb.search.SearchResults;
import dev.ticketkit.kb.search.SearchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Hybrid search latency over 100,000 generated articles of one tenant, as a requester, top 10,
 * with snippets: the query embedded by bge-small-zh-v1.5 (quantised, in-process) at every
 * search, HNSW nearest neighbours and the lexical top 50 fused. Article vectors come from
 * {@link PooledEmbedding}. SampleTime mode reports p50/p90/p99. Measuring starts once the
 * import's background merges have ended ({@link SettledIndex}, {@code -p settle=merges}).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar KbHybridSearchBenchmark -f 1 -wi 3 -i 3 -w 5s -r 5s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KbHybridSearchBenchmark {

  /** How many articles the index holds. */
  @Param({"100000"})
  public int articles;

  /**
   * What happens between the import and measuring ({@link SettledIndex}): {@code merges} (wait
   * for the bulk import's background merges to end; the library moves its searchers to the
   * merged segments itself), {@code write} or {@code true} (the same plus a write that refreshes
   * the searchers, the workaround of 2026-12-01), {@code none} or {@code false} (measure while
   * the merges may still run, as runs before 2026-12-01 10:30 UTC did).
   */
  @Param({"merges"})
  public String settle;

  /** ONNX Runtime intra-op threads of the query embedding. */
  @Param({"1"})
  public int threads;

  /**
   * Cached query vectors: 0 (the headline: every search embeds its query) or more (the 24
   * queries repeat, so every measured search then hits the cache).
   */
  @Param({"0"})
  public int queryCache;

  /**
   * Empty (the default): build the index in memory. Otherwise an on-disk index directory: built
   * there if it does not exist, reopened if it does ({@link KbHybridTail} builds the same index),
   * so that code versions and options can be compared on one index without an 8-30 minute build
   * per fork.
   */
  @Param({""})
  public String dir;

  private ArticleSearchIndex index;
  private SearchRequest[] requests;
  private int next;

  /** Builds the index once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    GeneratedArticles generator = new GeneratedArticles(42);
    PooledEmbedding embedding = PooledEmbedding.ofGenerated(
        PooledEmbedding.model(threads, false, queryCache));
    SearchSettings settings = SearchSettings.defaults().withEmbedding(embedding);
    boolean reuse = !dir.isEmpty() && Files.isDirectory(Path.of(dir));
    index = dir.isEmpty() ? ArticleSearchIndex.inMemory(settings)
        : ArticleSearchIndex.onDisk(Path.of(dir), settings);
    for (int done = 0; !reuse && done < articles; done += 5_000) {
      List<Article> batch = generator.next(Math.min(5_000, articles - done));
      index.indexAll(batch);
    }
    SettledIndex.settle(settle, index, GeneratedArticles.TENANT);
    requests = new SearchRequest[KbSearchBenchmark.QUERIES.length];
    for (int i = 0; i < requests.length; i++) {
      requests[i] = SearchRequest.of(GeneratedArticles.TENANT, KbSearchBenchmark.QUERIES[i]);
    }
  }

  /** Closes the index. */
  @TearDown(Level.Trial)
  public void tearDown() {
    index.close();
  }

  /**
   * A requester's hybrid search with snippets, the query embedding included.
   *
   * @return the results (consumed by JMH)
   */
  @Benchmark
  public SearchResults hybridSearch() {
    next = (next + 1) % requests.length;
    return index.search(requests[next]);
  }
}
