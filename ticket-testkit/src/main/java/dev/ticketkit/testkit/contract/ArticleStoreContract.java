package dev.ticketkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.kb.Article;
import dev.ticketkit.kb.ArticleContent;
import dev.ticketkit.kb.ArticleDetails;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.ArticleNotFoundException;
import dev.ticketkit.kb.ArticleRevision;
import dev.ticketkit.kb.ArticleStats;
import dev.ticketkit.kb.ArticleStatus;
import dev.ticketkit.kb.ArticleVersionConflictException;
import dev.ticketkit.kb.Audience;
import dev.ticketkit.kb.CategoryPath;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.ticketkit.kb.store.ArticleQuery;
import dev.ticketkit.kb.store.ArticleRef;
import dev.ticketkit.kb.store.ArticleStore;
import dev.ticketkit.kb.store.ArticleTicketLink;

/**
 * The behaviour every {@link ArticleStore} must show. A store implementation's test extends this
 * class and implements {@link #newStore()}; every test gets a fresh, empty store (or one whose
 * content no test can see: tenants are random per test).
 *
 * <p>Published in the test-jar of ticket-kb, so a database store runs it unchanged.
 */
public abstract class ArticleStoreContract extends ArticleStoreChangesContract {

  /** The instant all test data is stamped with (microsecond precision, as databases keep). */
  protected static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  private ArticleStore store;
  private TenantId tenant;
  private TenantId other;

  /**
   * Returns a new store for one test.
   *
   * @return the store
   */
  protected abstract ArticleStore newStore();

  @BeforeEach
  void setUp() {
    store = newStore();
    String run = UUID.randomUUID().toString().substring(0, 8);
    tenant = TenantId.of("t-" + run);
    other = TenantId.of("u-" + run);
  }

  /** Returns an article with the given key fields and fixed content. */
  protected static Article article(TenantId tenant, ArticleId id, long version,
      ArticleStatus status, Instant reviewBy, int revision) {
    ArticleContent content = new ArticleContent("Reset your password v" + version,
        "Click **Forgot password**.\n登录页点击“忘记密码”。", List.of("password", "密码"),
        CategoryPath.of("Account", "Password"),
        new ArticleDetails.Troubleshooting(List.of("Open the sign-in page", "Click the link")));
    return new Article(id, tenant, content, Locale.forLanguageTag("zh-CN"), Audience.PUBLIC,
        "owner-1", status, reviewBy, revision, version, T0, T0.plusSeconds(version));
  }

  private Article draft(TenantId owner, ArticleId id) {
    return article(owner, id, 1, ArticleStatus.DRAFT, null, 0);
  }

  private ArticleRevision revision(Article article, int number) {
    return new ArticleRevision(article.tenant(), article.id(), number, article.content(),
        "reviewer", T0.plusSeconds(number), "note " + number);
  }

  @Test
  void savesAndFindsEveryField() {
    ArticleId id = ArticleId.random();
    Article saved = article(tenant, id, 1, ArticleStatus.PUBLISHED, T0.plus(Duration.ofDays(30)), 0);
    store.save(saved, null);
    assertThat(store.find(tenant, id)).contains(saved);
  }

  @Test
  void keepsEveryKindOfDetails() {
    List<ArticleDetails> kinds = List.of(new ArticleDetails.Faq(), new ArticleDetails.Guide(),
        new ArticleDetails.Glossary("SLA", "service level agreement"),
        new ArticleDetails.Video(URI.create("https://v.example.com/a"), Duration.ofSeconds(65)));
    for (ArticleDetails details : kinds) {
      ArticleId id = ArticleId.random();
      Article base = draft(tenant, id);
      Article article = new Article(id, tenant, new ArticleContent("t", "", List.of(),
          CategoryPath.ROOT, details), Locale.ENGLISH, Audience.INTERNAL, "o",
          ArticleStatus.DRAFT, null, 0, 1, base.createdAt(), base.updatedAt());
      store.save(article, null);
      assertThat(store.find(tenant, id)).contains(article);
    }
  }

  @Test
  void findOfAnotherTenantIsEmpty() {
    ArticleId id = ArticleId.random();
    store.save(draft(tenant, id), null);
    assertThat(store.find(other, id)).isEmpty();
    assertThat(store.find(tenant, ArticleId.random())).isEmpty();
  }

