package dev.ticketkit.core;

import dev.ticketkit.core.store.FollowUpQuery;
import dev.ticketkit.core.store.TicketQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The follow-up ledger: per agent (or per tier's team), every open ticket (NEW, OPEN or PENDING)
 * with its last public update to the requester, last department check, next follow-up due,
 * overdue flag and age, most urgent first (the requester updated longest ago, then by number).
 *
 * <p>Pages are keyset-paged by {@link FollowUpCursor} and read by
 * {@link dev.ticketkit.core.store.TicketStore#followUps}, which database stores serve from one
 * index range. The next update is due the cadence after the last one (the support process asks
 * for an update at least twice a week: 84 hours); the ledger's instant is the service's clock.
 * Thread-safe if the service is.
 */
public final class FollowUpLedger {

  private final TicketService service;
  private final Duration cadence;

  private FollowUpLedger(TicketService service, Duration cadence) {
    this.service = service;
    this.cadence = cadence;
  }

  /**
   * Returns the ledger of a service.
   *
   * @param service the service
   * @param cadence how long after an update the next one is due, positive
   * @return the ledger
   * @throws NullPointerException if an argument is null
   * @throws InvalidInputException if the cadence not positive
   */
  public static FollowUpLedger of(TicketService service, Duration cadence) {
    Texts.notNull("cadence", cadence);
    if (cadence.isZero() || cadence.isNegative()) {
      throw new InvalidInputException("cadence", cadence, "must be positive");
    }
    return new FollowUpLedger(Texts.notNull("service", service), cadence);
  }

  /**
   * Returns a page of an agent's ledger.
   *
   * @param tenant the tenant
   * @param agent the agent (the tickets' assignee)
   * @param limit the page size, 1 to {@value TicketQuery#MAX_LIMIT}
   * @param after the previous page's cursor, or null for the first page
   * @return the page
   * @throws InvalidInputException if an argument is null or the limit out of range
   */
  public FollowUpPage forAgent(TenantId tenant, AgentId agent, int limit,
      @Nullable FollowUpCursor after) {
    Objects.requireNonNull(tenant, "tenant");
    return page(tenant, FollowUpQuery.ofAgent(Texts.notNull("agent", agent), checked(limit) + 1),
        after);
  }

  /**
   * Returns a page of a tier's ledger (its team's open tickets, assigned or not).
   *
   * @param tenant the tenant
   * @param tier the tier
   * @param limit the page size, 1 to {@value TicketQuery#MAX_LIMIT}
   * @param after the previous page's cursor, or null for the first page
   * @return the page
   * @throws InvalidInputException if an argument is null or the limit out of range
   */
  public FollowUpPage forTier(TenantId tenant, SupportTier tier, int limit,
      @Nullable FollowUpCursor after) {
    Objects.requireNonNull(tenant, "tenant");
    return page(tenant, FollowUpQuery.ofTier(Texts.notNull("tier", tier), checked(limit) + 1),
        after);
  }

  /**
   * Counts the follow-ups done and due per week on the tickets now assigned to an agent, from
   * their histories: a public reply by the team is a follow-up done; a deadline (the cadence after
   * the last update, repeated while none comes) is due in the week it falls in, if the ticket is
   * open (NEW, OPEN or PENDING) then. Deadlines after the clock's instant are not counted. Reads
   * each ticket's history: meant for a monthly report, not for a hot path.
   *
   * @param tenant the tenant
   * @param agent the agent
   * @param fromInclusive the first week's start
   * @param weeks how many weeks, 1 to 53
   * @return one row per week, in order
   * @throws NullPointerException if an argument is null
   * @throws InvalidInputException if the weeks out of range
   */
  public List<WeeklyFollowUps> weekly(TenantId tenant, AgentId agent, Instant fromInclusive,
      int weeks) {
    Objects.requireNonNull(tenant, "tenant");
    Texts.notNull("agent", agent);
    Texts.notNull("fromInclusive", fromInclusive);
    if (weeks < 1 || weeks > 53) {
      throw new InvalidInputException("weeks", weeks, "must be 1 to 53");
    }
    long[] done = new long[weeks];
    long[] due = new long[weeks];
    Instant end = fromInclusive.plus(Duration.ofDays(7L * weeks));
    Instant now = service.clock().instant();
    Instant limit = now.isBefore(end) ? now : end;
    TicketQuery q = TicketQuery.builder().assignee(agent).limit(TicketQuery.MAX_LIMIT).build();
    dev.ticketkit.core.store.PageCursor cursor = null;
    do {
      dev.ticketkit.core.store.Page<Ticket> page = service.query(tenant, q.withAfter(cursor));
      for (Ticket t : page.items()) {
        walk(service.history(tenant, t.id()), fromInclusive, limit, done, due);
      }
      cursor = page.next();
    } while (cursor != null);
    List<WeeklyFollowUps> out = new ArrayList<>(weeks);
    for (int w = 0; w < weeks; w++) {
      out.add(new WeeklyFollowUps(fromInclusive.plus(Duration.ofDays(7L * w)), done[w], due[w]));
    }
    return out;
  }

  /** Replays one ticket's history into the weekly counts. */
  private void walk(List<HistoryEntry> history, Instant from, Instant limit, long[] done,
      long[] due) {
    Instant next = history.get(0).at().plus(cadence);
    boolean active = true;
    for (HistoryEntry e : history) {
      next = countDue(next, active, e.at(), from, due);
      if (TicketField.CONVERSATION.equals(e.field()) && Visibility.PUBLIC.name().equals(e.after())
          && e.actor().kind() != ActorKind.REQUESTER) {
        bump(done, from, e.at());
        next = e.at().plus(cadence);
      } else if (TicketField.STATUS.equals(e.field()) && e.after() != null) {
        boolean nowActive = Status.parse(e.after()).category().isActive();
        if (nowActive && !active) {
          next = e.at().plus(cadence);
        }
        active = nowActive;
      }
    }
    countDue(next, active, limit, from, due);
  }

  /** Counts the deadlines from {@code next} before {@code until}; returns the next one after. */
  private Instant countDue(Instant next, boolean active, Instant until, Instant from,
      long[] due) {
    while (active && next.isBefore(until)) {
      bump(due, from, next);
      next = next.plus(cadence);
    }
    return next;
  }

  private static void bump(long[] weeks, Instant from, Instant at) {
    if (!at.isBefore(from)) {
      long w = Duration.between(from, at).toDays() / 7;
      if (w < weeks.length) {
        weeks[(int) w]++;
      }
    }
  }

  private FollowUpPage page(TenantId tenant, FollowUpQuery query, @Nullable FollowUpCursor after) {
    Texts.notNull("tenant", tenant);
    FollowUpQuery q = after == null ? query : query.after(after.requesterUpdatedAt(),
        after.number());
    List<Ticket> rows = service.store().followUps(tenant, q);
    Instant now = service.clock().instant();
    int limit = query.limit() - 1;
    List<FollowUp> items = new ArrayList<>();
    for (Ticket t : rows.subList(0, Math.min(limit, rows.size()))) {
      items.add(line(t, now));
    }
    FollowUpCursor next = rows.size() <= limit ? null : new FollowUpCursor(
        rows.get(limit - 1).requesterUpdatedAt(), rows.get(limit - 1).number());
    return new FollowUpPage(items, next);
  }

  private FollowUp line(Ticket t, Instant now) {
    Instant due = t.requesterUpdatedAt().plus(cadence);
    Instant checked = null;
    for (Handoff h : t.handoffs()) {
      if (h.lastCheckedAt() != null && (checked == null || h.lastCheckedAt().isAfter(checked))) {
        checked = h.lastCheckedAt();
      }
    }
    Duration age = now.isAfter(t.createdAt()) ? Duration.between(t.createdAt(), now)
        : Duration.ZERO;
    return new FollowUp(t, t.requesterUpdatedAt(), checked, due, !due.isAfter(now), age);
  }

  private static int checked(int limit) {
    if (limit < 1 || limit > TicketQuery.MAX_LIMIT) {
      throw new InvalidInputException("limit", limit, "must be 1 to " + TicketQuery.MAX_LIMIT);
    }
    return limit;
  }
}
