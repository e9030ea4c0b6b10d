package dev.ticketkit.kb.semantic;

import dev.ticketkit.kb.KnowledgeBase;
import dev.ticketkit.kb.search.ArticleSearchIndex;
import dev.ticketkit.kb.search.SearchSettings;
import dev.ticketkit.kb.search.TextEmbedding;
import dev.ticketkit.kb.store.ArticleStore;
import java.time.Clock;

/**
 * The README's hybrid-search snippet as host code that compiles with every build (it lives here,
 * not in examples, so that the examples module does not carry ONNX Runtime); the examples
 * module's {@code ReadmeSnippetsTest} checks that the README shows it verbatim.
 */
final class ReadmeHybridSnippet {

  private ReadmeHybridSnippet() {}

  static KnowledgeBase hybrid(Clock clock, ArticleStore store) {
    // README:start
    TextEmbedding model = BgeSmallZhEmbedding.load();           // once per process
    KnowledgeBase kb = KnowledgeBase.builder(clock).store(store)
        .index(ArticleSearchIndex.inMemory(SearchSettings.defaults().withEmbedding(model))).build();
    // README:end
    return kb;
  }
}
