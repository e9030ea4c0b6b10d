package dev.ticketkit.core.store;

import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.StatusCategory;
import dev.ticketkit.core.SupportTier;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.Handoff;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketLink;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A filter over one tenant's tickets, with an order and a page size: the criteria are combined
 * with AND, and an empty set or null criterion matches everything.
 *
 * <p>Results are ordered by ticket number ({@link Order}), which gives stable keyset paging with
 * {@link #after()}. The creation range is half-open, {@code [createdFromInclusive,
 * createdToExclusive)}. {@link #matches(Ticket)} is the reference meaning of the filter that every
 * store must agree with (it ignores order, limit and cursor). Build with {@link #builder()}.
 * Instances are immutable and thread-safe.
 */
public final class TicketQuery {

  /** The default page size. */
  public static final int DEFAULT_LIMIT = 50;
  /** The largest page size. */
  public static final int MAX_LIMIT = 1000;

  /** The order of results. */
  public enum Order {
    /** Ascending ticket number: oldest first. */
    OLDEST_FIRST,
    /** Descending ticket number: newest first. */
    NEWEST_FIRST
  }

  final Set<StatusCategory> statusCategories;
  final Set<String> statuses;
  final @Nullable AgentId assignee;
  final boolean unassigned;
  final @Nullable SupportTier tier;
  final Set<Priority> priorities;
  final Set<Channel> channels;
  final @Nullable Category category;
  final Set<Tag> tags;
  final @Nullable String requesterId;
  final @Nullable Instant createdFromInclusive;
  final @Nullable Instant createdToExclusive;
  final @Nullable TicketLink linkedTo;
  final boolean problemsOnly;
  final boolean withOpenHandoff;
  final Order order;
  final int limit;
  final @Nullable PageCursor after;

  TicketQuery(TicketQueryBuilder b) {
    statusCategories = Set.copyOf(b.statusCategories);
    statuses = Set.copyOf(b.statuses);
    assignee = b.assignee;
    unassigned = b.unassigned;
    tier = b.tier;
    priorities = Set.copyOf(b.priorities);
    channels = Set.copyOf(b.channels);
    category = b.category;
    tags = Set.copyOf(b.tags);
    requesterId = b.requesterId;
    createdFromInclusive = b.createdFromInclusive;
    createdToExclusive = b.createdToExclusive;
    linkedTo = b.linkedTo;
    problemsOnly = b.problemsOnly;
    withOpenHandoff = b.withOpenHandoff;
    order = b.order;
    limit = b.limit;
    after = b.after;
  }

  /**
   * Returns a builder for a query that matches every ticket.
   *
   * @return the builder
   */
  public static TicketQueryBuilder builder() {
    return new TicketQueryBuilder();
  }

  /**
   * Returns the query that matches every ticket, oldest first, {@value #DEFAULT_LIMIT} a page.
   *
   * @return the query
   */
  public static TicketQuery all() {
    return builder().build();
  }

  /**
   * Tells whether a ticket passes the filter (order, limit and cursor aside).
   *
   * @param t the ticket
   * @return true if every criterion matches
   */
  public boolean matches(Ticket t) {
    return (statusCategories.isEmpty() || statusCategories.contains(t.status().category()))
        && (statuses.isEmpty() || statuses.contains(t.status().name()))
        && (assignee == null || assignee.equals(t.assignee()))
        && (!unassigned || t.assignee() == null)
        && (tier == null || tier.equals(t.tier()))
        && (priorities.isEmpty() || priorities.contains(t.priority()))
        && (channels.isEmpty() || channels.contains(t.channel()))
        && (category == null || (t.category() != null && t.category().isWithin(category)))
        && t.tags().containsAll(tags)
        && (requesterId == null || requesterId.equals(t.requester().id()))
        && (createdFromInclusive == null || !t.createdAt().isBefore(createdFromInclusive))
        && (createdToExclusive == null || t.createdAt().isBefore(createdToExclusive))
        && (linkedTo == null || t.links().contains(linkedTo))
        && (!problemsOnly || t.problem() != null)
        && (!withOpenHandoff || Handoff.openSince(t.handoffs()) != null);
  }

  /**
   * Tells whether a ticket lies after the cursor in this query's order.
   *
   * @param t the ticket
   * @return true if there is no cursor or the ticket's number is past it
   */
  public boolean isAfterCursor(Ticket t) {
    if (after == null) {
      return true;
    }
    return order == Order.OLDEST_FIRST
        ? t.number() > after.afterNumber()
        : t.number() < after.afterNumber();
  }

  /**
   * Returns a copy of this query that starts after the given cursor.
   *
   * @param cursor the cursor from the previous page, or null for the first page
   * @return the copy
   */
  public TicketQuery withAfter(@Nullable PageCursor cursor) {
    return new TicketQueryBuilder(this).after(cursor).build();
  }

  /** @return the status categories to match; empty matches all */
  public Set<StatusCategory> statusCategories() {
    return statusCategories;
  }

  /** @return the status names to match; empty matches all */
  public Set<String> statuses() {
    return statuses;
  }

  /** @return the assignee to match, or null for any */
  public @Nullable AgentId assignee() {
    return assignee;
  }

  /** @return true to match only unassigned tickets */
  public boolean unassigned() {
    return unassigned;
  }

  /** @return the tier to match, or null for any */
  public @Nullable SupportTier tier() {
    return tier;
  }

  /** @return the priorities to match; empty matches all */
  public Set<Priority> priorities() {
    return priorities;
  }

  /** @return the channels to match; empty matches all */
  public Set<Channel> channels() {
    return channels;
  }

  /** @return the category to match with everything below it, or null for any */
  public @Nullable Category category() {
    return category;
  }

  /** @return the tags a ticket must all have; empty matches all */
  public Set<Tag> tags() {
    return tags;
  }

  /** @return the requester id to match, or null for any */
  public @Nullable String requesterId() {
    return requesterId;
  }

  /** @return the inclusive start of the creation range, or null for no bound */
  public @Nullable Instant createdFromInclusive() {
    return createdFromInclusive;
  }

  /** @return the exclusive end of the creation range, or null for no bound */
  public @Nullable Instant createdToExclusive() {
    return createdToExclusive;
  }

  /** @return the link a ticket must have (type and target), or null for any */
  public @Nullable TicketLink linkedTo() {
    return linkedTo;
  }

  /** @return true to match only problem tickets ({@code Ticket#problem()} set) */
  public boolean problemsOnly() {
    return problemsOnly;
  }

  /** @return true to match only tickets with an open handoff to another department */
  public boolean withOpenHandoff() {
    return withOpenHandoff;
  }

  /** @return the order of results */
  public Order order() {
    return order;
  }

  /** @return the page size, 1 to {@value #MAX_LIMIT} */
  public int limit() {
    return limit;
  }

  /** @return the cursor the page starts after, or null for the first page */
  public @Nullable PageCursor after() {
    return after;
  }

  static int checkLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException("limit", limit, "must be between 1 and " + MAX_LIMIT);
    }
    return limit;
  }

  @Override
  public String toString() {
    return "TicketQuery[categories=" + statusCategories + ", statuses=" + statuses
        + ", assignee=" + (unassigned ? "none" : Objects.toString(assignee, "any"))
        + ", tier=" + tier + ", priorities=" + priorities + ", channels=" + channels
        + ", category=" + category + ", tags=" + tags + ", requester=" + requesterId
        + ", created=[" + createdFromInclusive + ", " + createdToExclusive + "), order=" + order
        + ", limit=" + limit + ", after=" + after + "]";
  }
}
