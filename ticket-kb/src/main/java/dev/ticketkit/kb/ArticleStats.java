package dev.ticketkit.kb;

import dev.ticketkit.core.InvalidInputException;

/**
 * The reader feedback of one article: helpful and not-helpful votes and the view count.
 *
 * <p>Each voter has at most one vote per article; voting again replaces the earlier vote.
 * Instances are immutable and thread-safe.
 *
 * @param helpful the number of "helpful" votes
 * @param notHelpful the number of "not helpful" votes
 * @param views how many times the article was viewed
 */
public record ArticleStats(long helpful, long notHelpful, long views) {

  /** No votes and no views. */
  public static final ArticleStats NONE = new ArticleStats(0, 0, 0);

  /**
   * Validates the counts.
   *
   * @throws InvalidInputException if a count is negative
   */
  public ArticleStats {
    if (helpful < 0 || notHelpful < 0 || views < 0) {
      throw new InvalidInputException(
          "stats", helpful + "/" + notHelpful + "/" + views, "counts must not be negative");
    }
  }

  /**
   * Returns the number of votes cast.
   *
   * @return helpful plus not-helpful votes
   */
  public long votes() {
    return helpful + notHelpful;
  }

  /**
   * Returns the share of votes that found the article helpful, 1.0 when there are no votes.
   *
   * @return a ratio in {@code [0, 1]}
   */
  public double helpfulRatio() {
    return votes() == 0 ? 1.0 : (double) helpful / votes();
  }
}
