package dev.ticketkit.report.source;

import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One resolution cycle of one ticket, as the report reads it: a row of the cycle fact table,
 * keyed by {@code (tenant, ticketId, cycle)}.
 *
 * <p>Cycle 1 starts at intake; cycle n+1 starts when the ticket is reopened (a transition with the
 * NEW_CYCLE effect, such as the standard {@code not_fixed}). Every instant is when the event
 * happened, so a figure "as of" an instant T or "in" a period is a condition on these columns.
 * The descriptive columns (subject, channel, category, priority, tags) are the ticket's values when
 * the row was last derived (its latest version); {@code agent} is the agent the cycle is credited
 * to. Definitions:
 *
 * <ul>
 *   <li>{@code acceptedAt}: cycle 1 only, the first move out of a NEW-category status.
 *   <li>{@code firstReplyAt}: the first public reply written by an agent within the cycle.
 *   <li>{@code resolvedAt}: the first entry into a RESOLVED-category status within the cycle.
 *   <li>{@code workEndedAt}: when the team stopped owing work in the cycle: {@code resolvedAt}, or
 *       the entry into a CLOSED-category status if the cycle closed without a resolution; a cycle
 *       is in the backlog at T when {@code startedAt < T} and it has no {@code workEndedAt} before
 *       T.
 *   <li>{@code closedAt}, {@code closeKind}: the entry into a CLOSED-category status within the
 *       cycle and how (see {@link CloseKind}).
 *   <li>{@code reopenedAt}: when the next cycle started, or null.
 *   <li>{@code escalatedAt}, {@code tierEscalations}: the first and the number of raises of the
 *       support tier within the cycle, by the escalate operation or an SLA action; the raise that
 *       a reopen itself makes belongs to the reopen, not to either cycle.
 *   <li>{@code agent}: the agent who moved the ticket into RESOLVED (or the assignee then, if a
 *       system did); for a cycle that did not resolve, the last agent assigned to the ticket
 *       during the cycle; null if none.
 *   <li>{@code agentReplies}: public replies by agents within the cycle; {@code requesterFollowUps}:
 *       public replies by the requester after the cycle's first agent reply. Internal notes and
 *       system messages never count.
 *   <li>{@code handoffs}: hand-offs to another department within the cycle. Always 0 until
 *       department hand-offs exist in ticket-core (a later issue); the column is here so that the
 *       first-contact-resolution rule and the table need no change then.
 *   <li>{@code rating}, {@code ratingComment}, {@code ratedAt}: the requester's rating of this
 *       cycle's resolution. {@code dissatisfactionReason}: null until dissatisfaction reasons
 *       exist in ticket-core (a later issue).
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param tenant the ticket's tenant
 * @param ticketId the ticket
 * @param ticketNumber the ticket's number within the tenant
 * @param cycle the resolution cycle, 1 or more
 * @param subject the ticket's subject
 * @param channel the intake channel
 * @param category the ticket's category, or null
 * @param priority the ticket's priority
 * @param tags the ticket's tags
 * @param agent the agent the cycle is credited to, or null
 * @param ticketCreatedAt when the ticket was opened
 * @param startedAt when the cycle started
 * @param acceptedAt when the ticket was accepted (cycle 1), or null
 * @param firstReplyAt the cycle's first agent public reply, or null
 * @param resolvedAt the cycle's first entry into RESOLVED, or null
 * @param workEndedAt when the cycle stopped owing work, or null
 * @param closedAt the cycle's entry into CLOSED, or null
 * @param closeKind how it closed, null exactly when {@code closedAt} is
 * @param reopenedAt when the next cycle started, or null
 * @param escalatedAt the cycle's first tier raise, or null
 * @param tierEscalations the number of tier raises in the cycle
 * @param agentReplies the number of agent public replies in the cycle
 * @param requesterFollowUps the requester's public replies after the first agent reply
 * @param handoffs department hand-offs in the cycle (0 until they exist)
 * @param rating the rating of the cycle's resolution, or null
 * @param ratingComment the rating's comment, or null
 * @param ratedAt when it was rated, null exactly when {@code rating} is
 * @param dissatisfactionReason the reason of a dissatisfied rating, or null (not tracked yet)
 */
