package dev.ticketkit.sla.internal;

import dev.ticketkit.core.ActorKind;
import dev.ticketkit.core.StatusCategory;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.Handoff;
import dev.ticketkit.core.event.HandoffChecked;
import dev.ticketkit.core.event.HandoffClosed;
import dev.ticketkit.core.event.HandoffOpened;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.event.TicketOpened;
import dev.ticketkit.core.event.TicketReopened;
import dev.ticketkit.core.event.TicketReplied;
import dev.ticketkit.core.event.TicketStatusChanged;
import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.ClockTarget;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.policy.SlaPolicy;
import dev.ticketkit.sla.policy.SlaCalendars;
import dev.ticketkit.sla.policy.TargetChoice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Applies the events of one stored ticket change to the ticket's clocks. One instance per change;
 * not thread-safe.
 *
 * <p>The rules, in event order: intake starts ACCEPTANCE (if the status is NEW-category),
 * FIRST_RESPONSE, PERIODIC_UPDATE #1 and RESOLUTION for the ticket's cycle; entering PENDING
 * pauses every running clock and leaving it resumes them; the first move out of NEW meets
 * ACCEPTANCE; entering RESOLVED meets RESOLUTION and cancels the other open clocks; entering
 * CLOSED cancels every open clock; a reopen starts RESOLUTION for the new cycle and a new
 * PERIODIC_UPDATE; an agent's public reply meets FIRST_RESPONSE, NEXT_RESPONSE and
 * PERIODIC_UPDATE and starts the next PERIODIC_UPDATE; a requester's public reply starts a
 * NEXT_RESPONSE unless a FIRST_RESPONSE or NEXT_RESPONSE is open. New clocks start paused when the
 * ticket ends the change in a PENDING status, and none start when it ends inactive. A change that
 * may alter the policy match or the target (priority, category, tags, custom fields) retargets
 * every open clock by {@link ClockMath#retarget}.
 *
 * <p>Handoffs to other departments have clocks of their own, which only handoff events and the
 * end of the ticket's active work move: opening a handoff starts its HANDOFF_RESPONSE clock (on
 * the department's calendar if the policy gives one; until the agreed answer instant, in elapsed
 * time, if one was agreed) and its first HANDOFF_FOLLOW_UP period; a department check meets the
 * running period and starts the next; answering or returning the handoff meets both. They do not
 * pause while the ticket waits on the requester (the department does not), agent replies leave
 * them alone, and entering RESOLVED or CLOSED cancels them with the rest.
 */
public final class ClockMachine {

  private final Ticket ticket;
  private final @Nullable SlaPolicy policy;
  private final Calendars calendars;
  private final Map<ClockKey, SlaClock> clocks = new LinkedHashMap<>();
  private final Set<ClockKey> changed = new LinkedHashSet<>();

  /**
   * Creates a machine for one change.
   *
   * @param ticket the ticket after the change
   * @param policy the policy the ticket matches after the change, or null
   * @param calendars resolves calendar ids
   * @param existing the ticket's clocks before the change
   */
  public ClockMachine(Ticket ticket, @Nullable SlaPolicy policy, Calendars calendars,
      List<SlaClock> existing) {
    this.ticket = ticket;
    this.policy = policy;
    this.calendars = calendars;
    for (SlaClock c : existing) {
      clocks.put(c.key(), c);
    }
  }

  /**
   * Applies the change's events.
   *
   * @param events the events, in order
   * @return the clocks that changed or started, in the order they were first touched
   */
  public List<SlaClock> apply(List<TicketEvent> events) {
    boolean retarget = false;
    Instant at = null;
    for (TicketEvent e : events) {
      at = e.at();
      if (e instanceof TicketOpened o) {
        opened(o);
      } else if (e instanceof TicketStatusChanged s) {
        status(s);
      } else if (e instanceof TicketReopened r) {
        reopened(r);
      } else if (e instanceof TicketReplied r) {
        replied(r);
      } else if (e instanceof HandoffOpened h) {
        handoffOpened(h.handoff(), h.at());
      } else if (e instanceof HandoffChecked h) {
        handoffChecked(h.handoff(), h.at());
      } else if (e instanceof HandoffClosed h) {
        handoffClosed(h.handoff(), h.at());
      } else {
        retarget |= Retargeting.mayRetarget(e);
      }
    }
    if (retarget && at != null) {
      retargetAll(at);
    }
    List<SlaClock> out = new ArrayList<>(changed.size());
    changed.forEach(k -> out.add(clocks.get(k)));
    return out;
  }

