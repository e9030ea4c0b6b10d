package dev.ticketkit.kb.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The optional English model loads from the classpath (its artifact is a test dependency here)
 * and, unlike the Chinese model, keeps an off-topic English question far from an unrelated
 * English article.
 */
class BgeSmallEnEmbeddingTest {

  private static BgeSmallEnEmbedding model;

  @BeforeAll
  static void load() {
    model = BgeSmallEnEmbedding.load();
  }

  @Test
  void vectorsAreUnitLengthWithTheDeclaredDimensions() {
    float[] v = model.embedDocument("How long do refunds take?");
    assertThat(v).hasSize(model.dimensions()).hasSize(384);
    assertThat(BgeSmallZhEmbeddingTest.cosine(v, v)).isCloseTo(1.0, Offset.offset(1e-4));
    assertThat(model.name()).isEqualTo("bge-small-en-v1.5-q");
  }

  @Test
  void relatedTextsAreCloserThanUnrelatedOnes() {
    float[] query = model.embedQuery("the parcel is taking forever to arrive");
    double related = BgeSmallZhEmbeddingTest.cosine(query, model.embedDocument(
        "My delivery is late. Most orders arrive in 3-5 business days."));
    double unrelated = BgeSmallZhEmbeddingTest.cosine(query, model.embedDocument(
        "Create an API key. Go to Developer settings > API keys > New key."));
    assertThat(related).isGreaterThan(unrelated + 0.1);
  }

  @Test
  void sameTextSameVector() {
    assertThat(model.embedQuery("refund")).containsExactly(model.embedQuery("refund"));
    assertThat(model.embedDocuments(java.util.List.of("a b", "refund"))).hasSize(2);
  }

  /**
   * Thread CPU time of one query embedding by each model, alternating (opt-in:
   * {@code -Dkb.timing=true}).
   */
  @Test
  @EnabledIfSystemProperty(named = "kb.timing", matches = "true")
  void queryCpuTime() {
    BgeSmallZhEmbedding zh = BgeSmallZhEmbedding.load();
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    String[] queries = {"the parcel is taking forever to arrive",
        "can I pay with Google Pay", "how do I stop my plan from renewing",
        "I got a text saying my account is suspended, is it really you"};
    for (int i = 0; i < 40; i++) { // warm-up
      zh.embedQuery(queries[i % 4] + i);
      model.embedQuery(queries[i % 4] + i);
    }
    long[] zhNanos = new long[400];
    long[] enNanos = new long[400];
    for (int i = 0; i < 400; i++) {
      String q = queries[i % 4] + " " + i;
      long t0 = bean.getCurrentThreadCpuTime();
      zh.embedQuery(q);
      long t1 = bean.getCurrentThreadCpuTime();
      model.embedQuery(q);
      long t2 = bean.getCurrentThreadCpuTime();
      zhNanos[i] = t1 - t0;
      enNanos[i] = t2 - t1;
    }
    java.util.Arrays.sort(zhNanos);
    java.util.Arrays.sort(enNanos);
    System.out.printf(Locale.ROOT, "[kb-timing] query embedding CPU ms p50/p99: zh %.2f/%.2f,"
        + " en %.2f/%.2f%n", zhNanos[200] / 1e6, zhNanos[396] / 1e6, enNanos[200] / 1e6,
        enNanos[396] / 1e6);
  }
}
