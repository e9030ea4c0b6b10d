package dev.ticketkit.benchmarks.kb;

import dev.ticketkit.kb.Viewer;
import dev.ticketkit.kb.search.ArticleSearchIndex;
import dev.ticketkit.kb.search.ChineseAnalysis;
import dev.ticketkit.kb.search.SearchRequest;
import dev.ticketkit.kb.search.SearchResults;
import dev.ticketkit.kb.search.SearchSettings;
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
 * Search latency over 100,000 generated articles of one tenant (half Chinese, half English), as a
 * requester would search (published public articles only, top 10), with and without highlighted
 * snippets. SampleTime mode reports p50/p90/p99. Queries rotate over Chinese, English, typo and
 * synonym cases.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar KbSearchBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KbSearchBenchmark {

  static final String[] QUERIES = {"登录失败", "忘记密码怎么办", "支付失败 银行卡", "付款", "物流延迟 快递",
      "退款多久到账", "权限不足", "绑定手机号", "app 闪退", "清除浏览器缓存", "login failed", "forgot password",
      "payment declined card", "where is my order", "shipping delay courier", "refund request",
      "pasword reset", "permision denied", "app crash after update", "clear browser cache cookies",
      "登陆不上去", "promo code invalid", "verification code sms", "invoice receipt download"};

  /** How many articles the index holds. */
  @Param({"100000"})
  public int articles;

  /** The Chinese analysis under test. */
  @Param({"BIGRAM", "SMART"})
  public ChineseAnalysis analysis;

  /**
   * What happens between the import and measuring ({@link SettledIndex}): {@code merges} (wait
   * for the import's background merges to end; the library moves its searchers to the merged
   * segments itself), {@code write} or {@code true} (the same plus a write that refreshes the
   * searchers, the workaround of 2026-12-01), {@code none} or {@code false} (measure at once).
   */
  @Param({"merges"})
  public String settle;

  private ArticleSearchIndex index;
  private SearchRequest[] withSnippets;
  private SearchRequest[] withoutSnippets;
  private int next;

  /** Builds the index once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    index = ArticleSearchIndex.inMemory(SearchSettings.defaults().withChinese(analysis));
    GeneratedArticles generator = new GeneratedArticles(42);
    for (int done = 0; done < articles; done += 5_000) {
      index.indexAll(generator.next(Math.min(5_000, articles - done)));
    }
    SettledIndex.settle(settle, index, GeneratedArticles.TENANT);
    withSnippets = new SearchRequest[QUERIES.length];
    withoutSnippets = new SearchRequest[QUERIES.length];
    for (int i = 0; i < QUERIES.length; i++) {
      withSnippets[i] = SearchRequest.of(GeneratedArticles.TENANT, QUERIES[i])
          .withViewer(Viewer.REQUESTER);
      withoutSnippets[i] = withSnippets[i].withSnippets(false);
    }
  }

  /** Closes the index. */
  @TearDown(Level.Trial)
  public void tearDown() {
    index.close();
  }

  /**
   * A requester's search with highlighted snippets.
   *
   * @return the results (consumed by JMH)
   */
  @Benchmark
  public SearchResults search() {
    next = (next + 1) % QUERIES.length;
    return index.search(withSnippets[next]);
  }

  /**
   * The same search without snippets.
   *
   * @return the results (consumed by JMH)
   */
  @Benchmark
  public SearchResults searchWithoutSnippets() {
    next = (next + 1) % QUERIES.length;
    return index.search(withoutSnippets[next]);
  }
}
