package dev.ticketkit.core.store;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.LinkType;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Status;
import dev.ticketkit.core.StatusCategory;
import dev.ticketkit.core.SupportTier;
import dev.ticketkit.core.SupportedTime;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TextRule;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketLink;
import dev.ticketkit.core.internal.SetOnce;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link TicketQuery}. Each setter checks its value at once and may be called once
 * (except {@link #after(PageCursor)}, which paging calls again). Not thread-safe.
 */
public final class TicketQueryBuilder {

  private static final TextRule REQUESTER_ID = TextRule.identifier(Actor.MAX_ID_LENGTH);

  private final SetOnce done = new SetOnce();
  Set<StatusCategory> statusCategories = Set.of();
  Set<String> statuses = Set.of();
  @Nullable AgentId assignee;
  boolean unassigned;
  @Nullable SupportTier tier;
  Set<Priority> priorities = Set.of();
  Set<Channel> channels = Set.of();
  @Nullable Category category;
  Set<Tag> tags = Set.of();
  @Nullable String requesterId;
  @Nullable Instant createdFromInclusive;
  @Nullable Instant createdToExclusive;
  @Nullable TicketLink linkedTo;
  boolean problemsOnly;
  boolean withOpenHandoff;
  TicketQuery.Order order = TicketQuery.Order.OLDEST_FIRST;
  int limit = TicketQuery.DEFAULT_LIMIT;
  @Nullable PageCursor after;

  TicketQueryBuilder() {}

  TicketQueryBuilder(TicketQuery q) {
    done.mark("copy");
    statusCategories = q.statusCategories;
    statuses = q.statuses;
    assignee = q.assignee;
    unassigned = q.unassigned;
    tier = q.tier;
    priorities = q.priorities;
    channels = q.channels;
    category = q.category;
    tags = q.tags;
    requesterId = q.requesterId;
    createdFromInclusive = q.createdFromInclusive;
    createdToExclusive = q.createdToExclusive;
    linkedTo = q.linkedTo;
    problemsOnly = q.problemsOnly;
    withOpenHandoff = q.withOpenHandoff;
    order = q.order;
    limit = q.limit;
  }

  private void once(String field) {
    done.mark(field);
  }

  private static <T> Set<T> nonEmpty(String field, T[] values) {
    Objects.requireNonNull(values, field);
    if (values.length == 0) {
      throw new InvalidInputException(field, "[]", "must name at least one value");
    }
    return Set.copyOf(List.of(values));
  }

  /**
   * Matches tickets whose status is in one of the categories.
   *
   * @param values the categories
   * @return this builder
   * @throws InvalidInputException if none is given
   * @throws IllegalStateException if already set
   */
  public TicketQueryBuilder statusCategories(StatusCategory... values) {
    once("statusCategories");
    statusCategories = nonEmpty("statusCategories", values);
    return this;
  }

  /**
   * Matches tickets whose status has one of the names.
   *
   * @param names the status names, such as {@code "AWAITING_CONFIRMATION"}
   * @return this builder
   * @throws InvalidInputException if none is given or a name is not a valid status name
   * @throws IllegalStateException if already set
   */
  public TicketQueryBuilder statuses(String... names) {
    once("statuses");
    statuses = nonEmpty("statuses", names);
    statuses.forEach(n -> Status.checkName("statuses", n));
    return this;
  }

  /**
   * Matches tickets assigned to the agent.
   *
   * @param value the agent
   * @return this builder
   * @throws IllegalStateException if an assignee criterion is already set
   */
  public TicketQueryBuilder assignee(AgentId value) {
    once("assignee");
    assignee = Objects.requireNonNull(value, "assignee");
    return this;
  }

  /**
   * Matches unassigned tickets only.
   *
   * @return this builder
   * @throws IllegalStateException if an assignee criterion is already set
   */
  public TicketQueryBuilder unassigned() {
    once("assignee");
    unassigned = true;
    return this;
  }

  /**
   * Matches tickets owned by the tier.
   *
   * @param value the tier
   * @return this builder
   * @throws IllegalStateException if already set
   */
  public TicketQueryBuilder tier(SupportTier value) {
    once("tier");
    tier = Objects.requireNonNull(value, "tier");
    return this;
  }

  /**
   * Matches tickets with one of the priorities.
   *
   * @param values the priorities
   * @return this builder
   * @throws InvalidInputException if none is given
   * @throws IllegalStateException if already set
   */
  public TicketQueryBuilder priorities(Priority... values) {
    once("priorities");
    priorities = nonEmpty("priorities", values);
    return this;
  }

  /**
   * Matches tickets that arrived on one of the channels.
   *
   * @param values the channels
   * @return this builder
   * @throws InvalidInputException if none is given
   * @throws IllegalStateException if already set
   */
  public TicketQueryBuilder channels(Channel... values) {
    once("channels");
    channels = nonEmpty("channels", values);
    return this;
  }

  /**
   * Matches tickets in the category or below it.
   *
   * @param value the category
   * @return this builder
   * @throws IllegalStateException if already set
   */
  public TicketQueryBuilder category(Category value) {
    once("category");
    category = Objects.requireNonNull(value, "category");
    return this;
  }

  /**
   * Matches tickets that carry all the tags.
   *
   * @param values the tags
   * @return this builder
   * @throws InvalidInputException if none is given
   * @throws IllegalStateException if already set
   */
  public TicketQueryBuilder tags(Tag... values) {
    once("tags");
    tags = nonEmpty("tags", values);
    return this;
  }

  /**
   * Matches tickets of one requester.
   *
   * @param value the requester's id in the host system
   * @return this builder
   * @throws InvalidInputException if the id is not one a requester can have (see
   *     {@link dev.ticketkit.core.Requester})
   * @throws IllegalStateException if already set
   */
  public TicketQueryBuilder requesterId(String value) {
    Objects.requireNonNull(value, "value");
    once("requesterId");
    requesterId = REQUESTER_ID.require("requesterId", value);
    return this;
  }

  /**
   * Matches tickets created in {@code [fromInclusive, toExclusive)}.
   *
   * @param fromInclusive the first instant in the range
   * @param toExclusive the first instant after the range
   * @return this builder
   * <p>Instants outside the {@link SupportedTime} range are brought to its edges (the end to one
   * microsecond after {@link SupportedTime#MAX_INSTANT}): no ticket lies outside it, so the
   * answer is the same, and no store is asked about an instant it cannot represent.
   *
   * @throws InvalidInputException if the end is before the start
   * @throws IllegalStateException if already set
   */
  public TicketQueryBuilder createdBetween(Instant fromInclusive, Instant toExclusive) {
    Objects.requireNonNull(toExclusive, "toExclusive");
    once("created");
    Objects.requireNonNull(fromInclusive, "fromInclusive");
    Objects.requireNonNull(toExclusive, "toExclusive");
    if (toExclusive.isBefore(fromInclusive)) {
      throw new InvalidInputException("toExclusive", toExclusive, "must not be before " + fromInclusive);
    }
    createdFromInclusive = within(fromInclusive);
    createdToExclusive = within(toExclusive);
    return this;
  }

  /** Brings an instant into the supported range, the end widened by one microsecond. */
  private static Instant within(Instant instant) {
    Instant end = SupportedTime.MAX_INSTANT.plusNanos(1000);
    return instant.isBefore(SupportedTime.MIN_INSTANT) ? SupportedTime.MIN_INSTANT
        : instant.isAfter(end) ? end : instant;
  }

  /**
   * Matches tickets that have a link: with {@code INCIDENT_OF_PROBLEM} and a problem's id, the
   * problem's incidents. Stores answer it from their reverse link index.
   *
   * @param type the link type
   * @param target the linked ticket
   * @return this builder
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if already set
   */
  public TicketQueryBuilder linkedTo(LinkType type, TicketId target) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(target, "target");
    once("linkedTo");
    if (type == null || target == null) {
      throw new InvalidInputException("linkedTo", type + " " + target, "must not be null");
    }
    linkedTo = TicketLink.of(type, target);
    return this;
  }

  /**
   * Matches only problem tickets (whose {@code problem()} is set).
   *
   * @return this builder
   * @throws IllegalStateException if already set
   */
  public TicketQueryBuilder problemsOnly() {
    once("problemsOnly");
    problemsOnly = true;
    return this;
  }

  /**
   * Matches only tickets with an open handoff to another department.
   *
   * @return this builder
   * @throws IllegalStateException if already set
   */
  public TicketQueryBuilder withOpenHandoff() {
    once("withOpenHandoff");
    withOpenHandoff = true;
    return this;
  }

  /**
   * Sets the order of results.
   *
   * @param value the order
   * @return this builder
   * @throws IllegalStateException if already set
   */
  public TicketQueryBuilder order(TicketQuery.Order value) {
    once("order");
    order = Objects.requireNonNull(value, "order");
    return this;
  }

  /**
   * Sets the page size.
   *
   * @param value 1 to {@value TicketQuery#MAX_LIMIT}
   * @return this builder
   * @throws InvalidInputException if out of range
   * @throws IllegalStateException if already set
   */
  public TicketQueryBuilder limit(int value) {
    once("limit");
    limit = TicketQuery.checkLimit(value);
    return this;
  }

  /**
   * Starts the page after the cursor.
   *
   * @param value the cursor from the previous page, or null for the first page
   * @return this builder
   */
  public TicketQueryBuilder after(@Nullable PageCursor value) {
    after = value;
    return this;
  }

  /**
   * Returns the query.
   *
   * @return the query
   */
  public TicketQuery build() {
    return new TicketQuery(this);
  }
}
