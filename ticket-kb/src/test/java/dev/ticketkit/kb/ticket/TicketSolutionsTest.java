package dev.ticketkit.kb.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.kb.Article;
import dev.ticketkit.kb.ArticleContent;
import dev.ticketkit.kb.ArticleDetails;
import dev.ticketkit.kb.Audience;
import dev.ticketkit.kb.KnowledgeBase;
import dev.ticketkit.kb.Viewer;
import dev.ticketkit.kb.search.SearchHit;
import dev.ticketkit.kb.testing.Corpus;
import dev.ticketkit.kb.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketSolutionsTest {

  private static final TenantId ACME = TenantId.of("acme");
  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final KnowledgeBase kb = KnowledgeBase.builder(clock).build();
  private final TicketSolutions tickets = kb.tickets();

  private static TicketId ticketId() {
    return TicketId.of(UUID.randomUUID());
  }

  @Test
  void suggestsArticlesForATicketsSubjectAndDescription() {
    Map<String, Article> corpus = Corpus.publish(kb, ACME);
    TicketText ticket = TicketText.open(ticketId(), "付款一直失败",
        "用招商银行卡付款的时候提示支付失败，换了几次都不行，钱好像也被扣了");
    List<SearchHit> hits = tickets.suggest(ACME, ticket, Viewer.REQUESTER, Locale.CHINESE, 3);
    assertThat(hits).extracting(SearchHit::articleId)
        .contains(corpus.get("zh-payment-failure").id());
    TicketText english = TicketText.open(ticketId(), "", "The app closes right after I open it on my phone");
    assertThat(tickets.suggest(ACME, english, Viewer.AGENT, Locale.ENGLISH, 3))
        .extracting(SearchHit::articleId).contains(corpus.get("en-app-crash").id());
  }

  @Test
  void suggestionsNeverOfferDraftsOrInternalArticlesToRequesters() {
    Article internal = kb.createDraft(ACME, ArticleContent.of("退款内部处理流程", "退款审批",
        new ArticleDetails.Faq()), Locale.CHINA, Audience.INTERNAL, "olga");
    Article s = kb.submit(ACME, internal.id(), 1);
    kb.publish(ACME, internal.id(), s.version(), "rita", "v1");
    kb.createDraft(ACME, ArticleContent.of("退款草稿", "退款", new ArticleDetails.Faq()),
        Locale.CHINA, Audience.PUBLIC, "olga");
    TicketText ticket = TicketText.open(ticketId(), "退款", "");
    assertThat(tickets.suggest(ACME, ticket, Viewer.REQUESTER, null, 5)).isEmpty();
    assertThat(tickets.suggest(ACME, ticket, Viewer.AGENT, null, 5)).extracting(SearchHit::articleId)
        .containsExactly(internal.id());
  }

  @Test
  void linksSolutionsAndCountsTicketsSolved() {
    Map<String, Article> corpus = Corpus.publish(kb, ACME);
    Article login = corpus.get("zh-login-failure");
    TicketId t1 = ticketId();
    TicketId t2 = ticketId();
    assertThat(tickets.linkSolution(ACME, login.id(), t1, "agent-1")).isTrue();
    assertThat(tickets.linkSolution(ACME, login.id(), t1, "agent-2")).isFalse();
    assertThat(tickets.linkSolution(ACME, login.id(), t2, "agent-1")).isTrue();
    assertThat(tickets.ticketsSolved(ACME, login.id())).isEqualTo(2);
    assertThat(tickets.ticketsSolved(TenantId.of("other"), login.id())).isZero();
    assertThat(tickets.unlink(ACME, login.id(), t2)).isTrue();
    assertThat(tickets.ticketsSolved(ACME, login.id())).isEqualTo(1);
    Article draft = kb.createDraft(ACME, ArticleContent.of("d", "b", new ArticleDetails.Faq()),
        Locale.CHINA, Audience.PUBLIC, "o");
    assertThatThrownBy(() -> tickets.linkSolution(ACME, draft.id(), t1, "agent-1"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void faqCandidatesGroupUnlinkedResolvedTicketsBySimilarity() {
    Map<String, Article> corpus = Corpus.publish(kb, ACME);
    List<TicketText> resolved = new ArrayList<>();
    String[] invoice = {"发票抬头开错了需要重开", "电子发票抬头写错了，怎么重新开发票", "发票抬头错误能不能重开",
        "公司发票抬头填错了要重开发票"};
    String[] coupon = {"优惠券领了但是结算时用不了", "结算时优惠券不能用", "新人优惠券结算不能使用"};
    String[] english = {"Promo code rejected at checkout", "Checkout says promo code is invalid",
        "My promo code gets rejected"};
    addAll(resolved, invoice, Duration.ofDays(1));
    addAll(resolved, coupon, Duration.ofDays(3));
    addAll(resolved, english, Duration.ofHours(2));
    resolved.add(TicketText.resolved(ticketId(), "打印机卡纸", "办公室打印机卡纸", T0));
    TicketId linked = ticketId();
    resolved.add(TicketText.resolved(linked, "发票抬头开错了", "需要重开发票", T0.plusSeconds(9)));
    tickets.linkSolution(ACME, corpus.get("zh-invoice").id(), linked, "agent");
    resolved.add(new TicketText(ticketId(), "发票抬头开错了", "重开发票", T0.plusSeconds(10), true));
    List<FaqCandidate> candidates = tickets.faqCandidates(ACME, resolved, FaqOptions.defaults());
    assertThat(candidates).hasSize(3);
    FaqCandidate first = candidates.get(0);
    assertThat(first.size()).isEqualTo(4);
    assertThat(first.commonTerms()).contains("发票", "抬头");
    assertThat(first.ticketIds()).doesNotContain(linked);
    assertThat(first.exampleTicketIds()).hasSizeLessThanOrEqualTo(5).isSubsetOf(first.ticketIds());
    assertThat(candidates.get(1).size()).isEqualTo(3);
    assertThat(candidates.get(1).latestResolvedAt())
        .isAfterOrEqualTo(candidates.get(2).latestResolvedAt());
    assertThat(candidates).anySatisfy(c -> assertThat(c.commonTerms()).contains("promo", "code"));
    assertThat(candidates).anySatisfy(c -> assertThat(c.commonTerms()).contains("优惠券", "结算"));
  }

  @Test
  void faqCandidatesOfNoTicketsAreEmpty() {
    assertThat(tickets.faqCandidates(ACME, List.of(), FaqOptions.defaults())).isEmpty();
    assertThat(tickets.faqCandidates(ACME, List.of(TicketText.open(ticketId(), "a", "b")),
        FaqOptions.defaults().withMinGroupSize(2))).isEmpty();
  }

  private void addAll(List<TicketText> into, String[] subjects, Duration after) {
    for (int i = 0; i < subjects.length; i++) {
      into.add(TicketText.resolved(ticketId(), subjects[i], "", T0.plus(after).plusSeconds(i)));
    }
  }
}