  @Test
  void updateNeedsTheNextVersion() {
    ArticleId id = ArticleId.random();
    store.save(draft(tenant, id), null);
    Article v2 = article(tenant, id, 2, ArticleStatus.IN_REVIEW, null, 0);
    store.save(v2, null);
    assertThatThrownBy(() -> store.save(article(tenant, id, 2, ArticleStatus.DRAFT, null, 0), null))
        .isInstanceOfSatisfying(ArticleVersionConflictException.class, e -> {
          assertThat(e.expectedVersion()).isEqualTo(1);
          assertThat(e.actualVersion()).isEqualTo(2);
        });
    assertThatThrownBy(() -> store.save(article(tenant, id, 5, ArticleStatus.DRAFT, null, 0), null))
        .isInstanceOf(ArticleVersionConflictException.class);
    assertThat(store.find(tenant, id)).contains(v2);
  }

  @Test
  void newArticleMustNotExistYet() {
    ArticleId id = ArticleId.random();
    store.save(draft(tenant, id), null);
    assertThatThrownBy(() -> store.save(draft(tenant, id), null))
        .isInstanceOf(ArticleVersionConflictException.class);
    assertThatThrownBy(() -> store.save(draft(other, id), null))
        .isInstanceOf(ArticleVersionConflictException.class);
    assertThat(store.find(other, id)).isEmpty();
  }

  @Test
  void updateOfAMissingArticleConflicts() {
    assertThatThrownBy(() -> store.save(
        article(tenant, ArticleId.random(), 3, ArticleStatus.DRAFT, null, 0), null))
        .isInstanceOfSatisfying(ArticleVersionConflictException.class,
            e -> assertThat(e.actualVersion()).isZero());
  }

  @Test
  void revisionsAreNumberedInOrderAndSavedWithTheArticle() {
    ArticleId id = ArticleId.random();
    Article v1 = article(tenant, id, 1, ArticleStatus.PUBLISHED, T0, 1);
    store.save(v1, revision(v1, 1));
    Article v2 = article(tenant, id, 2, ArticleStatus.PUBLISHED, T0, 2);
    store.save(v2, revision(v2, 2));
    assertThat(store.revisions(tenant, id)).extracting(ArticleRevision::number).containsExactly(1, 2);
    assertThat(store.revision(tenant, id, 2)).contains(revision(v2, 2));
    assertThat(store.revision(tenant, id, 3)).isEmpty();
    assertThat(store.revision(tenant, id, 0)).isEmpty();
    assertThat(store.revisions(other, id)).isEmpty();
    assertThat(store.revision(other, id, 1)).isEmpty();
  }

  @Test
  void aRejectedRevisionLeavesNoTrace() {
    ArticleId id = ArticleId.random();
    Article v1 = article(tenant, id, 1, ArticleStatus.PUBLISHED, T0, 1);
    store.save(v1, revision(v1, 1));
    Article v2 = article(tenant, id, 2, ArticleStatus.PUBLISHED, T0, 3);
    assertThatThrownBy(() -> store.save(v2, revision(v2, 3)))
        .isInstanceOf(InvalidInputException.class);
    assertThat(store.find(tenant, id)).contains(v1);
    assertThat(store.revisions(tenant, id)).hasSize(1);
  }

  @Test
  void aConflictingSaveAddsNoRevision() {
    ArticleId id = ArticleId.random();
    Article v1 = article(tenant, id, 1, ArticleStatus.PUBLISHED, T0, 1);
    store.save(v1, revision(v1, 1));
    Article stale = article(tenant, id, 1, ArticleStatus.PUBLISHED, T0, 2);
    assertThatThrownBy(() -> store.save(stale, revision(stale, 2)))
        .isInstanceOf(ArticleVersionConflictException.class);
    assertThat(store.revisions(tenant, id)).hasSize(1);
  }