public record CycleFact(
    TenantId tenant,
    TicketId ticketId,
    long ticketNumber,
    int cycle,
    String subject,
    Channel channel,
    @Nullable Category category,
    Priority priority,
    SortedSet<Tag> tags,
    @Nullable AgentId agent,
    Instant ticketCreatedAt,
    Instant startedAt,
    @Nullable Instant acceptedAt,
    @Nullable Instant firstReplyAt,
    @Nullable Instant resolvedAt,
    @Nullable Instant workEndedAt,
    @Nullable Instant closedAt,
    @Nullable CloseKind closeKind,
    @Nullable Instant reopenedAt,
    @Nullable Instant escalatedAt,
    int tierEscalations,
    int agentReplies,
    int requesterFollowUps,
    int handoffs,
    @Nullable Satisfaction rating,
    @Nullable String ratingComment,
    @Nullable Instant ratedAt,
    @Nullable String dissatisfactionReason) {

  /**
   * Validates the row and copies the tags.
   *
   * @throws NullPointerException if a required column is null
   * @throws InvalidInputException if the cycle is below 1, a count negative, the close kind and
   *     instant disagree, or the rating and its instant disagree
   */
  public CycleFact {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(ticketCreatedAt, "ticketCreatedAt");
    Objects.requireNonNull(startedAt, "startedAt");
    tags = Collections.unmodifiableSortedSet(new TreeSet<>(tags));
    if (cycle < 1) {
      throw new InvalidInputException("cycle", cycle, "must be 1 or more");
    }
    if (tierEscalations < 0 || agentReplies < 0 || requesterFollowUps < 0 || handoffs < 0) {
      throw new InvalidInputException("counts",
          tierEscalations + "/" + agentReplies + "/" + requesterFollowUps + "/" + handoffs,
          "must not be negative");
    }
    if ((closedAt == null) != (closeKind == null)) {
      throw new InvalidInputException("closeKind", closeKind, "must be set exactly with closedAt");
    }
    if ((rating == null) != (ratedAt == null)) {
      throw new InvalidInputException("ratedAt", ratedAt, "must be set exactly with rating");
    }
  }

  /**
   * Tells whether this cycle is a first-contact resolution.
   *
   * <p>Definition: the ticket's first resolution cycle ({@code cycle == 1}) ended in a CLOSED
   * status after a resolution ({@link CloseKind#CLOSED}: confirmed by the requester or
   * auto-closed; never cancelled or merged); it was not reopened ({@code reopenedAt == null}); its
   * support tier was never raised ({@code tierEscalations == 0}); it was never handed to another
   * department ({@code handoffs == 0}, vacuous until hand-offs exist); and the requester did not
   * have to write again after the first agent reply ({@code requesterFollowUps == 0}). Which
   * replies count: any number of public agent replies make up the one contact; a requester's
   * public reply before the first agent reply (adding details) does not break it, one after it
   * does; internal notes, system messages and the rating's comment never count.
   *
   * @return true for a first-contact resolution
   */
  public boolean isFirstContactResolution() {
    return cycle == 1 && closeKind == CloseKind.CLOSED && reopenedAt == null
        && tierEscalations == 0 && handoffs == 0 && requesterFollowUps == 0;
  }

  /**
   * Returns the cycle's resolution time in calendar (elapsed) time.
   *
   * @return {@code resolvedAt - startedAt}, or null while unresolved
   */
  public @Nullable Duration resolutionTime() {
    return resolvedAt == null ? null : Duration.between(startedAt, resolvedAt);
  }

  /**
   * Returns the time to the cycle's first agent reply in calendar time.
   *
   * @return {@code firstReplyAt - startedAt}, or null without a reply
   */
  public @Nullable Duration firstReplyTime() {
    return firstReplyAt == null ? null : Duration.between(startedAt, firstReplyAt);
  }

  /**
   * Returns the time to acceptance in calendar time (cycle 1).
   *
   * @return {@code acceptedAt - startedAt}, or null before acceptance
   */
  public @Nullable Duration acceptanceTime() {
    return acceptedAt == null ? null : Duration.between(startedAt, acceptedAt);
  }
}
