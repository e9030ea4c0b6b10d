package dev.ticketkit.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.kb.search.SearchHit;
import dev.ticketkit.kb.search.SearchRequest;
import dev.ticketkit.kb.store.ArticleQuery;
import dev.ticketkit.kb.testing.MutableClock;
import dev.ticketkit.kb.ticket.SimilarTicket;
import dev.ticketkit.kb.ticket.TicketText;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bulk import of published articles, suggestions from text before a ticket exists, similar tickets. */
class BulkImportAndIntakeTest {

  private static final TenantId ACME = TenantId.of("acme");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
  private final KnowledgeBase kb = KnowledgeBase.builder(clock).build();

  private static ArticleImport item(String title, String body, Locale locale) {
    return new ArticleImport(ArticleContent.of(title, body, new ArticleDetails.Faq()), locale,
        Audience.PUBLIC, "olga");
  }

  @Test
  void importsManyPublishedArticlesInOneCall() {
    List<Article> imported = kb.importPublished(ACME, List.of(
        item("退款多久到账", "原路退回，1-7 个工作日。", Locale.CHINA),
        item("Reset your password", "Use the forgot password link.", Locale.ENGLISH),
        item("電子發票載具", "結帳時選擇手機條碼載具。", Locale.TAIWAN)), "rita", "import");
    assertThat(imported).hasSize(3).allMatch(a -> a.status() == ArticleStatus.PUBLISHED
        && a.revision() == 1 && a.version() == 1);
    assertThat(kb.revisions(ACME, imported.get(0).id())).hasSize(1);
    assertThat(kb.search(SearchRequest.of(ACME, "载具")).ids())
        .containsExactly(imported.get(2).id());
    assertThat(kb.search(SearchRequest.of(ACME, "password")).ids())
        .containsExactly(imported.get(1).id());
  }

  @Test
  void aBadArticleInABulkImportStoresNothing() {
    assertThatThrownBy(() -> kb.importPublished(ACME, List.of(
        item("好的", "正文", Locale.CHINA), item("bad", "locale", new Locale("en'--"))), "rita",
        "import")).isInstanceOf(InvalidInputException.class).hasMessageContaining("locale");
    assertThatThrownBy(() -> kb.importPublished(ACME, List.of(item("好的", "正文", Locale.CHINA)),
        " ", "import")).isInstanceOf(InvalidInputException.class);
    assertThat(kb.list(ACME, ArticleQuery.all())).isEmpty();
    assertThat(kb.search(SearchRequest.of(ACME, "正文")).hits()).isEmpty();
  }

  @Test
  void suggestsFromTheTextOfATicketThatDoesNotExistYet() {
    List<Article> imported = kb.importPublished(ACME, List.of(
        item("已扣款但订单显示未支付", "银行回传支付结果有延迟，请不要重复付款。", Locale.CHINA),
        item("如何邀请同事", "在团队管理中邀请成员。", Locale.CHINA)), "rita", "import");
    List<SearchHit> hits = kb.tickets().suggest(ACME, "付款成功了订单还是待付款", "扣款了，订单没变",
        Viewer.REQUESTER, null, 3);
    assertThat(hits).isNotEmpty();
    assertThat(hits.get(0).articleId()).isEqualTo(imported.get(0).id());
    assertThat(kb.tickets().suggest(ACME, "", "订单显示未支付", Viewer.REQUESTER, null, 3))
        .extracting(SearchHit::articleId).first().isEqualTo(imported.get(0).id());
    assertThatThrownBy(() -> kb.tickets().suggest(ACME, "x".repeat(TicketText.MAX_TEXT + 1), "",
        Viewer.REQUESTER, null, 3)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("subject");
  }

  @Test
  void ranksSimilarTicketsByText() {
    TicketText target = TicketText.open(id(), "退款一直没到账", "申请退款一周了银行卡还没收到钱");
    TicketText near = TicketText.open(id(), "退款没到账", "退款申请通过了，钱还没收到");
    TicketText far = TicketText.open(id(), "发票抬头写错", "想换开发票");
    List<SimilarTicket> ranked = kb.tickets().similarTickets(target, List.of(far, target, near), 5);
    assertThat(ranked).extracting(SimilarTicket::ticketId).containsExactly(near.id(), far.id());
    assertThat(ranked.get(0).similarity()).isGreaterThan(ranked.get(1).similarity());
    assertThatThrownBy(() -> kb.tickets().similarTickets(target, List.of(near), 0))
        .isInstanceOf(InvalidInputException.class);
  }

  private static TicketId id() {
    return TicketId.of(UUID.randomUUID());
  }
}
