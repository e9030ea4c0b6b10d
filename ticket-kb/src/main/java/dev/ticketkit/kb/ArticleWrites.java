package dev.ticketkit.kb;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.search.ArticleSearchIndex;
import dev.ticketkit.kb.store.ArticleStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The write path shared by the lifecycle methods of {@link KnowledgeBase}: load with version and
 * lifecycle checks, make the next version, save (with a revision) and index. Thread-safe if the
 * store and the index are.
 */
final class ArticleWrites {

  private final ArticleStore store;
  private final ArticleSearchIndex index;
  private final Clock clock;
  private final ReviewPolicy policy;

  ArticleWrites(ArticleStore store, ArticleSearchIndex index, Clock clock, ReviewPolicy policy) {
    this.store = store;
    this.index = index;
    this.clock = clock;
    this.policy = policy;
  }

  Article load(TenantId tenant, ArticleId id, long expectedVersion, ArticleAction action) {
    Article current = store.find(tenant, id)
        .orElseThrow(() -> new ArticleNotFoundException(tenant, id));
    if (current.version() != expectedVersion) {
      throw new ArticleVersionConflictException(id, expectedVersion, current.version());
    }
    if (ArticleLifecycle.target(current.status(), action).isEmpty()) {
      throw new IllegalArticleTransitionException(id, current.status(), action,
          "allowed from " + current.status() + ": " + ArticleLifecycle.allowed(current.status()));
    }
    return current;
  }

  Article move(Article current, ArticleStatus to) {
    return commit(current.next(current.content(), to, current.reviewBy(), current.revision(),
        clock.instant()), null);
  }

  Article withRevision(
      Article current, ArticleContent content, String author, String changeNote) {
    var now = clock.instant();
    int number = current.revision() + 1;
    ArticleRevision revision = new ArticleRevision(
        current.tenant(), current.id(), number, content, author, now, changeNote);
    return commit(current.next(content, ArticleStatus.PUBLISHED, policy.nextReview(now), number,
        now), revision);
  }

  List<Article> importPublished(TenantId tenant, List<ArticleImport> articles,
      ArticleIdSource ids, String reviewer, String changeNote) {
    Objects.requireNonNull(tenant, "tenant");
    var now = clock.instant();
    List<Article> stored = new ArrayList<>(articles.size());
    List<ArticleRevision> revisions = new ArrayList<>(articles.size());
    for (ArticleImport item : articles) {
      Article article = new Article(ids.next(), tenant, item.content(), item.locale(),
          item.audience(), item.owner(), ArticleStatus.PUBLISHED, policy.nextReview(now), 1, 1,
          now, now);
      revisions.add(new ArticleRevision(tenant, article.id(), 1, item.content(), reviewer, now,
          changeNote));
      stored.add(article);
    }
    store.saveAll(stored, revisions);
    index.indexAll(stored);
    return List.copyOf(stored);
  }

  Article commit(Article article, @Nullable ArticleRevision revision) {
    store.save(article, revision);
    index.index(article);
    return article;
  }
}