  private void opened(TicketOpened o) {
    if (o.status().category() == StatusCategory.NEW) {
      start(SlaMetric.ACCEPTANCE, 1, o.at());
    }
    start(SlaMetric.FIRST_RESPONSE, 1, o.at());
    start(SlaMetric.PERIODIC_UPDATE, nextCycle(SlaMetric.PERIODIC_UPDATE), o.at());
    start(SlaMetric.RESOLUTION, o.cycle(), o.at());
  }

  private void status(TicketStatusChanged s) {
    StatusCategory from = s.from().category();
    StatusCategory to = s.to().category();
    Instant at = s.at();
    if (from == to) {
      return;
    }
    if (from == StatusCategory.PENDING) {
      update(c -> !c.key().metric().isHandoff(), c -> ClockMath.resume(c, cal(c), at));
    }
    if (from == StatusCategory.NEW) {
      boolean met = to != StatusCategory.CLOSED;
      update(c -> c.key().metric() == SlaMetric.ACCEPTANCE, c -> ClockMath.stop(c, cal(c), at, met));
    }
    if (to == StatusCategory.PENDING) {
      update(c -> !c.key().metric().isHandoff(), c -> ClockMath.pause(c, cal(c), at));
    } else if (to == StatusCategory.RESOLVED) {
      update(c -> true,
          c -> ClockMath.stop(c, cal(c), at, c.key().metric() == SlaMetric.RESOLUTION));
    } else if (to == StatusCategory.CLOSED) {
      update(c -> true, c -> ClockMath.stop(c, cal(c), at, false));
    }
  }

  private void reopened(TicketReopened r) {
    start(SlaMetric.RESOLUTION, r.cycle(), r.at());
    start(SlaMetric.PERIODIC_UPDATE, nextCycle(SlaMetric.PERIODIC_UPDATE), r.at());
  }

  private void replied(TicketReplied r) {
    Instant at = r.at();
    if (r.actor().kind() == ActorKind.AGENT) {
      boolean hadUpdateClock = hasOpen(SlaMetric.PERIODIC_UPDATE);
      update(c -> c.key().metric() != SlaMetric.ACCEPTANCE
          && c.key().metric() != SlaMetric.RESOLUTION && !c.key().metric().isHandoff(),
          c -> ClockMath.stop(c, cal(c), at, true));
      if (hadUpdateClock) {
        start(SlaMetric.PERIODIC_UPDATE, nextCycle(SlaMetric.PERIODIC_UPDATE), at);
      }
    } else if (r.actor().kind() == ActorKind.REQUESTER && !hasOpen(SlaMetric.FIRST_RESPONSE)
        && !hasOpen(SlaMetric.NEXT_RESPONSE)) {
      start(SlaMetric.NEXT_RESPONSE, nextCycle(SlaMetric.NEXT_RESPONSE), at);
    }
  }

  private void retargetAll(Instant at) {
    for (SlaClock c : List.copyOf(clocks.values())) {
      if (c.isOpen() && policy != null && !c.key().metric().isHandoff()) {
        Optional<TargetChoice> choice = policy.target(
            c.key().metric(), ticket.priority(), c.startedAt(), calendars.policies());
        choice.ifPresent(ch -> put(ClockMath.retarget(c, cal(c), ch.target(), ch.calendar(), at)));
      }
    }
  }

  private void handoffOpened(Handoff h, Instant at) {
    if (policy == null || !ticket.status().category().isActive()) {
      return;
    }
    ClockKey key = ClockKey.of(ticket.tenant(), ticket.id(), SlaMetric.HANDOFF_RESPONSE, h.seq());
    if (!clocks.containsKey(key)) {
      responseTarget(h, at).ifPresent(ch -> put(ClockMath.start(key, ticket.cycle(), ch.target(),
          ch.calendar(), at, false)));
    }
    startFollowUp(h, 1, at);
  }

  private void handoffChecked(Handoff h, Instant at) {
    int period = 0;
    for (SlaClock c : List.copyOf(clocks.values())) {
      if (c.key().metric() == SlaMetric.HANDOFF_FOLLOW_UP && c.key().handoff() == h.seq()) {
        period = Math.max(period, c.key().cycle() % 1000);
      }
    }
    if (period == 0 || period >= SlaMetric.HANDOFF_PERIODS) {
      return;
    }
    stopHandoff(h, SlaMetric.HANDOFF_FOLLOW_UP, at);
    startFollowUp(h, period + 1, at);
  }

