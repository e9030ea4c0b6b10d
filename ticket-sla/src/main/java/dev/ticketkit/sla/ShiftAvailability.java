package dev.ticketkit.sla;

import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.routing.Availability;
import dev.ticketkit.sla.calendar.BusinessCalendar;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Routing's {@link Availability} from business calendars: an agent is available at an instant
 * that lies inside working time of their shift calendar (its weekly hours, holidays, make-up days
 * and date-specific hours, in its zone). Agents without a calendar of their own follow the default
 * shift, if there is one, and are otherwise never available. An instant outside the calendars'
 * supported range counts as off shift.
 *
 * <pre>{@code
 * BusinessCalendar early = BusinessCalendar.builder("early", ZoneId.of("Asia/Shanghai"))
 *     .weekdays("07:00-15:00").build();
 * Availability shifts = ShiftAvailability.of(Map.of(AgentId.of("li"), early), standard);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ShiftAvailability implements Availability {

  private final Map<AgentId, BusinessCalendar> shifts;
  private final @Nullable BusinessCalendar defaultShift;

  private ShiftAvailability(Map<AgentId, BusinessCalendar> shifts,
      @Nullable BusinessCalendar defaultShift) {
    this.shifts = shifts;
    this.defaultShift = defaultShift;
  }

  /**
   * Returns the availability of agents by their shift calendars.
   *
   * @param shifts each agent's shift calendar
   * @param defaultShift the calendar of agents not in {@code shifts}, or null if they are never
   *     available
   * @return the availability
   * @throws NullPointerException if {@code shifts} is null
   * @throws InvalidInputException if {@code shifts} holds a null
   */
  public static ShiftAvailability of(Map<AgentId, BusinessCalendar> shifts,
      @Nullable BusinessCalendar defaultShift) {
    Objects.requireNonNull(shifts, "shifts");
    try {
      return new ShiftAvailability(Map.copyOf(shifts), defaultShift);
    } catch (NullPointerException e) {
      throw new InvalidInputException("shifts", shifts, "must not hold a null agent or calendar");
    }
  }

  /**
   * Returns the availability of a team that works one shift.
   *
   * @param shift the team's calendar
   * @return the availability
   * @throws NullPointerException if the calendar is null
   */
  public static ShiftAvailability of(BusinessCalendar shift) {
    Objects.requireNonNull(shift, "shift");
    return new ShiftAvailability(Map.of(), shift);
  }

  /**
   * Returns the shift calendar an agent follows.
   *
   * @param agent the agent
   * @return the calendar, or empty if the agent has none and there is no default
   */
  public Optional<BusinessCalendar> shiftOf(AgentId agent) {
    return Optional.ofNullable(shifts.getOrDefault(agent, defaultShift));
  }

  @Override
  public boolean isAvailable(AgentId agent, Instant at) {
    BusinessCalendar shift = shifts.getOrDefault(agent, defaultShift);
    if (shift == null) {
      return false;
    }
    try {
      return shift.isWorkingTime(at);
    } catch (DateTimeException outsideRange) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "ShiftAvailability[" + shifts.size() + " agents"
        + (defaultShift == null ? "" : ", default " + defaultShift.id()) + "]";
  }
}
