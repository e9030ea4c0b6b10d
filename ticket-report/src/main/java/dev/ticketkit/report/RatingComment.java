package dev.ticketkit.report;

import dev.ticketkit.core.Satisfaction;
import java.time.Instant;
import java.util.Objects;

/**
 * A requester's comment with their rating. Instances are immutable and thread-safe.
 *
 * @param ticketNumber the ticket's number
 * @param satisfaction the rating
 * @param comment the comment
 * @param ratedAt when
 */
public record RatingComment(
    long ticketNumber, Satisfaction satisfaction, String comment, Instant ratedAt) {

  /**
   * Validates the comment.
   *
   * @throws NullPointerException if a part is null
   */
  public RatingComment {
    Objects.requireNonNull(satisfaction, "satisfaction");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(ratedAt, "ratedAt");
  }
}