  private void handoffClosed(Handoff h, Instant at) {
    stopHandoff(h, SlaMetric.HANDOFF_RESPONSE, at);
    stopHandoff(h, SlaMetric.HANDOFF_FOLLOW_UP, at);
  }

  private void stopHandoff(Handoff h, SlaMetric metric, Instant at) {
    update(c -> c.key().metric() == metric && c.key().handoff() == h.seq(),
        c -> ClockMath.stop(c, cal(c), at, true));
  }

  private void startFollowUp(Handoff h, int period, Instant at) {
    if (policy == null || !ticket.status().category().isActive()) {
      return;
    }
    ClockKey key = ClockKey.of(ticket.tenant(), ticket.id(), SlaMetric.HANDOFF_FOLLOW_UP,
        SlaMetric.handoffFollowUpCycle(h.seq(), period));
    if (clocks.containsKey(key)) {
      return;
    }
    policy.target(SlaMetric.HANDOFF_FOLLOW_UP, ticket.priority(), at, calendars.policies())
        .ifPresent(ch -> put(ClockMath.start(key, ticket.cycle(),
            described(ch.target(), h), ch.calendar(), at, false)));
  }

  /**
   * The department response target: until the agreed answer instant in elapsed time if one was
   * agreed, else the policy's target, on the department's calendar if the policy gives one.
   */
  private Optional<TargetChoice> responseTarget(Handoff h, Instant at) {
    SlaPolicy p = java.util.Objects.requireNonNull(policy);
    SlaCalendars cals = calendars.policies();
    Instant agreed = h.answerExpectedBy();
    if (agreed != null && agreed.isAfter(at)) {
      ClockTarget t = new ClockTarget(p.id(), ticket.priority(), SlaCalendars.TWENTY_FOUR_SEVEN,
          Duration.between(at, agreed), "handoff " + h.seq() + " to " + h.department()
          + ": the answer agreed by " + agreed);
      return Optional.of(new TargetChoice(t, cals.get(SlaCalendars.TWENTY_FOUR_SEVEN)));
    }
    return p.target(SlaMetric.HANDOFF_RESPONSE, ticket.priority(), at, cals).map(ch -> {
      String own = p.handoffs().calendarOf(h.department()).orElse(null);
      ClockTarget t = described(ch.target(), h);
      if (own == null) {
        return new TargetChoice(t, ch.calendar());
      }
      return new TargetChoice(new ClockTarget(t.policyId(), t.priority(), own, t.target(),
          t.reason() + "; department calendar " + own), cals.get(own));
    });
  }

  private static ClockTarget described(ClockTarget t, Handoff h) {
    return new ClockTarget(t.policyId(), t.priority(), t.calendarId(), t.target(),
        "handoff " + h.seq() + " to " + h.department() + ": " + t.reason());
  }

  private void start(SlaMetric metric, int cycle, Instant at) {
    StatusCategory now = ticket.status().category();
    if (policy == null || !now.isActive()) {
      return;
    }
    ClockKey key = ClockKey.of(ticket.tenant(), ticket.id(), metric, cycle);
    if (clocks.containsKey(key)) {
      return;
    }
    policy.target(metric, ticket.priority(), at, calendars.policies()).ifPresent(ch ->
        put(ClockMath.start(key, ticket.cycle(), ch.target(), ch.calendar(), at,
            now == StatusCategory.PENDING)));
  }

  private void update(java.util.function.Predicate<SlaClock> which, UnaryOperator<SlaClock> op) {
    for (Map.Entry<ClockKey, SlaClock> e : clocks.entrySet()) {
      SlaClock c = e.getValue();
      if (c.isOpen() && which.test(c)) {
        SlaClock next = op.apply(c);
        if (next != c && !next.equals(c)) {
          e.setValue(next);
          changed.add(next.key());
        }
      }
    }
  }

  private void put(SlaClock c) {
    SlaClock old = clocks.put(c.key(), c);
    if (!c.equals(old)) {
      changed.add(c.key());
    }
  }

  private boolean hasOpen(SlaMetric metric) {
    for (SlaClock c : clocks.values()) {
      if (c.key().metric() == metric && c.isOpen()) {
        return true;
      }
    }
    return false;
  }

  private int nextCycle(SlaMetric metric) {
    int max = 0;
    for (ClockKey k : clocks.keySet()) {
      if (k.metric() == metric) {
        max = Math.max(max, k.cycle());
      }
    }
    return max + 1;
  }

  private BusinessCalendar cal(SlaClock c) {
    return calendars.of(c);
  }
}
