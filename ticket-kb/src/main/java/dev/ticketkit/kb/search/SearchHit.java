package dev.ticketkit.kb.search;

import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.ArticleType;
import java.util.Objects;

/**
 * One article found by a search, with its score and highlighted text.
 *
 * <p>The highlighted texts are HTML-escaped, with matched words wrapped in
 * {@code <mark>...</mark>}; they are empty when the request asked for no snippets. Instances are
 * immutable and thread-safe.
 *
 * @param articleId the article
 * @param type its type
 * @param title its title, plain
 * @param score the relevance score, higher is better; comparable within one result list only
 * @param titleHighlight the title with matches marked
 * @param snippet the best passages of the body with matches marked (or its start, if the body
 *     has no match)
 * @param relevance how well the article answers the text, from 0 (nothing in common) to 1,
 *     comparable across searches of one index: the share of the query's weighted words that the
 *     article contains, and with an embedding also the meaning's similarity
 * @param confident whether the article is a confident answer: {@code relevance} is at least
 *     {@link SearchSettings#confidence()}. A help centre shows "no good answer" when the first hit
 *     is not confident
 */
public record SearchHit(
    ArticleId articleId,
    ArticleType type,
    String title,
    float score,
    String titleHighlight,
    String snippet,
    double relevance,
    boolean confident) {

  /**
   * Validates the hit.
   *
   * @throws NullPointerException if a field is null
   */
  public SearchHit {
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(titleHighlight, "titleHighlight");
    Objects.requireNonNull(snippet, "snippet");
  }
}
