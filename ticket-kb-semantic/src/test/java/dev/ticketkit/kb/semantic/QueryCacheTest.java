package dev.ticketkit.kb.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The query cache: never more than its capacity, forgets the least recently used text first
 * (a read counts as a use, {@code contains} does not), checked against a plain access-ordered
 * map as the oracle; and {@link BgeSmallZhEmbedding}'s use of it.
 */
class QueryCacheTest {

  @Property(tries = 300)
  void boundedAndLeastRecentlyUsedFirst(@ForAll @IntRange(min = 1, max = 5) int capacity,
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 7) Integer> ops) {
    QueryCache cache = new QueryCache(capacity);
    LinkedHashMap<String, float[]> oracle = new LinkedHashMap<>(16, 0.75f, true);
    for (int op : ops) {
      String text = "q" + (op % 4);
      if (op < 4) {
        float[] v = {op, capacity};
        cache.put(text, v);
        oracle.put(text, v);
        if (oracle.size() > capacity) {
          oracle.remove(oracle.keySet().iterator().next());
        }
      } else {
        assertThat(cache.get(text)).isSameAs(oracle.get(text));
      }
      assertThat(cache.size()).isEqualTo(oracle.size()).isLessThanOrEqualTo(capacity);
      for (int t = 0; t < 4; t++) {
        assertThat(cache.contains("q" + t)).isEqualTo(oracle.containsKey("q" + t));
      }
    }
  }

  @Example
  void capacityMustBePositive() {
    assertThatThrownBy(() -> new QueryCache(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0");
  }

  @Example
  void theModelsCachedVectorIsExactAndCallersGetCopies() {
    BgeSmallZhEmbedding uncached =
        BgeSmallZhEmbedding.load(EmbeddingOptions.defaults().withQueryCache(0));
    float[] expected = uncached.embedQuery("登录失败");
    uncached.embedQuery("忘记密码怎么办");
    assertThat(uncached.cachedQueries()).isZero();
    assertThat(uncached.cached("登录失败")).isFalse();

    BgeSmallZhEmbedding model =
        BgeSmallZhEmbedding.load(EmbeddingOptions.defaults().withQueryCache(2));
    float[] first = model.embedQuery("登录失败");
    assertThat(first).containsExactly(expected);
    assertThat(model.cached("登录失败")).isTrue();
    first[0] = 42f;
    assertThat(model.embedQuery("登录失败")).containsExactly(expected);
    model.embedQuery("忘记密码怎么办");
    model.embedQuery("登录失败");
    model.embedQuery("login failed");
    assertThat(model.cachedQueries()).isEqualTo(2);
    assertThat(model.cached("忘记密码怎么办")).isFalse();
    assertThat(model.cached("登录失败")).isTrue();
    model.embedDocument("refund request");
    assertThat(model.cached("refund request")).isFalse();
  }
}
