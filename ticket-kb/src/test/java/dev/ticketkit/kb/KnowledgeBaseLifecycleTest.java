package dev.ticketkit.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class KnowledgeBaseLifecycleTest {

  private static final TenantId ACME = TenantId.of("acme");
  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final KnowledgeBase kb = KnowledgeBase.builder(clock).build();

  private static ArticleContent content(String body) {
    return new ArticleContent("How to reset your password", body, List.of("password"),
        CategoryPath.of("Account"), new ArticleDetails.Troubleshooting(
            List.of("Open the sign-in page", "Click Forgot password")));
  }

  private Article draft() {
    return kb.createDraft(ACME, content("Click **Forgot password**."), Locale.ENGLISH,
        Audience.PUBLIC, "olga");
  }

  private Article published() {
    Article d = draft();
    Article s = kb.submit(ACME, d.id(), d.version());
    return kb.publish(ACME, d.id(), s.version(), "rita", "first version");
  }

  @Test
  void walksDraftReviewPublishReviseArchive() {
    Article d = draft();
    assertThat(d.status()).isEqualTo(ArticleStatus.DRAFT);
    assertThat(d.version()).isEqualTo(1);
    Article s = kb.submit(ACME, d.id(), 1);
    assertThat(s.status()).isEqualTo(ArticleStatus.IN_REVIEW);
    clock.advance(Duration.ofHours(1));
    Article p = kb.publish(ACME, d.id(), s.version(), "rita", "first version");
    assertThat(p.status()).isEqualTo(ArticleStatus.PUBLISHED);
    assertThat(p.revision()).isEqualTo(1);
    assertThat(p.reviewBy()).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
    Article r = kb.revise(ACME, d.id(), p.version(), content("Click **Reset**."), "olga", "new button");
    assertThat(r.status()).isEqualTo(ArticleStatus.PUBLISHED);
    assertThat(r.revision()).isEqualTo(2);
    Article a = kb.archive(ACME, d.id(), r.version());
    assertThat(a.status()).isEqualTo(ArticleStatus.ARCHIVED);
    assertThat(kb.restore(ACME, d.id(), a.version()).status()).isEqualTo(ArticleStatus.DRAFT);
    assertThat(kb.revisions(ACME, d.id())).hasSize(2);
  }

  @Test
  void lifecycleTableMatchesTheDocumentedMoves() {
    assertThat(ArticleLifecycle.allowed(ArticleStatus.DRAFT))
        .containsExactlyInAnyOrder(ArticleAction.EDIT, ArticleAction.SUBMIT, ArticleAction.ARCHIVE);
    assertThat(ArticleLifecycle.allowed(ArticleStatus.IN_REVIEW)).containsExactlyInAnyOrder(
        ArticleAction.SEND_BACK, ArticleAction.PUBLISH, ArticleAction.ARCHIVE);
    assertThat(ArticleLifecycle.allowed(ArticleStatus.PUBLISHED)).containsExactlyInAnyOrder(
        ArticleAction.REVISE, ArticleAction.CONFIRM_REVIEW, ArticleAction.ARCHIVE);
    assertThat(ArticleLifecycle.allowed(ArticleStatus.ARCHIVED))
        .containsExactly(ArticleAction.RESTORE);
    assertThat(ArticleLifecycle.target(ArticleStatus.IN_REVIEW, ArticleAction.SEND_BACK))
        .contains(ArticleStatus.DRAFT);
  }

  @Test
  void cannotPublishADraftThatWasNeverReviewed() {
    Article d = draft();
    assertThatThrownBy(() -> kb.publish(ACME, d.id(), d.version(), "rita", "skip review"))
        .isInstanceOfSatisfying(IllegalArticleTransitionException.class, e -> {
          assertThat(e.from()).isEqualTo(ArticleStatus.DRAFT);
          assertThat(e.action()).isEqualTo(ArticleAction.PUBLISH);
          assertThat(e.articleId()).isEqualTo(d.id());
        });
    assertThat(kb.find(ACME, d.id(), Viewer.AGENT)).contains(d);
    assertThat(kb.revisions(ACME, d.id())).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ArticleAction.class)
  void everyActionOutsideTheTableIsRejectedFromArchived(ArticleAction action) {
    Article p = published();
    Article archived = kb.archive(ACME, p.id(), p.version());
    if (action == ArticleAction.RESTORE) {
      assertThat(kb.restore(ACME, p.id(), archived.version()).status()).isEqualTo(ArticleStatus.DRAFT);
      return;
    }
    assertThatThrownBy(() -> perform(action, archived))
        .isInstanceOf(IllegalArticleTransitionException.class);
    assertThat(kb.find(ACME, p.id(), Viewer.AGENT)).contains(archived);
  }

  private Article perform(ArticleAction action, Article a) {
    return switch (action) {
      case EDIT -> kb.edit(ACME, a.id(), a.version(), content("x"));
      case SUBMIT -> kb.submit(ACME, a.id(), a.version());
      case SEND_BACK -> kb.sendBack(ACME, a.id(), a.version());
      case PUBLISH -> kb.publish(ACME, a.id(), a.version(), "rita", "n");
      case REVISE -> kb.revise(ACME, a.id(), a.version(), content("y"), "rita", "n");
      case CONFIRM_REVIEW -> kb.confirmReviewed(ACME, a.id(), a.version());
      case ARCHIVE -> kb.archive(ACME, a.id(), a.version());
      case RESTORE -> kb.restore(ACME, a.id(), a.version());
    };
  }

  @Test
  void guardsRejectAnEmptyBodyAnUnchangedRevisionAndABlankNote() {
    Article empty = kb.createDraft(ACME, content(" "), Locale.ENGLISH, Audience.PUBLIC, "olga");
    assertThatThrownBy(() -> kb.submit(ACME, empty.id(), empty.version()))
        .isInstanceOf(IllegalArticleTransitionException.class).hasMessageContaining("needs a body");
    Article p = published();
    assertThatThrownBy(() -> kb.revise(ACME, p.id(), p.version(), p.content(), "olga", "nothing"))
        .isInstanceOf(IllegalArticleTransitionException.class).hasMessageContaining("unchanged");
    assertThatThrownBy(() -> kb.revise(ACME, p.id(), p.version(), content("new"), "olga", " "))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("changeNote"));
    assertThat(kb.find(ACME, p.id(), Viewer.AGENT)).contains(p);
  }

  @Test
  void fourEyesRuleStopsOwnersPublishingTheirOwnArticles() {
    KnowledgeBase strict = KnowledgeBase.builder(clock).fourEyes(true).build();
    Article d = strict.createDraft(ACME, content("b"), Locale.ENGLISH, Audience.PUBLIC, "olga");
    Article s = strict.submit(ACME, d.id(), d.version());
    assertThatThrownBy(() -> strict.publish(ACME, d.id(), s.version(), "olga", "mine"))
        .isInstanceOf(IllegalArticleTransitionException.class);
    assertThat(strict.publish(ACME, d.id(), s.version(), "rita", "ok").status())
        .isEqualTo(ArticleStatus.PUBLISHED);
  }

  @Test
  void staleVersionIsRejected() {
    Article d = draft();
    kb.edit(ACME, d.id(), d.version(), content("second"));
    assertThatThrownBy(() -> kb.edit(ACME, d.id(), d.version(), content("lost update")))
        .isInstanceOfSatisfying(ArticleVersionConflictException.class,
            e -> assertThat(e.actualVersion()).isEqualTo(2));
  }

  @Test
  void missingArticleOfAnotherTenantIsNotFound() {
    Article d = draft();
    TenantId other = TenantId.of("other");
    assertThatThrownBy(() -> kb.submit(other, d.id(), d.version()))
        .isInstanceOf(ArticleNotFoundException.class);
    assertThat(kb.find(other, d.id(), Viewer.AGENT)).isEmpty();
  }

  @Test
  void revisionsKeepAuthorInstantNoteAndDiff() {
    Article p = published();
    clock.advance(Duration.ofDays(3));
    ArticleContent changed = content("Click **Reset password**.\nThen check your inbox.")
        .withTags(List.of("password", "reset"));
    kb.revise(ACME, p.id(), p.version(), changed, "olga", "button renamed");
    List<ArticleRevision> revisions = kb.revisions(ACME, p.id());
    assertThat(revisions).extracting(ArticleRevision::author).containsExactly("rita", "olga");
    assertThat(revisions.get(1).at()).isEqualTo(T0.plus(Duration.ofDays(3)));
    assertThat(revisions.get(1).changeNote()).isEqualTo("button renamed");
    RevisionDiff diff = kb.diff(ACME, p.id(), 1, 2);
    assertThat(diff.isEmpty()).isFalse();
    assertThat(diff.unified()).contains("- Click **Forgot password**.\n",
        "+ Click **Reset password**.\n", "+ Then check your inbox.\n", "- tags: password\n",
        "+ tags: password, reset\n", "  title: How to reset your password\n");
    assertThat(kb.diff(ACME, p.id(), 2, 2).isEmpty()).isTrue();
    assertThatThrownBy(() -> kb.diff(ACME, p.id(), 1, 3)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void requestersSeeOnlyPublishedPublicArticles() {
    Article d = draft();
    Article p = published();
    Article internal = kb.createDraft(ACME, content("secret"), Locale.ENGLISH, Audience.INTERNAL, "o");
    Article is = kb.submit(ACME, internal.id(), 1);
    kb.publish(ACME, internal.id(), is.version(), "rita", "v1");
    assertThat(kb.find(ACME, d.id(), Viewer.REQUESTER)).isEmpty();
    assertThat(kb.find(ACME, internal.id(), Viewer.REQUESTER)).isEmpty();
    assertThat(kb.find(ACME, internal.id(), Viewer.AGENT)).isPresent();
    assertThat(kb.view(ACME, p.id(), Viewer.REQUESTER)).isPresent();
    assertThat(kb.view(ACME, d.id(), Viewer.REQUESTER)).isEmpty();
    assertThat(kb.stats(ACME, p.id()).views()).isEqualTo(1);
    assertThat(kb.stats(ACME, d.id()).views()).isZero();
    Article archived = kb.archive(ACME, p.id(), p.version());
    assertThat(kb.find(ACME, archived.id(), Viewer.REQUESTER)).isEqualTo(Optional.empty());
  }

  @Test
  void votesCountOnlyOnPublishedArticles() {
    Article p = published();
    kb.vote(ACME, p.id(), "u1", true);
    kb.vote(ACME, p.id(), "u2", false);
    assertThat(kb.vote(ACME, p.id(), "u2", true)).isEqualTo(new ArticleStats(2, 0, 0));
    Article d = draft();
    assertThatThrownBy(() -> kb.vote(ACME, d.id(), "u1", true))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void valuesRejectBadInputNamingTheField() {
    assertThatThrownBy(() -> ArticleContent.of(" ", "b", new ArticleDetails.Faq()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("title"));
    assertThatThrownBy(() -> new ArticleDetails.Troubleshooting(List.of()))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new ArticleDetails.Video(java.net.URI.create("ftp://x/y"), Duration.ofSeconds(1)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> CategoryPath.parse("a//b")).isInstanceOf(InvalidInputException.class);
    assertThat(CategoryPath.parse("Account/Login").toString()).isEqualTo("Account/Login");
    assertThat(ArticleContent.of("t", "", new ArticleDetails.Faq()).withTags(List.of(" a ", "a", "b"))
        .tags()).containsExactly("a", "b");
    ArticleId id = ArticleId.random();
    assertThat(ArticleId.parse(id.toString())).isEqualTo(id);
    assertThatThrownBy(() -> ArticleId.parse("nope")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> KnowledgeBase.builder(clock).fourEyes(true).fourEyes(false))
        .isInstanceOf(IllegalStateException.class);
  }
}
