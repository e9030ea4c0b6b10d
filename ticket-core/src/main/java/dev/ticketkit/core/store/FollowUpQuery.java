package dev.ticketkit.core.store;

import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.SupportTier;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link TicketStore#followUps} reads: the open tickets (NEW, OPEN or PENDING) of one agent
 * or one tier's team, in follow-up order (the requester updated longest ago first, then by
 * number), starting after a position. Instances are immutable and thread-safe.
 *
 * @param assignee the agent, or null for a tier
 * @param tier the tier, or null for an agent
 * @param limit how many tickets at most, 1 to {@value TicketQuery#MAX_LIMIT} + 1
 * @param afterUpdatedAt the position's requester-update instant, or null to start at the top
 * @param afterNumber the position's ticket number (ignored without {@code afterUpdatedAt})
 */
public record FollowUpQuery(@Nullable AgentId assignee, @Nullable SupportTier tier, int limit,
    @Nullable Instant afterUpdatedAt, long afterNumber) {

  /**
   * Validates the query.
   *
   * @throws InvalidInputException unless exactly one of assignee and tier is given and the limit
   *     is in range
   */
  public FollowUpQuery {
    if ((assignee == null) == (tier == null)) {
      throw new InvalidInputException("followUps", assignee + "/" + tier,
          "must name exactly one of an assignee and a tier");
    }
    if (limit < 1 || limit > TicketQuery.MAX_LIMIT + 1) {
      throw new InvalidInputException("limit", limit,
          "must be 1 to " + (TicketQuery.MAX_LIMIT + 1));
    }
  }

  /**
   * Tells whether a ticket's follow-up position lies after this query's position.
   *
   * @param requesterUpdatedAt the ticket's instant
   * @param number the ticket's number
   * @return true if there is no position or the ticket sorts after it
   */
  public boolean isAfter(Instant requesterUpdatedAt, long number) {
    if (afterUpdatedAt == null) {
      return true;
    }
    int c = requesterUpdatedAt.compareTo(afterUpdatedAt);
    return c > 0 || (c == 0 && number > afterNumber);
  }

  /**
   * Returns the query of one agent's tickets from the top.
   *
   * @param agent the agent
   * @param limit how many
   * @return the query
   */
  public static FollowUpQuery ofAgent(AgentId agent, int limit) {
    return new FollowUpQuery(Objects.requireNonNull(agent, "agent"), null, limit, null, 0);
  }

  /**
   * Returns the query of one tier's tickets from the top.
   *
   * @param tier the tier
   * @param limit how many
   * @return the query
   */
  public static FollowUpQuery ofTier(SupportTier tier, int limit) {
    return new FollowUpQuery(null, Objects.requireNonNull(tier, "tier"), limit, null, 0);
  }

  /**
   * Returns a copy that starts after a position.
   *
   * @param requesterUpdatedAt the last ticket's instant
   * @param number the last ticket's number
   * @return the copy
   */
  public FollowUpQuery after(Instant requesterUpdatedAt, long number) {
    return new FollowUpQuery(assignee, tier, limit, requesterUpdatedAt, number);
  }
}
