package dev.ticketkit.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.search.ArticleSearchIndex;
import dev.ticketkit.kb.search.SearchRequest;
import dev.ticketkit.kb.search.SearchSettings;
import dev.ticketkit.kb.store.ArticleChange;
import dev.ticketkit.kb.store.ArticleStore;
import dev.ticketkit.kb.testing.MutableClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/**
 * A node's index follows the changes saved through another node: out-of-order commits (a lower
 * sequence number that appears after higher ones) are applied when they appear, and a number
 * that never appears (a rolled-back save) is skipped after the gap timeout.
 */
class IndexFollowerTest {

  private static final TenantId ACME = TenantId.of("acme");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
  private final ArticleStore shared = ArticleStore.inMemory();
  private final Set<Long> hidden = new HashSet<>();

  /** The shared store as the follower's node sees it: some changes not yet committed. */
  private ArticleStore view() {
    return (ArticleStore) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ArticleStore.class}, (proxy, method, args) -> {
          try {
            Object result = method.invoke(shared, args);
            if (method.getName().equals("changesAfter")) {
              return ((List<?>) result).stream().filter(c ->
                  !hidden.contains(((ArticleChange) c).sequence())).toList();
            }
            return result;
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private Article publish(KnowledgeBase kb, String title) {
    Article d = kb.createDraft(ACME, ArticleContent.of(title, title + " body",
        new ArticleDetails.Faq()), Locale.ENGLISH, Audience.PUBLIC, "olga");
    Article s = kb.submit(ACME, d.id(), d.version());
    return kb.publish(ACME, d.id(), s.version(), "rita", "v1");
  }

  @Test
  void appliesLateCommitsAndSkipsGapsOnlyAfterTheTimeout() {
    KnowledgeBase writer = KnowledgeBase.builder(clock).store(shared).build();
    ArticleSearchIndex index = ArticleSearchIndex.inMemory(SearchSettings.defaults());
    KnowledgeBase reader = KnowledgeBase.builder(clock).store(view()).index(index).build();
    IndexFollower follower = reader.followChanges();
    long before = shared.lastChangeSequence();
    Article first = publish(writer, "Invoices");
    for (long seq = before + 1; seq <= shared.lastChangeSequence(); seq++) {
      hidden.add(seq); // the first article's saves commit late
    }
    Article second = publish(writer, "Refunds");
    follower.catchUp();
    assertThat(reader.search(SearchRequest.of(ACME, "refunds")).ids()).containsExactly(second.id());
    assertThat(reader.search(SearchRequest.of(ACME, "invoices")).hits()).isEmpty();
    assertThat(follower.position()).isEqualTo(before);
    hidden.clear();
    follower.catchUp();
    assertThat(reader.search(SearchRequest.of(ACME, "invoices")).ids()).containsExactly(first.id());
    assertThat(follower.position()).isEqualTo(shared.lastChangeSequence());
    long neverCommitted = shared.lastChangeSequence() + 1;
    Article third = publish(writer, "Shipping");
    hidden.add(neverCommitted);
    follower.catchUp();
    assertThat(follower.position()).isEqualTo(neverCommitted - 1);
    clock.advance(IndexFollower.GAP_TIMEOUT.plusSeconds(1));
    follower.catchUp();
    assertThat(follower.position()).isEqualTo(shared.lastChangeSequence());
    assertThat(reader.search(SearchRequest.of(ACME, "shipping")).ids()).containsExactly(third.id());
  }

  @Test
  void scheduleRejectsANonPositivePeriod() {
    KnowledgeBase kb = KnowledgeBase.builder(clock).store(shared).build();
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      assertThatThrownBy(() -> kb.followChanges().schedule(executor, Duration.ZERO))
          .isInstanceOf(InvalidInputException.class);
    } finally {
      executor.shutdownNow();
    }
  }
}
