package dev.ticketkit.kb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.kb.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReviewCycleTest {

  private static final TenantId ACME = TenantId.of("acme");
  private static final Instant T0 = Instant.parse("2026-01-31T09:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final KnowledgeBase kb = KnowledgeBase.builder(clock).build();

  private Article published(String title) {
    Article d = kb.createDraft(ACME, ArticleContent.of(title, "body of " + title,
        new ArticleDetails.Faq()), Locale.ENGLISH, Audience.PUBLIC, "olga");
    Article s = kb.submit(ACME, d.id(), d.version());
    return kb.publish(ACME, d.id(), s.version(), "rita", "v1");
  }

  @Test
  void monthlyByDefaultCountedInTheCalendar() {
    Article a = published("A");
    assertThat(a.reviewBy()).isEqualTo(Instant.parse("2026-02-28T09:00:00Z"));
    assertThat(kb.reviewCycle().dueForReview(ACME)).isEmpty();
    clock.set(Instant.parse("2026-02-28T08:59:59Z"));
    assertThat(kb.reviewCycle().dueForReview(ACME)).isEmpty();
    clock.set(Instant.parse("2026-02-28T09:00:00Z"));
    assertThat(kb.reviewCycle().dueForReview(ACME)).extracting(Article::id).containsExactly(a.id());
  }

  @Test
  void confirmingAReviewMovesTheDateOn() {
    Article a = published("A");
    clock.advance(Duration.ofDays(40));
    assertThat(kb.reviewCycle().dueForReview(ACME)).hasSize(1);
    Article confirmed = kb.confirmReviewed(ACME, a.id(), a.version());
    assertThat(confirmed.reviewBy()).isEqualTo(clock.instant().atZone(java.time.ZoneOffset.UTC)
        .plusMonths(1).toInstant());
    assertThat(kb.reviewCycle().dueForReview(ACME)).isEmpty();
  }

  @Test
  void intervalIsConfigurable() {
    KnowledgeBase weekly = KnowledgeBase.builder(clock)
        .reviewPolicy(ReviewPolicy.monthly().withInterval(Period.ofWeeks(1))).build();
    Article d = weekly.createDraft(ACME, ArticleContent.of("W", "b", new ArticleDetails.Faq()),
        Locale.ENGLISH, Audience.PUBLIC, "o");
    Article s = weekly.submit(ACME, d.id(), 1);
    Article p = weekly.publish(ACME, d.id(), s.version(), "r", "v1");
    assertThat(p.reviewBy()).isEqualTo(T0.plus(Duration.ofDays(7)));
    clock.advance(Duration.ofDays(7));
    assertThat(weekly.reviewCycle().dueForReview(ACME)).hasSize(1);
  }

  @Test
  void staleWhenPastReviewByMoreThanTheGrace() {
    Article a = published("A");
    clock.set(a.reviewBy().plus(Duration.ofDays(14)));
    assertThat(kb.reviewCycle().staleArticles(ACME)).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(kb.reviewCycle().staleArticles(ACME)).singleElement()
        .satisfies(s -> assertThat(s.reasons()).containsExactly(StaleReason.PAST_REVIEW_BY));
  }

  @Test
  void staleWhenALinkedTicketReopened() {
    Article a = published("A");
    TicketId ticket = TicketId.of(UUID.randomUUID());
    kb.tickets().linkSolution(ACME, a.id(), ticket, "agent");
    assertThat(kb.reviewCycle().staleArticles(ACME)).isEmpty();
    assertThat(kb.tickets().ticketReopened(ACME, ticket)).isEqualTo(1);
    List<StaleArticle> stale = kb.reviewCycle().staleArticles(ACME);
    assertThat(stale).singleElement().satisfies(s -> {
      assertThat(s.reasons()).containsExactly(StaleReason.REOPENED_TICKETS);
      assertThat(s.reopenedTickets()).isEqualTo(1);
    });
  }

  @Test
  void staleWhenEnoughVotesSayNotHelpful() {
    Article a = published("A");
    Article b = published("B");
    for (int i = 0; i < 4; i++) {
      kb.vote(ACME, a.id(), "u" + i, false);
    }
    assertThat(kb.reviewCycle().staleArticles(ACME)).isEmpty();
    kb.vote(ACME, a.id(), "u9", true);
    for (int i = 0; i < 5; i++) {
      kb.vote(ACME, b.id(), "u" + i, i < 3);
    }
    assertThat(kb.reviewCycle().staleArticles(ACME)).singleElement().satisfies(s -> {
      assertThat(s.article().id()).isEqualTo(a.id());
      assertThat(s.reasons()).containsExactly(StaleReason.LOW_HELPFULNESS);
      assertThat(s.stats().helpfulRatio()).isEqualTo(0.2);
    });
  }

  @Test
  void archivedAndOtherTenantsArticlesAreNeverListed() {
    Article a = published("A");
    kb.archive(ACME, a.id(), a.version());
    clock.advance(Duration.ofDays(400));
    assertThat(kb.reviewCycle().dueForReview(ACME)).isEmpty();
    assertThat(kb.reviewCycle().staleArticles(ACME)).isEmpty();
    published("B");
    clock.advance(Duration.ofDays(60));
    assertThat(kb.reviewCycle().dueForReview(TenantId.of("other"))).isEmpty();
    assertThat(kb.reviewCycle().staleArticles(ACME)).hasSize(1);
  }
}
