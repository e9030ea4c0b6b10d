package dev.ticketkit.kb;

import dev.ticketkit.kb.search.ArticleSearchIndex;
import dev.ticketkit.kb.search.SearchSettings;
import dev.ticketkit.kb.store.ArticleStore;
import java.time.Clock;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link KnowledgeBase}. Each setter checks its argument at once and may be called only
 * once; whatever is not set gets its default.
 *
 * <p>Not thread-safe: build on one thread, then share the knowledge base.
 */
public final class KnowledgeBaseBuilder {

  private final Clock clock;
  private final Set<String> set = new HashSet<>();
  private @Nullable ArticleStore store;
  private @Nullable ArticleSearchIndex index;
  private ReviewPolicy policy = ReviewPolicy.monthly();
  private boolean fourEyes;
  private ArticleIdSource ids = ArticleId::random;

  KnowledgeBaseBuilder(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Sets the article store (default: {@link ArticleStore#inMemory()}).
   *
   * @param value the store
   * @return this builder
   * @throws IllegalStateException if the store was already set
   */
  public KnowledgeBaseBuilder store(ArticleStore value) {
    once("store");
    this.store = Objects.requireNonNull(value, "store");
    return this;
  }

  /**
   * Sets the search index (default: an in-memory index with {@link SearchSettings#defaults()}).
   * The knowledge base does not rebuild it; call {@link KnowledgeBase#rebuildIndex()} if the
   * store already holds articles.
   *
   * @param value the index
   * @return this builder
   * @throws IllegalStateException if the index was already set
   */
  public KnowledgeBaseBuilder index(ArticleSearchIndex value) {
    once("index");
    this.index = Objects.requireNonNull(value, "index");
    return this;
  }

  /**
   * Sets the review policy (default: {@link ReviewPolicy#monthly()}).
   *
   * @param value the policy
   * @return this builder
   * @throws IllegalStateException if the policy was already set
   */
  public KnowledgeBaseBuilder reviewPolicy(ReviewPolicy value) {
    once("reviewPolicy");
    this.policy = Objects.requireNonNull(value, "reviewPolicy");
    return this;
  }

  /**
   * Sets the four-eyes rule: when on, an article's owner may not publish it (default off).
   *
   * @param value whether the rule applies
   * @return this builder
   * @throws IllegalStateException if the rule was already set
   */
  public KnowledgeBaseBuilder fourEyes(boolean value) {
    once("fourEyes");
    this.fourEyes = value;
    return this;
  }

  /**
   * Sets where new article ids come from (default: random UUIDs).
   *
   * @param value the id source
   * @return this builder
   * @throws IllegalStateException if the source was already set
   */
  public KnowledgeBaseBuilder ids(ArticleIdSource value) {
    once("ids");
    this.ids = Objects.requireNonNull(value, "ids");
    return this;
  }

  /**
   * Builds the knowledge base.
   *
   * @return the knowledge base
   */
  public KnowledgeBase build() {
    if (store == null) {
      store = ArticleStore.inMemory();
    }
    if (index == null) {
      index = ArticleSearchIndex.inMemory(SearchSettings.defaults());
    }
    return new KnowledgeBase(this);
  }

  private void once(String name) {
    if (!set.add(name)) {
      throw new IllegalStateException(name + " is already set");
    }
  }

  ArticleStore store() {
    return Objects.requireNonNull(store, "store");
  }

  ArticleSearchIndex index() {
    return Objects.requireNonNull(index, "index");
  }

  Clock clock() {
    return clock;
  }

  ReviewPolicy policy() {
    return policy;
  }

  boolean fourEyes() {
    return fourEyes;
  }

  ArticleIdSource ids() {
    return ids;
  }
}
