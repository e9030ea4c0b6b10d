/**
 * Business calendars and exact business-time arithmetic: working hours per weekday with breaks,
 * holidays, make-up working days and date-specific hours, in any time zone, with stated DST rules.
 *
 * <p>Start from {@link dev.ticketkit.sla.calendar.BusinessCalendar}. This package depends only on the
 * JDK and Jackson (for the JSON form), so it can be used without the rest of TicketKit. Bad input
 * raises {@link dev.ticketkit.sla.calendar.CalendarFormatException}; instants and dates outside
 * 1970..2100 raise {@link java.time.DateTimeException}.
 *
 * <pre>{@code
 * BusinessCalendar cn = BusinessCalendars.chinaMainland();        // Asia/Shanghai, 2025-2026 holidays
 * Instant due = cn.plus(receivedAt, Duration.ofHours(4));         // 4 working hours later
 * Duration spent = cn.between(receivedAt, resolvedAt);            // working time in between
 * LocalDate reviewBy = cn.plusWorkingDays(LocalDate.of(2026, 2, 13), 3);
 *
 * BusinessCalendar support = BusinessCalendar.builder("eu-support", ZoneId.of("Europe/London"))
 *         .weekdays("08:00-12:30", "13:30-17:00")
 *         .holidays(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28))
 *         .workingDay(LocalDate.of(2026, 12, 24), "08:00-12:00")      // a short day
 *         .build();
 * BusinessCalendar fromFile = BusinessCalendar.fromJson(Files.newInputStream(path));
 * }</pre>
 *
 * <p>Everything here is not-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.ticketkit.sla.calendar;

import org.jspecify.annotations.NullMarked;
