package dev.ticketkit.sla.policy;

import dev.ticketkit.core.Handoff;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.store.Page;
import dev.ticketkit.core.store.PageCursor;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.calendar.BusinessCalendars;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The service levels of handoffs to other departments: a department response target (from the
 * handoff to the department's answer, in business time on a calendar, unless an answer date was
 * agreed) and a follow-up cadence ("ask the department at least twice a week and tell the
 * requester": from the handoff or its last department check to the next check).
 *
 * <p>Due instants come from the calendars' business-time arithmetic ({@link BusinessCalendar#plus}),
 * so holidays, make-up working days and lunch breaks count as for every SLA target.
 * {@link #due} lists a tenant's open handoffs, most overdue first, for a sweep or a queue; the host
 * decides whom to tell. The SLA engine keeps the same targets as durable clocks with
 * exactly-once reminders ({@link dev.ticketkit.sla.clock.SlaMetric#HANDOFF_RESPONSE},
 * {@link dev.ticketkit.sla.clock.SlaMetric#HANDOFF_FOLLOW_UP}, {@link HandoffPolicy}); this class
 * stays a stateless query. Instances are immutable and thread-safe.
 *
 * @param response the department response target, positive, in business time
 * @param responseCalendar the calendar of the response target
 * @param followUpEvery the follow-up cadence, positive
 * @param followUpCalendar the calendar of the cadence (often round the clock)
 */
public record HandoffTargets(Duration response, BusinessCalendar responseCalendar,
    Duration followUpEvery, BusinessCalendar followUpCalendar) {

  /**
   * Validates the targets.
   *
   * @throws InvalidInputException if a duration is not positive or a part is null
   */
  public HandoffTargets {
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(followUpEvery, "followUpEvery");
    positive("response", response);
    positive("followUpEvery", followUpEvery);
    Objects.requireNonNull(responseCalendar, "responseCalendar");
    Objects.requireNonNull(followUpCalendar, "followUpCalendar");
  }

  /**
   * Returns the support process's standard: an answer within one working day (7.5 working hours)
   * on the China mainland calendar, and a department check at least every 84 hours round the
   * clock (twice a week).
   *
   * @return the targets
   */
  public static HandoffTargets standard() {
    return new HandoffTargets(Duration.ofMinutes(450), BusinessCalendars.chinaMainland(),
        Duration.ofHours(84), BusinessCalendars.twentyFourSeven(ZoneId.of("Asia/Shanghai")));
  }

  /**
   * Returns when the department's answer is due: the agreed date if the handoff has one, else the
   * response target after the handoff in business time.
   *
   * @param h the handoff
   * @return the instant
   */
  public Instant responseDue(Handoff h) {
    return h.answerExpectedBy() != null ? h.answerExpectedBy()
        : responseCalendar.plus(h.openedAt(), response);
  }

  /**
   * Returns when the next department check is due: the cadence after the last check, or after the
   * handoff if there was none.
   *
   * @param h the handoff
   * @return the instant
   */
  public Instant nextCheckDue(Handoff h) {
    Instant from = h.lastCheckedAt() != null ? h.lastCheckedAt() : h.openedAt();
    return followUpCalendar.plus(from, followUpEvery);
  }

  /**
   * Returns a tenant's open handoffs with their due instants, the earliest due first.
   *
   * @param service the ticket service
   * @param tenant the tenant
   * @param now the instant to judge overdue at
   * @return the open handoffs
   * @throws NullPointerException if an argument is null
   */
  public List<HandoffDue> due(TicketService service, TenantId tenant, Instant now) {
    Objects.requireNonNull(now, "now");
    TicketQuery q = TicketQuery.builder().withOpenHandoff().limit(TicketQuery.MAX_LIMIT).build();
    List<HandoffDue> out = new ArrayList<>();
    PageCursor cursor = null;
    do {
      Page<Ticket> page = service.query(tenant, q.withAfter(cursor));
      for (Ticket t : page.items()) {
        for (Handoff h : t.handoffs()) {
          if (h.state().isOpen()) {
            out.add(new HandoffDue(t, h, responseDue(h), nextCheckDue(h), now));
          }
        }
      }
      cursor = page.next();
    } while (cursor != null);
    out.sort(Comparator.comparing(HandoffDue::firstDue));
    return out;
  }

  private static void positive(String field, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new InvalidInputException(field, d, "must be positive");
    }
  }
}
