package dev.ticketkit.kb.search;

import dev.ticketkit.core.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a search request's text cannot be searched: it is longer than
 * {@link SearchRequest#MAX_TEXT} chars. It is the only exception a query text can cause; every
 * other text, however odd (Lucene syntax, control characters, lone surrogates), is searched as
 * plain words.
 *
 * <p>Instances are immutable and therefore thread-safe.
 */
public class SearchQueryException extends InvalidInputException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param field the request field holding the text ({@code "text"} or {@code "context"})
   * @param text the rejected text, or null when it was missing
   * @param reason why it is rejected
   */
  public SearchQueryException(String field, @Nullable String text, String reason) {
    super(field, text, reason);
  }
}
