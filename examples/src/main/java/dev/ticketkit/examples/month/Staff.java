package dev.ticketkit.examples.month;

import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.SupportTier;
import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.calendar.BusinessCalendarBuilder;
import dev.ticketkit.sla.calendar.BusinessCalendars;
import dev.ticketkit.sla.calendar.HolidaySet;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The support team: 12 agents in tiers L1 to L3, each on a shift calendar built from the mainland
 * China statutory holidays and make-up working days ({@link BusinessCalendars#chinaStatutoryHolidays}).
 * L1 covers weekdays in an early and a late shift, one L1 agent covers weekends and public
 * holidays; L2 and L3 work office hours. An agent does one thing at a time: {@link #book} finds
 * the agent of a tier who can start soonest and keeps them busy for the handling time.
 * Not thread-safe (the simulation is single-threaded).
 */
final class Staff {

  /** One agent. */
  static final class Agent {
    final AgentId id;
    final SupportTier tier;
    final BusinessCalendar shift;
    Instant freeAt = Instant.EPOCH;
    int actions;

    Agent(String id, int tier, BusinessCalendar shift) {
      this.id = AgentId.of(id);
      this.tier = SupportTier.of(tier);
      this.shift = shift;
    }

    /** Returns the first instant at or after {@code at} when this agent is on shift and free. */
    Instant startAt(Instant at) {
      Instant t = at.isBefore(freeAt) ? freeAt : at;
      return shift.isWorkingTime(t) ? t : shift.nextWorkingTime(t);
    }
  }

  /**
   * A booking: who does it and when the action happens.
   *
   * @param agent the agent
   * @param at when the action is done (start plus handling time)
   */
  record Booking(Agent agent, Instant at) {}

  private final List<Agent> agents;
  private final Map<AgentId, Agent> byId = new TreeMap<>();

  Staff(ZoneId zone, LocalDate from, LocalDate to) {
    HolidaySet cn = BusinessCalendars.chinaStatutoryHolidays();
    BusinessCalendar early = weekdays("l1-early", zone, cn, "08:00-12:00", "13:00-17:00");
    BusinessCalendar late = weekdays("l1-late", zone, cn, "12:30-17:30", "18:00-22:00");
    BusinessCalendar duty = duty(zone, cn, from, to);
    BusinessCalendar office = BusinessCalendars.chinaMainland();
    agents = List.of(
        new Agent("l1-zhao", 1, early), new Agent("l1-qian", 1, early),
        new Agent("l1-sun", 1, early), new Agent("l1-li", 1, late),
        new Agent("l1-zhou", 1, late), new Agent("l1-wu", 1, duty),
        new Agent("l2-zheng", 2, office), new Agent("l2-wang", 2, office),
        new Agent("l2-feng", 2, office), new Agent("l2-chen", 2, office),
        new Agent("l3-chu", 3, office), new Agent("l3-wei", 3, office));
    agents.forEach(a -> byId.put(a.id, a));
  }

  List<Agent> all() {
    return agents;
  }

  Optional<Agent> byId(AgentId id) {
    return Optional.ofNullable(id == null ? null : byId.get(id));
  }

  /**
   * Books the agent of a tier (or above, if the tier has nobody) who can start soonest.
   *
   * @param tier the tier
   * @param at the earliest start
   * @param handling how long the action takes
   * @return the booking
   */
  Booking book(SupportTier tier, Instant at, Duration handling) {
    return book(pick(tier, at), at, handling);
  }

  /**
   * Returns the agent of a tier who can start soonest, without booking them.
   *
   * @param tier the tier (above L3 counts as L3)
   * @param at the earliest start
   * @return the agent
   */
  Agent pick(SupportTier tier, Instant at) {
    Agent best = null;
    Instant bestStart = null;
    for (Agent a : agents) {
      if (a.tier.level() == Math.min(tier.level(), 3)) {
        Instant s = a.startAt(at);
        if (bestStart == null || s.isBefore(bestStart)) {
          best = a;
          bestStart = s;
        }
      }
    }
    return best;
  }

  /**
   * Books one agent.
   *
   * @param agent the agent
   * @param at the earliest start
   * @param handling how long the action takes
   * @return the booking
   */
  Booking book(Agent agent, Instant at, Duration handling) {
    Instant start = agent.startAt(at);
    Instant done = start.plus(handling);
    agent.freeAt = done;
    agent.actions++;
    return new Booking(agent, done);
  }

  /**
   * Books an appointment: work the agent does at a later time (a resolution after hours of
   * investigation, a follow-up in three days). It waits for the agent's shift but does not keep
   * the agent from the work that comes before it.
   *
   * @param agent the agent
   * @param at when it is due
   * @param handling how long it takes
   * @return the booking
   */
  Booking appointment(Agent agent, Instant at, Duration handling) {
    Instant start = agent.shift.isWorkingTime(at) ? at : agent.shift.nextWorkingTime(at);
    agent.actions++;
    return new Booking(agent, start.plus(handling));
  }

  private static BusinessCalendar weekdays(String id, ZoneId zone, HolidaySet cn,
      String... hours) {
    return BusinessCalendar.builder(id, zone).weekdays(hours).holidaySet(cn)
        .makeUpDayHours(hours).build();
  }

  /** Weekends and public holidays 09:00-21:00, except make-up working days (the office works). */
  private static BusinessCalendar duty(ZoneId zone, HolidaySet cn, LocalDate from, LocalDate to) {
    BusinessCalendarBuilder b = BusinessCalendar.builder("l1-duty", zone)
        .weekly(DayOfWeek.SATURDAY, "09:00-21:00").weekly(DayOfWeek.SUNDAY, "09:00-21:00");
    List<LocalDate> extra = new ArrayList<>();
    for (LocalDate d = from.minusDays(7); !d.isAfter(to.plusDays(30)); d = d.plusDays(1)) {
      if (cn.holidays().contains(d)) {
        b.workingDay(d, "09:00-21:00");
      } else if (d.getDayOfWeek().getValue() >= 6 && BusinessCalendars.chinaMainland()
          .isWorkingDay(d)) {
        extra.add(d); // a make-up working day: the weekday shifts work, duty is off
      }
    }
    b.holidays(extra.toArray(LocalDate[]::new));
    return b.build();
  }
}
