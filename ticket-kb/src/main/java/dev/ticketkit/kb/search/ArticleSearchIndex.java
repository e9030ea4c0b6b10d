package dev.ticketkit.kb.search;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.Article;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.store.ArticleStore;
import dev.ticketkit.kb.store.KbStorageException;
import java.nio.file.Path;
import java.util.Collection;

/**
 * The full-text index of the knowledge base: kept in step with an {@link ArticleStore} by the
 * {@link dev.ticketkit.kb.KnowledgeBase}, and rebuilt from it at any time.
 *
 * <p>Every article of every status is indexed, with its tenant, audience, locale, type and status
 * as filters; searches filter by the request's tenant and by what its viewer may see. Title,
 * tags and body (with the type's details: troubleshooting steps, glossary term and definition)
 * are searchable, weighted title above tags above body.
 *
 * <p>Implementations are thread-safe: searches run concurrently with each other and with
 * updates, and see every update that returned before they started. I/O failures are thrown as
 * {@link KbStorageException}.
 */
public interface ArticleSearchIndex extends AutoCloseable {

  /**
   * Returns a new, empty Lucene index held in memory.
   *
   * @param settings the analysis and ranking settings
   * @return the index
   */
  static ArticleSearchIndex inMemory(SearchSettings settings) {
    return LuceneArticleIndex.inMemory(settings);
  }

  /**
   * Opens (or creates) a Lucene index in a directory on disk. Every update is committed before
   * the method returns, so the index survives a restart; it must have been built with the same
   * settings' analysis.
   *
   * @param directory the index directory, created if missing
   * @param settings the analysis and ranking settings
   * @return the index
   * @throws KbStorageException if the directory cannot be opened
   */
  static ArticleSearchIndex onDisk(Path directory, SearchSettings settings) {
    return LuceneArticleIndex.onDisk(directory, settings);
  }

  /**
   * Adds an article or replaces its earlier version. An article whose version is not newer than
   * the one indexed is ignored, so updates arriving out of order never bring back old content.
   *
   * @param article the article
   */
  void index(Article article);

  /**
   * Adds or replaces many articles at once, more cheaply than one by one.
   *
   * @param articles the articles
   */
  void indexAll(Collection<Article> articles);

  /**
   * Removes an article.
   *
   * @param tenant the tenant
   * @param id the article id
   */
  void remove(TenantId tenant, ArticleId id);

  /**
   * Replaces the whole content of the index with every article of a store.
   *
   * @param store the store to read
   * @return how many articles were indexed
   */
  long rebuild(ArticleStore store);

  /**
   * Returns how many articles the index holds.
   *
   * @return the count
   */
  long size();

  /**
   * Searches.
   *
   * @param request the request
   * @return the hits, best first
   */
  SearchResults search(SearchRequest request);

  /**
   * Returns the embedding this index searches with (hybrid search), if any; the knowledge base
   * also ranks similar tickets and FAQ clusters with it.
   *
   * @return the embedding, or empty for a lexical index
   */
  default java.util.Optional<TextEmbedding> embedding() {
    return java.util.Optional.empty();
  }

  /**
   * Releases the index; an in-memory index loses its content.
   */
  @Override
  void close();
}
