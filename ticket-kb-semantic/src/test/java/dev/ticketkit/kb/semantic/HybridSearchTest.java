package dev.ticketkit.kb.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.kb.Article;
import dev.ticketkit.kb.ArticleContent;
import dev.ticketkit.kb.ArticleDetails;
import dev.ticketkit.kb.ArticleImport;
import dev.ticketkit.kb.Audience;
import dev.ticketkit.kb.KnowledgeBase;
import dev.ticketkit.kb.search.ArticleSearchIndex;
import dev.ticketkit.kb.search.SearchRequest;
import dev.ticketkit.kb.search.SearchResults;
import dev.ticketkit.kb.search.SearchSettings;
import dev.ticketkit.testkit.MutableClock;
import dev.ticketkit.kb.ticket.FaqCandidate;
import dev.ticketkit.kb.ticket.FaqOptions;
import dev.ticketkit.kb.ticket.SimilarTicket;
import dev.ticketkit.kb.ticket.TicketText;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hybrid search with the bundled model: vectors in the Lucene index fused with the lexical
 * ranking, the confident-answer flag, and the same embeddings ranking similar tickets and FAQ
 * clusters.
 */
class HybridSearchTest {

  private static final TenantId ACME = TenantId.of("acme");
  private static BgeSmallZhEmbedding model;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));

  @BeforeAll
  static void load() {
    model = BgeSmallZhEmbedding.load();
  }

  private static ArticleImport item(String title, String body, Locale locale) {
    return new ArticleImport(ArticleContent.of(title, body, new ArticleDetails.Faq()), locale,
        Audience.PUBLIC, "olga");
  }

  private static final List<ArticleImport> ARTICLES = List.of(
      item("已扣款但订单显示未支付", "银行回传支付结果有延迟，扣款后订单可能暂时显示待付款，请不要重复付款。",
          Locale.CHINA),
      item("如何邀请同事加入团队", "管理员在团队管理中输入同事的邮箱发送邀请。", Locale.CHINA),
      item("Track your order", "We email a tracking number as soon as your order ships.",
          Locale.ENGLISH),
      item("Close or delete your account", "Settings > Account > Delete account removes your"
          + " profile after a 14-day grace period.", Locale.ENGLISH));

  private KnowledgeBase hybrid(ArticleSearchIndex index) {
    return KnowledgeBase.builder(clock).index(index).build();
  }

  @Test
  void findsByMeaningWhatSharesNoWordWithTheQuery() {
    KnowledgeBase kb = hybrid(ArticleSearchIndex.inMemory(
        SearchSettings.defaults().withEmbedding(model)));
    List<Article> imported = kb.importPublished(ACME, ARTICLES, "rita", "import");
    KnowledgeBase lexical = KnowledgeBase.builder(clock).store(kb.store()).build();
    lexical.rebuildIndex();
    String query = "has my package left the warehouse yet";
    assertThat(lexical.search(SearchRequest.of(ACME, query)).ids())
        .doesNotContain(imported.get(2).id());
    assertThat(kb.search(SearchRequest.of(ACME, query)).ids()).first()
        .isEqualTo(imported.get(2).id());
    assertThat(kb.index().embedding()).contains(model);
  }

  @Test
  void flagsConfidentAnswersAndNoAnswer() {
    KnowledgeBase kb = hybrid(ArticleSearchIndex.inMemory(
        SearchSettings.defaults().withEmbedding(model)));
    List<Article> imported = kb.importPublished(ACME, ARTICLES, "rita", "import");
    SearchResults answered = kb.search(SearchRequest.of(ACME, "已经扣款了订单还显示未付款"));
    assertThat(answered.ids()).first().isEqualTo(imported.get(0).id());
    assertThat(answered.hasConfidentAnswer()).isTrue();
    assertThat(answered.hits().get(0).relevance()).isBetween(0.5, 1.0);
    SearchResults none = kb.search(SearchRequest.of(ACME, "how do I change the app language to French"));
    assertThat(none.hasConfidentAnswer()).isFalse();
    assertThat(none.hits()).allMatch(h -> h.relevance() < 0.5 && !h.confident());
  }

  @Test
  void vectorsSurviveReopeningAnOnDiskIndex(@TempDir Path dir) {
    SearchSettings settings = SearchSettings.defaults().withEmbedding(model);
    ArticleSearchIndex disk = ArticleSearchIndex.onDisk(dir, settings);
    KnowledgeBase kb = hybrid(disk);
    List<Article> imported = kb.importPublished(ACME, ARTICLES, "rita", "import");
    disk.close();
    try (ArticleSearchIndex reopened = ArticleSearchIndex.onDisk(dir, settings)) {
      assertThat(reopened.search(SearchRequest.of(ACME,
          "has my package left the warehouse yet")).ids()).first()
          .isEqualTo(imported.get(2).id());
    }
  }

  @Test
  void embeddingsRankSimilarTicketsAndGroupFaqCandidates() {
    KnowledgeBase kb = hybrid(ArticleSearchIndex.inMemory(
        SearchSettings.defaults().withEmbedding(model)));
    TicketText target = TicketText.open(id(), "钱扣了订单没变", "付完钱订单还是待付款");
    TicketText same = TicketText.open(id(), "支付成功但订单未支付", "扣款成功了但是订单状态没更新");
    TicketText other = TicketText.open(id(), "想邀请同事", "怎么把同事加到团队里");
    List<SimilarTicket> ranked = kb.tickets().similarTickets(target, List.of(other, same), 2);
    assertThat(ranked).extracting(SimilarTicket::ticketId).containsExactly(same.id(), other.id());
    Instant at = clock.instant();
    List<TicketText> resolved = new ArrayList<>();
    String[][] texts = {{"付款后订单未支付", "钱扣了但订单显示待付款"}, {"扣款成功订单没变", "银行卡扣钱了订单还是未支付"},
        {"支付了订单状态不对", "已经付款了订单还是待付款"}, {"邀请同事", "怎么邀请同事加入团队"},
        {"团队加成员", "如何把同事加进团队"}, {"添加团队成员", "邀请新成员加入我们的团队"}};
    for (String[] t : texts) {
      resolved.add(TicketText.resolved(id(), t[0], t[1], at));
    }
    List<FaqCandidate> candidates = kb.tickets().faqCandidates(ACME, resolved, FaqOptions.defaults());
    assertThat(candidates).hasSize(2);
    Set<Set<TicketId>> groups = candidates.stream()
        .map(c -> Set.copyOf(c.ticketIds())).collect(Collectors.toSet());
    assertThat(groups).containsExactlyInAnyOrder(
        Set.of(resolved.get(0).id(), resolved.get(1).id(), resolved.get(2).id()),
        Set.of(resolved.get(3).id(), resolved.get(4).id(), resolved.get(5).id()));
  }

  private static TicketId id() {
    return TicketId.of(UUID.randomUUID());
  }
}
