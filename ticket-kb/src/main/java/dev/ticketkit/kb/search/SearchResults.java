package dev.ticketkit.kb.search;

import dev.ticketkit.kb.ArticleId;
import java.util.List;

/**
 * The answer to a search: the best hits, best first, and how many articles matched in all.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param hits the hits, at most the request's limit
 * @param totalHits how many articles matched (may be a lower bound above 1,000)
 */
public record SearchResults(List<SearchHit> hits, long totalHits) {

  /** No hits. */
  public static final SearchResults EMPTY = new SearchResults(List.of(), 0);

  /**
   * Copies the hits.
   */
  public SearchResults {
    hits = List.copyOf(hits);
  }

  /**
   * Tells whether the best hit is a confident answer; false when there is no hit. A help centre
   * shows "no good answer, contact us" when this is false.
   *
   * @return whether there is a confident answer
   */
  public boolean hasConfidentAnswer() {
    return !hits.isEmpty() && hits.get(0).confident();
  }

  /**
   * Returns the ids of the hits, best first.
   *
   * @return the ids
   */
  public List<ArticleId> ids() {
    return hits.stream().map(SearchHit::articleId).toList();
  }
}
