package dev.ticketkit.testkit.jqwik;

import dev.ticketkit.sla.calendar.BusinessCalendar;
import java.util.Optional;
import net.jqwik.api.SampleReportingFormat;

/**
 * Reports a {@link BusinessCalendar} in a jqwik sample (a failing property's counterexample) by
 * its JSON form, which {@link BusinessCalendar#fromJson(String)} reads back, instead of its short
 * {@code toString}. Registered for every property through {@code META-INF/services}.
 *
 * <p>Stateless and thread-safe.
 */
public final class CalendarReportingFormat implements SampleReportingFormat {

  /** Creates the format; jqwik's service loader does. */
  public CalendarReportingFormat() {}

  /**
   * Tells whether the value is a business calendar.
   *
   * @param value a sample value
   * @return true for a {@link BusinessCalendar}
   */
  @Override
  public boolean appliesTo(Object value) {
    return value instanceof BusinessCalendar;
  }

  /**
   * Returns the calendar's JSON form.
   *
   * @param value a business calendar
   * @return its JSON text
   */
  @Override
  public Object report(Object value) {
    return ((BusinessCalendar) value).toJson();
  }

  /**
   * Returns the label {@code BusinessCalendar}.
   *
   * @param value a business calendar
   * @return the label
   */
  @Override
  public Optional<String> label(Object value) {
    return Optional.of("BusinessCalendar ");
  }
}
