package dev.ticketkit.sla.internal;

import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.policy.SlaCalendars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the calendar of a clock's target; a clock whose calendar is no longer registered is
 * counted round the clock, with a warning, so that SLA bookkeeping never blocks ticket work.
 * Immutable and thread-safe.
 *
 * @param policies the registry
 */
public record Calendars(SlaCalendars policies) {

  private static final Logger LOG = LoggerFactory.getLogger(Calendars.class);

  /**
   * Returns the calendar of a clock.
   *
   * @param c the clock
   * @return its calendar, or 24x7 if unknown
   */
  public BusinessCalendar of(SlaClock c) {
    BusinessCalendar cal = policies.find(c.target().calendarId()).orElse(null);
    if (cal != null) {
      return cal;
    }
    LOG.warn("SLA clock {} names unknown calendar {}; counting 24x7", c.key(),
        c.target().calendarId());
    return policies.get(SlaCalendars.TWENTY_FOUR_SEVEN);
  }
}
