package dev.ticketkit.kb.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.Article;
import dev.ticketkit.kb.ArticleContent;
import dev.ticketkit.kb.ArticleDetails;
import dev.ticketkit.kb.ArticleStatus;
import dev.ticketkit.kb.ArticleType;
import dev.ticketkit.kb.Audience;
import dev.ticketkit.kb.CategoryPath;
import dev.ticketkit.kb.KnowledgeBase;
import dev.ticketkit.kb.Viewer;
import dev.ticketkit.kb.store.ArticleStore;
import dev.ticketkit.kb.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchFeaturesTest {

  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T09:00:00Z"));
  private final LuceneArticleIndex index = LuceneArticleIndex.inMemory(SearchSettings.defaults());
  private final KnowledgeBase kb = KnowledgeBase.builder(clock).index(index).build();

  private Article publish(TenantId tenant, String title, String body, List<String> tags,
      Locale locale, Audience audience) {
    Article d = kb.createDraft(tenant, new ArticleContent(title, body, tags, CategoryPath.ROOT,
        new ArticleDetails.Faq()), locale, audience, "olga");
    Article s = kb.submit(tenant, d.id(), d.version());
    return kb.publish(tenant, d.id(), s.version(), "rita", "v1");
  }

  private SearchResults requester(TenantId tenant, String text) {
    return kb.search(SearchRequest.of(tenant, text).withViewer(Viewer.REQUESTER));
  }

  @Test
  void aHomophoneTypoIsAConfidentAnswerAndAnUnmentionedTopicIsNot() {
    Article cancel = publish(ACME, "如何取消订单", "未发货的订单可以在订单详情页取消。", List.of(),
        Locale.CHINA, Audience.PUBLIC);
    publish(ACME, "修改收货地址", "发货前可以在订单详情里修改收货地址。", List.of(), Locale.CHINA,
        Audience.PUBLIC);
    SearchResults typo = requester(ACME, "定单");
    assertThat(typo.ids()).first().isEqualTo(cancel.id());
    assertThat(typo.hasConfidentAnswer()).isTrue();
    SearchResults unmentioned = requester(ACME, "订单头像昵称");
    assertThat(unmentioned.hits()).isNotEmpty();
    assertThat(unmentioned.hasConfidentAnswer()).isFalse();
  }

  @Test
  void titleOutranksTagsWhichOutrankBody() {
    Article body = publish(ACME, "Account settings", "How to handle a refund for an order.",
        List.of("orders"), Locale.ENGLISH, Audience.PUBLIC);
    Article tags = publish(ACME, "Cash rules", "Rules for returning money.",
        List.of("refund"), Locale.ENGLISH, Audience.PUBLIC);
    Article title = publish(ACME, "Refund rules", "Rules for returning money.",
        List.of("money"), Locale.ENGLISH, Audience.PUBLIC);
    assertThat(requester(ACME, "refund").ids()).containsExactly(title.id(), tags.id(), body.id());
  }

  @Test
  void tenantsNeverSeeEachOthersArticles() {
    Article mine = publish(ACME, "登录失败怎么办", "检查密码", List.of(), Locale.CHINA, Audience.PUBLIC);
    Article theirs = publish(GLOBEX, "登录失败怎么办", "检查密码", List.of(), Locale.CHINA,
        Audience.PUBLIC);
    assertThat(requester(ACME, "登录失败").ids()).containsExactly(mine.id());
    assertThat(kb.search(SearchRequest.of(GLOBEX, "登录失败")).ids()).containsExactly(theirs.id());
  }

  @Test
  void anotherTenantsArticlesNeverMoveATenantsResultsOrScores() {
    publish(ACME, "退款多久到账", "退款原路退回，银行卡 3-7 个工作日。", List.of("退款"), Locale.CHINA,
        Audience.PUBLIC);
    publish(ACME, "Refund times", "Card refunds take 5-10 business days.", List.of("refund"),
        Locale.ENGLISH, Audience.PUBLIC);
    publish(ACME, "申请退货", "签收 7 天内可以申请退货退款。", List.of("退货"), Locale.CHINA,
        Audience.PUBLIC);
    // ACME's own merges (purging the deleted versions of its articles from the term statistics)
    // may still run after its writes, and searches follow them: let them end first.
    index.shardOf(ACME).awaitMerges();
    List<SearchHit> before = requester(ACME, "退款 refund 多久").hits();
    assertThat(before).isNotEmpty();
    for (int i = 0; i < 30; i++) {
      publish(GLOBEX, "退款 refund 说明 " + i, "退款 refund 多久 到账 " + "退款 ".repeat(i),
          List.of("退款", "refund"), i % 2 == 0 ? Locale.CHINA : Locale.ENGLISH, Audience.PUBLIC);
    }
    assertThat(requester(ACME, "退款 refund 多久").hits()).isEqualTo(before);
  }

  @Test
  void requestersFindOnlyPublishedPublicArticlesWhateverTheyAskFor() {
    Article pub = publish(ACME, "Reset password", "steps", List.of(), Locale.ENGLISH, Audience.PUBLIC);
    Article internal = publish(ACME, "Reset password for VIP (internal)", "steps", List.of(),
        Locale.ENGLISH, Audience.INTERNAL);
    Article draft = kb.createDraft(ACME, ArticleContent.of("Reset password draft", "steps",
        new ArticleDetails.Faq()), Locale.ENGLISH, Audience.PUBLIC, "olga");
    SearchRequest sneaky = SearchRequest.of(ACME, "reset password").withViewer(Viewer.REQUESTER)
        .withAudiences(Audience.INTERNAL, Audience.PUBLIC)
        .withStatuses(ArticleStatus.DRAFT, ArticleStatus.PUBLISHED);
    assertThat(kb.search(sneaky).ids()).containsExactly(pub.id());
    assertThat(kb.search(SearchRequest.of(ACME, "reset password")).ids())
        .as("the requester is the default viewer").containsExactly(pub.id());
    assertThat(kb.search(SearchRequest.of(ACME, "reset password").withViewer(Viewer.AGENT)).ids())
        .containsExactlyInAnyOrder(pub.id(), internal.id(), draft.id());
    kb.archive(ACME, pub.id(), pub.version());
    assertThat(requester(ACME, "reset password").hits()).isEmpty();
  }

  @Test
  void filtersByLocaleTypeAndStatus() {
    Article zh = publish(ACME, "支付失败 payment", "b", List.of(), Locale.CHINA, Audience.PUBLIC);
    Article en = publish(ACME, "Payment failed", "b", List.of(), Locale.ENGLISH, Audience.PUBLIC);
    assertThat(kb.search(SearchRequest.of(ACME, "payment").withLocale(Locale.ENGLISH)).ids())
        .containsExactly(en.id());
    assertThat(kb.search(SearchRequest.of(ACME, "payment").withLocale(Locale.CHINESE)).ids())
        .containsExactly(zh.id());
    assertThat(kb.search(SearchRequest.of(ACME, "payment").withLocale(Locale.TAIWAN)).ids()).isEmpty();
    assertThat(kb.search(SearchRequest.of(ACME, "payment").withTypes(ArticleType.GUIDE)).ids()).isEmpty();
    assertThat(kb.search(SearchRequest.of(ACME, "payment").withTypes(ArticleType.FAQ)).ids()).hasSize(2);
    assertThat(kb.search(SearchRequest.of(ACME, "payment").withStatuses(ArticleStatus.DRAFT)).ids())
        .isEmpty();
  }

  @Test
  void synonymsJoinSpellingsWithinALanguageAndBridgeOnlyWhenAsked() {
    Article login = publish(ACME, "登录失败怎么办", "检查账号", List.of(), Locale.CHINA, Audience.PUBLIC);
    Article pay = publish(ACME, "Payment failed at checkout", "card declined", List.of(),
        Locale.ENGLISH, Audience.PUBLIC);
    Article signIn = publish(ACME, "Cannot sign in", "check the account", List.of(),
        Locale.ENGLISH, Audience.PUBLIC);
    assertThat(requester(ACME, "登入").ids()).containsExactly(login.id());
    assertThat(requester(ACME, "login").ids()).as("English words expand to English only")
        .containsExactly(signIn.id());
    assertThat(requester(ACME, "付款").ids()).as("Chinese words do not pull English articles")
        .doesNotContain(pay.id());
    assertThat(kb.search(SearchRequest.of(ACME, "login").withPreferredLocale(Locale.CHINA)).ids())
        .as("a Chinese preference applies only Chinese groups").doesNotContain(signIn.id());
    KnowledgeBase plain = KnowledgeBase.builder(clock)
        .index(ArticleSearchIndex.inMemory(SearchSettings.defaults().withSynonyms(Synonyms.NONE)
            .withFallbacks(0, 0)))
        .store(kb.store()).build();
    plain.rebuildIndex();
    assertThat(plain.search(SearchRequest.of(ACME, "登入")).hits()).isEmpty();
    KnowledgeBase custom = KnowledgeBase.builder(clock).store(kb.store())
        .index(ArticleSearchIndex.inMemory(SearchSettings.defaults()
            .withSynonyms(Synonyms.NONE.plus("checkout", "结账")))).build();
    custom.rebuildIndex();
    assertThat(custom.search(SearchRequest.of(ACME, "结账")).ids()).first().isEqualTo(pay.id());
  }

  @Test
  void aPreferredLocaleRanksItsLanguageFirstWithoutHidingOthers() {
    Article zh = publish(ACME, "App 闪退 crash", "App crash 闪退时请更新。", List.of(), Locale.CHINA,
        Audience.PUBLIC);
    Article en = publish(ACME, "App crash", "When the app crashes, update it and restart the app.",
        List.of("crash"), Locale.ENGLISH, Audience.PUBLIC);
    assertThat(requester(ACME, "app crash").ids()).containsExactly(en.id(), zh.id());
    assertThat(kb.search(SearchRequest.of(ACME, "app crash").withPreferredLocale(Locale.CHINA))
        .ids()).containsExactly(zh.id(), en.id());
    assertThat(kb.search(SearchRequest.of(ACME, "app crash").withPreferredLocale(Locale.ENGLISH))
        .ids()).containsExactly(en.id(), zh.id());
  }

  @Test
  void toleratesTyposInLatinWordsOnlyWhenFuzzyIsOn() {
    Article a = publish(ACME, "Reset your password", "Use the forgot password link.", List.of(),
        Locale.ENGLISH, Audience.PUBLIC);
    assertThat(requester(ACME, "pasword").ids()).containsExactly(a.id());
    assertThat(requester(ACME, "passwrod resett").ids()).containsExactly(a.id());
    KnowledgeBase exact = KnowledgeBase.builder(clock).store(kb.store())
        .index(ArticleSearchIndex.inMemory(SearchSettings.defaults().withFuzzy(false))).build();
    exact.rebuildIndex();
    assertThat(exact.search(SearchRequest.of(ACME, "pasword")).hits()).isEmpty();
  }

  @Test
  void snippetsMarkMatchesAndEscapeHtml() {
    publish(ACME, "清除浏览器缓存", "页面显示异常时，请清除<b>缓存</b>和 Cookie。然后刷新页面。",
        List.of(), Locale.CHINA, Audience.PUBLIC);
    SearchHit hit = requester(ACME, "缓存").hits().get(0);
    assertThat(hit.titleHighlight()).contains("<mark>").contains("缓存");
    assertThat(hit.snippet()).contains("<mark>").doesNotContain("<b>");
    SearchHit bare = kb.search(SearchRequest.of(ACME, "缓存").withSnippets(false)).hits().get(0);
    assertThat(bare.snippet()).isEmpty();
    assertThat(bare.title()).isEqualTo("清除浏览器缓存");
  }

  @Test
  void indexFollowsEveryWriteAndRebuildsFromTheStore() {
    Article a = publish(ACME, "Old title about brochures", "b", List.of(), Locale.ENGLISH,
        Audience.PUBLIC);
    Article r = kb.revise(ACME, a.id(), a.version(), ArticleContent.of("Download leaflets", "b",
        new ArticleDetails.Faq()), "olga", "renamed");
    assertThat(requester(ACME, "brochures").hits()).isEmpty();
    assertThat(requester(ACME, "leaflets").ids()).containsExactly(a.id());
    kb.index().index(a);
    assertThat(requester(ACME, "leaflets").ids()).as("an older version never comes back")
        .containsExactly(r.id());
    ArticleSearchIndex fresh = ArticleSearchIndex.inMemory(SearchSettings.defaults());
    assertThat(fresh.rebuild(kb.store())).isEqualTo(1);
    assertThat(fresh.search(SearchRequest.of(ACME, "leaflets")).ids()).containsExactly(a.id());
    fresh.remove(ACME, a.id());
    assertThat(fresh.size()).isZero();
    fresh.close();
  }

  @Test
  void onDiskIndexSurvivesReopening(@TempDir Path dir) {
    ArticleStore store = ArticleStore.inMemory();
    KnowledgeBase disk = KnowledgeBase.builder(clock).store(store)
        .index(ArticleSearchIndex.onDisk(dir, SearchSettings.defaults())).build();
    Article d = disk.createDraft(ACME, ArticleContent.of("物流延迟", "快递没有更新",
        new ArticleDetails.Faq()), Locale.CHINA, Audience.PUBLIC, "olga");
    disk.index().close();
    try (ArticleSearchIndex reopened = ArticleSearchIndex.onDisk(dir, SearchSettings.defaults())) {
      assertThat(reopened.size()).isEqualTo(1);
      assertThat(reopened.search(SearchRequest.of(ACME, "快递").withViewer(Viewer.AGENT)).ids())
          .containsExactly(d.id());
    }
  }

  @Test
  void textsWithoutSearchableTermsFindNothingAndTooLongTextIsTyped() {
    publish(ACME, "Reset password", "b", List.of(), Locale.ENGLISH, Audience.PUBLIC);
    assertThat(requester(ACME, "").hits()).isEmpty();
    assertThat(requester(ACME, "the and of ?!").hits()).isEmpty();
    assertThat(requester(ACME, "password AND (reset OR \"x").hits()).hasSize(1);
    assertThatThrownBy(() -> SearchRequest.of(ACME, "x".repeat(SearchRequest.MAX_TEXT + 1)))
        .isInstanceOf(SearchQueryException.class);
  }

  @Test
  void bothChineseAnalysesFindChineseAndLatinText() {
    for (ChineseAnalysis analysis : ChineseAnalysis.values()) {
      try (ArticleSearchIndex index =
          ArticleSearchIndex.inMemory(SearchSettings.defaults().withChinese(analysis))) {
        Article a = publish(ACME, "应用闪退 app crash", "升级到最新版本", List.of(), Locale.CHINA,
            Audience.PUBLIC);
        index.index(a);
        assertThat(index.search(SearchRequest.of(ACME, "闪退")).ids()).contains(a.id());
        assertThat(index.search(SearchRequest.of(ACME, "crashes")).ids()).contains(a.id());
      }
    }
  }
}
