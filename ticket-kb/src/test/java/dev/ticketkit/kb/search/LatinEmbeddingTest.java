package dev.ticketkit.kb.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.Article;
import dev.ticketkit.kb.ArticleContent;
import dev.ticketkit.kb.ArticleDetails;
import dev.ticketkit.kb.Audience;
import dev.ticketkit.kb.CategoryPath;
import dev.ticketkit.kb.KnowledgeBase;
import dev.ticketkit.kb.internal.Vectors;
import dev.ticketkit.kb.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The optional Latin-script embedding ({@link SearchSettings#withLatinEmbedding}): it needs an
 * embedding; every article gets a vector from it; only Latin-script queries are embedded by it,
 * and their hits' cosines come from it; the ranking is the same as without it.
 */
class LatinEmbeddingTest {

  private static final TenantId ACME = TenantId.of("acme");

  /** A deterministic stand-in embedding (characters hashed into buckets) that counts calls. */
  static final class Hashed implements TextEmbedding {
    private final int dimensions;
    final List<String> queries = new ArrayList<>();
    final List<String> documents = new ArrayList<>();

    Hashed(int dimensions) {
      this.dimensions = dimensions;
    }

    @Override
    public String name() {
      return "hashed-" + dimensions;
    }

    @Override
    public int dimensions() {
      return dimensions;
    }

    @Override
    public synchronized float[] embedQuery(String text) {
      queries.add(text);
      return vector(text);
    }

    @Override
    public synchronized float[] embedDocument(String text) {
      documents.add(text);
      return vector(text);
    }

    private float[] vector(String text) {
      float[] v = new float[dimensions];
      v[0] = 1;
      text.codePoints().forEach(c -> v[Math.floorMod(c * 31, dimensions)] += 1);
      return v;
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "how do I reset my password | true",
      "wher is my refnd | true",
      "Café crème | true",
      "忘记密码 | false",
      "怎么用 PayPal 付款 | false",
      "忘記密碼 | false",
      "429 | false",
      "' ' | false"})
  void latinScriptMeansALetterAndNoHanCharacter(String text, boolean latin) {
    assertThat(Relevance.latin(text)).isEqualTo(latin);
  }

  @Test
  void itNeedsAnEmbedding() {
    assertThatThrownBy(() -> SearchSettings.defaults().withLatinEmbedding(new Hashed(16)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("latinEmbedding");
    SearchSettings both = SearchSettings.defaults().withEmbedding(new Hashed(32))
        .withLatinEmbedding(new Hashed(16));
    assertThat(both.latinEmbedding()).isNotNull();
    assertThat(both.withEmbedding(null).latinEmbedding()).isNull();
    assertThat(both.withEmbedding(new Hashed(8)).latinEmbedding()).isSameAs(both.latinEmbedding());
  }

  @Test
  void latinQueriesTakeTheirCosinesFromTheLatinModelAndRankTheSame() {
    Hashed main = new Hashed(32);
    Hashed latin = new Hashed(16);
    LuceneArticleIndex with = LuceneArticleIndex.inMemory(SearchSettings.defaults()
        .withEmbedding(main).withLatinEmbedding(latin));
    LuceneArticleIndex without = LuceneArticleIndex.inMemory(SearchSettings.defaults()
        .withEmbedding(new Hashed(32)));
    for (LuceneArticleIndex index : List.of(with, without)) {
      KnowledgeBase kb = KnowledgeBase.builder(
          new MutableClock(Instant.parse("2026-11-02T09:00:00Z"))).index(index).build();
      publish(kb, "How to reset your password", "Choose Forgot password on the sign-in page.",
          Locale.ENGLISH);
      publish(kb, "Track your order", "We email a tracking number when the order ships.",
          Locale.ENGLISH);
      publish(kb, "如何取消订单", "未发货的订单可以在订单页取消。", Locale.CHINA);
    }
    assertThat(new java.util.HashSet<>(latin.documents)).hasSize(3); // each version indexed

    SearchRequest english = SearchRequest.of(ACME, "reset my password").withSnippets(false);
    List<Relevance.Features> features = with.features(english);
    assertThat(features.get(0).cosine()).isCloseTo(Vectors.cosine(latin.vector(
        "reset my password"), latin.vector(latin.documents.get(0))), Offset.offset(0.02));
    assertThat(latin.queries).containsExactly("reset my password");
    assertThat(titles(with, english)).isEqualTo(titles(without, english)).hasSize(3);

    SearchRequest chinese = SearchRequest.of(ACME, "取消订单").withSnippets(false);
    with.features(chinese);
    assertThat(latin.queries).doesNotContain("取消订单");
    assertThat(titles(with, chinese)).isEqualTo(titles(without, chinese));
  }

  private static List<String> titles(LuceneArticleIndex index, SearchRequest request) {
    return index.search(request).hits().stream().map(SearchHit::title).toList();
  }

  private static void publish(KnowledgeBase kb, String title, String body, Locale locale) {
    Article d = kb.createDraft(ACME, new ArticleContent(title, body, List.of(), CategoryPath.ROOT,
        new ArticleDetails.Faq()), locale, Audience.PUBLIC, "olga");
    Article s = kb.submit(ACME, d.id(), d.version());
    kb.publish(ACME, d.id(), s.version(), "rita", "v1");
  }
}
