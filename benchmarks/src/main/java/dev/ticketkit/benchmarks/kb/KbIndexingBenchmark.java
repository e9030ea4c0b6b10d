package dev.ticketkit.benchmarks.kb;

import dev.ticketkit.kb.search.ArticleSearchIndex;
import dev.ticketkit.kb.search.ChineseAnalysis;
import dev.ticketkit.kb.search.SearchSettings;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Indexing throughput in articles per second: in bulk ({@code indexAll} of 1,000 articles, one
 * searcher refresh) and one at a time ({@code index}, which refreshes the searcher so the article
 * is searchable when the call returns, as the knowledge base does on every write).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar KbIndexingBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KbIndexingBenchmark {

  private static final int BATCH = 1_000;

  /** The Chinese analysis under test. */
  @Param({"BIGRAM", "SMART"})
  public ChineseAnalysis analysis;

  private ArticleSearchIndex index;
  private GeneratedArticles generator;

  /** Starts each iteration with an empty index. */
  @Setup(Level.Iteration)
  public void setUp() {
    index = ArticleSearchIndex.inMemory(SearchSettings.defaults().withChinese(analysis));
    generator = new GeneratedArticles(7);
  }

  /** Closes the iteration's index. */
  @TearDown(Level.Iteration)
  public void tearDown() {
    index.close();
  }

  /** Indexes 1,000 new articles in one call; the score is articles per second. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void indexBulk() {
    index.indexAll(generator.next(BATCH));
  }

  /** Indexes one new article and makes it searchable; the score is articles per second. */
  @Benchmark
  public void indexOne() {
    index.index(generator.next());
  }
}
