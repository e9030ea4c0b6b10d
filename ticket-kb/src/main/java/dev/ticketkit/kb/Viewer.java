package dev.ticketkit.kb;

/**
 * Who is reading: decides which articles a read or a search may return.
 *
 * <p>A {@link #REQUESTER} only ever sees {@link ArticleStatus#PUBLISHED} articles whose audience
 * is {@link Audience#PUBLIC}, whatever filters the request names; an {@link #AGENT} sees every
 * article of the tenant. Enum constants are immutable and thread-safe.
 */
public enum Viewer {
  /** A support agent or knowledge-base editor. */
  AGENT,
  /** A customer reading the help centre or a deflection suggestion. */
  REQUESTER;

  /**
   * Tells whether this viewer may see an article.
   *
   * @param article the article
   * @return true if the article is visible to this viewer
   */
  public boolean maySee(Article article) {
    return this == AGENT
        || (article.status() == ArticleStatus.PUBLISHED && article.audience() == Audience.PUBLIC);
  }
}
