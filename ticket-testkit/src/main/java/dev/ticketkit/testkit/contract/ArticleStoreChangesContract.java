package dev.ticketkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.Article;
import dev.ticketkit.kb.ArticleContent;
import dev.ticketkit.kb.ArticleDetails;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.ArticleRevision;
import dev.ticketkit.kb.ArticleStatus;
import dev.ticketkit.kb.ArticleVersionConflictException;
import dev.ticketkit.kb.Audience;
import dev.ticketkit.kb.CategoryPath;
import dev.ticketkit.kb.KnowledgeBase;
import dev.ticketkit.kb.search.SearchRequest;
import dev.ticketkit.kb.store.ArticleChange;
import dev.ticketkit.kb.store.ArticleQuery;
import dev.ticketkit.kb.store.ArticleRef;
import dev.ticketkit.kb.store.ArticleStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The part of the {@link ArticleStore} contract about bulk saves, the change sequence other
 * nodes follow, and rows that must never poison reads (issue 11, item 5). {@link
 * ArticleStoreContract} extends it, so every store runs it.
 */
public abstract class ArticleStoreChangesContract {

  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  private ArticleStore store;
  private TenantId tenant;

  /**
   * Returns a new store for one test.
   *
   * @return the store
   */
  protected abstract ArticleStore newStore();

  /**
   * Writes, behind the store's back, an article row that cannot be read back (a malformed
   * locale, as an older version accepted). Stores that cannot hold such a row (the in-memory one
   * keeps validated objects) keep this default, which skips the test.
   *
   * @param owner the tenant
   * @param id the article id
   */
  protected void storeUnreadableArticle(TenantId owner, ArticleId id) {
    Assumptions.abort("this store holds validated articles only; no row can be unreadable");
  }

  @BeforeEach
  void setUpChanges() {
    store = newStore();
    tenant = TenantId.of("c-" + UUID.randomUUID().toString().substring(0, 8));
  }

  private Article published(ArticleId id, String title) {
    return new Article(id, tenant, new ArticleContent(title, "body of " + title, List.of("tag"),
        CategoryPath.ROOT, new ArticleDetails.Faq()), Locale.forLanguageTag("zh-TW"),
        Audience.PUBLIC, "owner", ArticleStatus.PUBLISHED, T0.plusSeconds(86_400), 1, 1, T0, T0);
  }

  private ArticleRevision first(Article article) {
    return new ArticleRevision(article.tenant(), article.id(), 1, article.content(), "reviewer",
        T0, "imported");
  }

