package dev.ticketkit.kb.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled model loads from the classpath and puts related texts closer than unrelated ones. */
class BgeSmallZhEmbeddingTest {

  private static BgeSmallZhEmbedding model;

  @BeforeAll
  static void load() {
    model = BgeSmallZhEmbedding.load();
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }

  @Test
  void vectorsAreUnitLengthWithTheDeclaredDimensions() {
    float[] v = model.embedDocument("如何申请退款");
    assertThat(v).hasSize(model.dimensions());
    assertThat(cosine(v, v)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void relatedTextsAreCloserThanUnrelatedOnes() {
    float[] query = model.embedQuery("钱扣了单子没变");
    double related = cosine(query, model.embedDocument("已扣款但订单显示未支付：银行回传支付结果有延迟"));
    double unrelated = cosine(query, model.embedDocument("如何邀请同事加入团队"));
    assertThat(related).isGreaterThan(unrelated);
    float[] traditional = model.embedQuery("忘記密碼怎麼重設");
    assertThat(cosine(traditional, model.embedDocument("忘记密码如何重置")))
        .isGreaterThan(cosine(traditional, model.embedDocument("商品尺码不合适怎么换货")));
  }

  @Test
  void sameTextSameVector() {
    assertThat(model.embedQuery("app 闪退")).containsExactly(model.embedQuery("app 闪退"));
  }

  @Test
  void timing() {
    long start = System.nanoTime();
    for (int i = 0; i < 50; i++) {
      model.embedQuery("付钱的时候卡死了" + i);
    }
    long q = (System.nanoTime() - start) / 50_000;
    start = System.nanoTime();
    String doc = "付款过程中页面卡住、一直加载，通常是网络不稳定或者支付 App 未正常唤起。请先不要重复点击付款，去我的订单查看订单状态；若显示待付款，可以关闭页面后重新发起支付。建议切换到 Wi-Fi 或 4G 后再试。";
    for (int i = 0; i < 20; i++) {
      model.embedDocument(doc + i);
    }
    long d = (System.nanoTime() - start) / 20_000;
    System.out.println("[timing] query us=" + q + " doc us=" + d);
  }
}