  @Test
  void listFiltersByStatusAndReviewDateInIdOrder() {
    Article a = article(tenant, ArticleId.random(), 1, ArticleStatus.PUBLISHED, T0.plusSeconds(10), 1);
    Article b = article(tenant, ArticleId.random(), 1, ArticleStatus.PUBLISHED, T0.plusSeconds(20), 1);
    Article c = article(tenant, ArticleId.random(), 1, ArticleStatus.DRAFT, null, 0);
    Article foreign = article(other, ArticleId.random(), 1, ArticleStatus.PUBLISHED, T0, 1);
    List.of(a, b, c, foreign).forEach(x -> store.save(x, null));
    assertThat(store.list(tenant, ArticleQuery.all())).containsExactlyElementsOf(sorted(a, b, c));
    assertThat(store.list(tenant, ArticleQuery.all().withStatuses(ArticleStatus.PUBLISHED)))
        .containsExactlyElementsOf(sorted(a, b));
    assertThat(store.list(tenant, ArticleQuery.all().withReviewByBefore(T0.plusSeconds(20))))
        .containsExactly(a);
    assertThat(store.list(tenant, ArticleQuery.all().withStatuses(ArticleStatus.ARCHIVED))).isEmpty();
  }

  @Test
  void listPagesByKeyset() {
    List<Article> all = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      Article x = draft(tenant, ArticleId.random());
      store.save(x, null);
      all.add(x);
    }
    List<Article> expected = sorted(all.toArray(Article[]::new));
    List<Article> seen = new ArrayList<>();
    ArticleId after = null;
    for (List<Article> page = store.list(tenant, ArticleQuery.all().withPage(null, 3));
        !page.isEmpty(); page = store.list(tenant, ArticleQuery.all().withPage(after, 3))) {
      assertThat(page.size()).isLessThanOrEqualTo(3);
      seen.addAll(page);
      after = page.get(page.size() - 1).id();
    }
    assertThat(seen).containsExactlyElementsOf(expected);
  }

  @Test
  void scanVisitsEveryTenantInKeyOrder() {
    List<Article> mine = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Article x = draft(i % 2 == 0 ? tenant : other, ArticleId.random());
      store.save(x, null);
      mine.add(x);
    }
    List<Article> seen = new ArrayList<>();
    ArticleRef after = null;
    for (List<Article> page = store.scan(null, 2); !page.isEmpty(); page = store.scan(after, 2)) {
      seen.addAll(page);
      Article last = page.get(page.size() - 1);
      after = new ArticleRef(last.tenant(), last.id());
    }
    assertThat(seen).containsAll(mine);
    List<ArticleRef> refs = seen.stream().map(x -> new ArticleRef(x.tenant(), x.id())).toList();
    assertThat(refs).isSorted().doesNotHaveDuplicates();
    assertThatThrownBy(() -> store.scan(null, 0)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aVoterHasOneVoteAndViewsCount() {
    ArticleId id = ArticleId.random();
    store.save(draft(tenant, id), null);
    assertThat(store.stats(tenant, id)).isEqualTo(ArticleStats.NONE);
    store.recordVote(tenant, id, "alice", true);
    store.recordVote(tenant, id, "bob", true);
    assertThat(store.recordVote(tenant, id, "alice", false)).isEqualTo(new ArticleStats(1, 1, 0));
    store.recordView(tenant, id);
    assertThat(store.recordView(tenant, id)).isEqualTo(new ArticleStats(1, 1, 2));
    assertThat(store.stats(tenant, id)).isEqualTo(new ArticleStats(1, 1, 2));
  }

  @Test
  void votesAndViewsNeedAnArticleOfTheTenant() {
    ArticleId id = ArticleId.random();
    store.save(draft(tenant, id), null);
    assertThatThrownBy(() -> store.recordVote(other, id, "alice", true))
        .isInstanceOf(ArticleNotFoundException.class);
    assertThatThrownBy(() -> store.recordView(other, id)).isInstanceOf(ArticleNotFoundException.class);
    assertThatThrownBy(() -> store.stats(other, id)).isInstanceOf(ArticleNotFoundException.class);
    assertThatThrownBy(() -> store.recordVote(tenant, id, " ", true))
        .isInstanceOf(InvalidInputException.class);
    assertThat(store.stats(tenant, id)).isEqualTo(ArticleStats.NONE);
  }

  @Test
  void linksArticlesToTicketsOncePerPair() {
    ArticleId a = ArticleId.random();
    ArticleId b = ArticleId.random();
    store.save(draft(tenant, a), null);
    store.save(draft(tenant, b), null);
    TicketId t1 = TicketId.of(UUID.randomUUID());
    TicketId t2 = TicketId.of(UUID.randomUUID());
    ArticleTicketLink first = new ArticleTicketLink(tenant, a, t1, "agent", T0, false);
    assertThat(store.link(first)).isTrue();
    assertThat(store.link(new ArticleTicketLink(tenant, a, t1, "other", T0.plusSeconds(5), false))).isFalse();
    assertThat(store.link(new ArticleTicketLink(tenant, a, t2, "agent", T0.plusSeconds(1), false))).isTrue();
    assertThat(store.link(new ArticleTicketLink(tenant, b, t1, "agent", T0.plusSeconds(2), false))).isTrue();
    assertThat(store.linksOfArticle(tenant, a)).extracting(ArticleTicketLink::ticketId)
        .containsExactly(t1, t2);
    assertThat(store.linksOfArticle(tenant, a).get(0)).isEqualTo(first);
    assertThat(store.linksOfTicket(tenant, t1)).extracting(ArticleTicketLink::articleId)
        .containsExactly(a, b);
    TicketId unlinked = TicketId.of(UUID.randomUUID());
    assertThat(store.linkedTickets(tenant, List.of(t1, unlinked))).isEqualTo(Set.of(t1));
    assertThat(store.unlink(tenant, a, t2)).isTrue();
    assertThat(store.unlink(tenant, a, t2)).isFalse();
    assertThat(store.linksOfArticle(tenant, a)).hasSize(1);
  }

  @Test
  void linksAreTenantScoped() {
    ArticleId a = ArticleId.random();
    store.save(draft(tenant, a), null);
    TicketId t1 = TicketId.of(UUID.randomUUID());
    assertThatThrownBy(() -> store.link(new ArticleTicketLink(other, a, t1, "agent", T0, false)))
        .isInstanceOf(ArticleNotFoundException.class);
    store.link(new ArticleTicketLink(tenant, a, t1, "agent", T0, false));
    assertThat(store.linksOfArticle(other, a)).isEmpty();
    assertThat(store.linksOfTicket(other, t1)).isEmpty();
    assertThat(store.linkedTickets(other, List.of(t1))).isEmpty();
    assertThat(store.markReopened(other, t1)).isZero();
    assertThat(store.unlink(other, a, t1)).isFalse();
    assertThat(store.linksOfArticle(tenant, a)).hasSize(1);
  }

  @Test
  void reopeningMarksEveryLinkOfTheTicketOnce() {
    ArticleId a = ArticleId.random();
    ArticleId b = ArticleId.random();
    store.save(draft(tenant, a), null);
    store.save(draft(tenant, b), null);
    TicketId t1 = TicketId.of(UUID.randomUUID());
    store.link(new ArticleTicketLink(tenant, a, t1, "agent", T0, false));
    store.link(new ArticleTicketLink(tenant, b, t1, "agent", T0, false));
    assertThat(store.markReopened(tenant, t1)).isEqualTo(2);
    assertThat(store.markReopened(tenant, t1)).isZero();
    assertThat(store.linksOfTicket(tenant, t1)).allMatch(ArticleTicketLink::reopened);
  }

  @Test
  void concurrentWritersNeverOverwriteEachOther() throws Exception {
    ArticleId id = ArticleId.random();
    store.save(draft(tenant, id), null);
    int writers = 4;
    int each = 25;
    AtomicInteger conflicts = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        done.add(pool.submit(() -> {
          for (int n = 0; n < each; ) {
            Article current = store.find(tenant, id).orElseThrow();
            try {
              store.save(article(tenant, id, current.version() + 1, ArticleStatus.DRAFT, null, 0),
                  null);
              n++;
            } catch (ArticleVersionConflictException e) {
              conflicts.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.find(tenant, id).orElseThrow().version()).isEqualTo(1L + writers * each);
  }

  private static List<Article> sorted(Article... articles) {
    return java.util.Arrays.stream(articles).sorted(java.util.Comparator.comparing(Article::id))
        .toList();
  }
}
