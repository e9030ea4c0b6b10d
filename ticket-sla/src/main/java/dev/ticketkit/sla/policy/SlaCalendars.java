package dev.ticketkit.sla.policy;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.calendar.BusinessCalendars;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The business calendars SLA targets can name, by id. The id {@value #TWENTY_FOUR_SEVEN} always
 * names round-the-clock time (UTC for its date methods).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SlaCalendars {

  /** The id of elapsed, round-the-clock time. */
  public static final String TWENTY_FOUR_SEVEN = "24x7";

  private static final BusinessCalendar ALWAYS = BusinessCalendars.twentyFourSeven(ZoneOffset.UTC);

  private final Map<String, BusinessCalendar> byId;

  private SlaCalendars(Map<String, BusinessCalendar> byId) {
    this.byId = Collections.unmodifiableMap(byId);
  }

  /**
   * Returns a registry of the given calendars, under their ids, plus {@value #TWENTY_FOUR_SEVEN}.
   *
   * @param calendars the calendars
   * @return the registry
   * @throws InvalidInputException if two calendars share an id, or one is called
   *     {@value #TWENTY_FOUR_SEVEN}
   */
  public static SlaCalendars of(BusinessCalendar... calendars) {
    Map<String, BusinessCalendar> map = new LinkedHashMap<>();
    map.put(TWENTY_FOUR_SEVEN, ALWAYS);
    for (BusinessCalendar c : calendars) {
      Objects.requireNonNull(c, "calendar");
      if (map.putIfAbsent(c.id(), c) != null) {
        throw new InvalidInputException("calendars", c.id(), "is given twice or is reserved");
      }
    }
    return new SlaCalendars(map);
  }

  /**
   * Returns {@value #TWENTY_FOUR_SEVEN} and {@code cn-mainland}
   * ({@link BusinessCalendars#chinaMainland()}).
   *
   * @return the registry
   */
  public static SlaCalendars standard() {
    return of(BusinessCalendars.chinaMainland());
  }

  /**
   * Returns a calendar.
   *
   * @param id the id
   * @return the calendar, or empty
   */
  public Optional<BusinessCalendar> find(String id) {
    return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
  }

  /**
   * Returns a calendar that must exist.
   *
   * @param id the id
   * @return the calendar
   * @throws InvalidInputException if there is no calendar with that id
   */
  public BusinessCalendar get(String id) {
    BusinessCalendar c = byId.get(Objects.requireNonNull(id, "id"));
    if (c == null) {
      throw new InvalidInputException("calendar", id, "is not one of " + byId.keySet());
    }
    return c;
  }

  /**
   * Returns the ids.
   *
   * @return the ids in registration order, {@value #TWENTY_FOUR_SEVEN} first
   */
  public Set<String> ids() {
    return byId.keySet();
  }
}