  @Test
  void saveAllStoresEveryArticleWithItsRevisionAndAChangeEach() {
    long before = store.lastChangeSequence();
    List<Article> batch = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      batch.add(published(ArticleId.random(), "imported " + i));
    }
    store.saveAll(batch, batch.stream().map(this::first).toList());
    for (Article article : batch) {
      assertThat(store.find(tenant, article.id())).contains(article);
      assertThat(store.revisions(tenant, article.id())).containsExactly(first(article));
    }
    List<ArticleChange> changes = store.changesAfter(before, 1000).stream()
        .filter(c -> c.tenant().equals(tenant)).toList();
    assertThat(changes).extracting(ArticleChange::articleId)
        .containsExactlyElementsOf(batch.stream().map(Article::id).toList());
    assertThat(store.lastChangeSequence()).isGreaterThanOrEqualTo(before + 5);
  }

  @Test
  void saveAllIsAllOrNothing() {
    Article taken = published(ArticleId.random(), "already there");
    store.save(taken, null);
    Article fresh = published(ArticleId.random(), "new");
    long before = store.lastChangeSequence();
    assertThatThrownBy(() -> store.saveAll(List.of(fresh, taken), List.of(first(fresh))))
        .isInstanceOf(ArticleVersionConflictException.class);
    assertThat(store.find(tenant, fresh.id())).isEmpty();
    assertThat(store.revisions(tenant, fresh.id())).isEmpty();
    assertThat(store.changesAfter(before, 1000)).noneMatch(c -> c.tenant().equals(tenant));
    Article other = published(ArticleId.random(), "other");
    assertThatThrownBy(() -> store.saveAll(List.of(fresh), List.of(first(other))))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> store.saveAll(List.of(fresh, fresh), List.of()))
        .isInstanceOf(InvalidInputException.class);
    assertThat(store.find(tenant, fresh.id())).isEmpty();
  }

  @Test
  void everySaveAddsAChangeInSequenceOrder() {
    long before = store.lastChangeSequence();
    Article a = published(ArticleId.random(), "a");
    store.save(a, null);
    Article b = published(ArticleId.random(), "b");
    store.save(b, null);
    Article a2 = new Article(a.id(), tenant, a.content(), a.locale(), a.audience(), a.owner(),
        ArticleStatus.ARCHIVED, a.reviewBy(), 1, 2, T0, T0.plusSeconds(5));
    store.save(a2, null);
    List<ArticleChange> mine = store.changesAfter(before, 1000).stream()
        .filter(c -> c.tenant().equals(tenant)).toList();
    assertThat(mine).extracting(ArticleChange::articleId, ArticleChange::version)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(a.id(), 1L),
            org.assertj.core.groups.Tuple.tuple(b.id(), 1L),
            org.assertj.core.groups.Tuple.tuple(a.id(), 2L));
    assertThat(mine).extracting(ArticleChange::sequence).isSorted().doesNotHaveDuplicates();
    assertThat(store.changesAfter(mine.get(0).sequence(), 1).get(0).sequence())
        .isGreaterThan(mine.get(0).sequence());
    assertThatThrownBy(() -> store.changesAfter(0, 0)).isInstanceOf(InvalidInputException.class);
  }

  static List<Locale> malformedLocales() {
    return List.of(new Locale("q".repeat(100)), new Locale("en'--"), new Locale(""),
        new Locale("en", "US", "x'; drop table"), Locale.forLanguageTag("en-u-ca-buddhist"),
        new Locale("zh", "CN".repeat(20)));
  }

  @ParameterizedTest
  @MethodSource("malformedLocales")
  void malformedLocalesAreRejectedAtTheDoorAndNothingIsStored(Locale locale) {
    KnowledgeBase kb = KnowledgeBase.builder(Clock.fixed(T0, ZoneOffset.UTC)).store(store).build();
    long before = store.lastChangeSequence();
    assertThatThrownBy(() -> kb.createDraft(tenant, ArticleContent.of("t", "b",
        new ArticleDetails.Faq()), locale, Audience.PUBLIC, "olga"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("locale");
    assertThat(store.list(tenant, dev.ticketkit.kb.store.ArticleQuery.all())).isEmpty();
    assertThat(store.changesAfter(before, 1000)).noneMatch(c -> c.tenant().equals(tenant));
  }

  @Test
  void wellFormedLocalesAreAccepted() {
    for (String tag : List.of("en", "zh-CN", "zh-Hant-TW", "yue-HK", "es-419", "de-CH-1996")) {
      Article article = new Article(ArticleId.random(), tenant, ArticleContent.of("t", "b",
          new ArticleDetails.Faq()), Locale.forLanguageTag(tag), Audience.PUBLIC, "o",
          ArticleStatus.DRAFT, null, 0, 1, T0, T0);
      store.save(article, null);
      assertThat(store.find(tenant, article.id()).orElseThrow().locale())
          .isEqualTo(Locale.forLanguageTag(tag));
    }
  }

  @Test
  void anUnreadableRowNeverFailsReadsOfOtherRows() {
    List<Article> good = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Article article = published(ArticleId.random(), "good " + i);
      store.save(article, null);
      good.add(article);
    }
    ArticleId bad = ArticleId.random();
    storeUnreadableArticle(tenant, bad);
    assertThat(store.find(tenant, bad)).isEmpty();
    assertThat(store.list(tenant, dev.ticketkit.kb.store.ArticleQuery.all()))
        .containsExactlyInAnyOrderElementsOf(good);
    List<Article> scanned = new ArrayList<>();
    ArticleRef after = null;
    for (List<Article> page = store.scan(null, 1); !page.isEmpty(); page = store.scan(after, 1)) {
      scanned.addAll(page);
      after = new ArticleRef(page.get(0).tenant(), page.get(0).id());
    }
    assertThat(scanned).containsAll(good).noneMatch(a -> a.id().equals(bad));
    KnowledgeBase kb = KnowledgeBase.builder(Clock.fixed(T0, ZoneOffset.UTC)).store(store).build();
    assertThat(kb.rebuildIndex()).isGreaterThanOrEqualTo(3);
    assertThat(kb.search(SearchRequest.of(tenant, "good")).ids())
        .containsExactlyInAnyOrderElementsOf(good.stream().map(Article::id).toList());
  }
}
