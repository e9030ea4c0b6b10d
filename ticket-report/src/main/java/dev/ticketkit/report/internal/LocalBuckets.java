package dev.ticketkit.report.internal;

import dev.ticketkit.report.DayCount;
import dev.ticketkit.report.HourOfWeekCount;
import dev.ticketkit.report.ReportPeriod;
import dev.ticketkit.report.source.Dimension;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps quarter-hour buckets (epoch quarter hours) to local days and hours of week of a zone.
 * Stateless and thread-safe.
 */
final class LocalBuckets {

  private LocalBuckets() {}

  /** Every local day of the period, with the counts that fell on it. */
  static List<DayCount> byDay(Map<String, Long> quarterHours, ReportPeriod period) {
    Map<LocalDate, Long> days = new TreeMap<>();
    LocalDate first = period.startInclusive().atZone(period.zone()).toLocalDate();
    LocalDate last = period.endExclusive().minusNanos(1).atZone(period.zone()).toLocalDate();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      days.put(d, 0L);
    }
    quarterHours.forEach((k, v) -> days.merge(local(k, period).toLocalDate(), v, Long::sum));
    List<DayCount> out = new ArrayList<>();
    days.forEach((d, v) -> out.add(new DayCount(d, v)));
    return out;
  }

  /** All 168 hours of the week, with the counts that fell in each. */
  static List<HourOfWeekCount> byHourOfWeek(Map<String, Long> quarterHours, ReportPeriod period) {
    long[] hours = new long[168];
    quarterHours.forEach((k, v) -> {
      ZonedDateTime t = local(k, period);
      hours[(t.getDayOfWeek().getValue() - 1) * 24 + t.getHour()] += v;
    });
    List<HourOfWeekCount> out = new ArrayList<>(168);
    for (int i = 0; i < 168; i++) {
      out.add(new HourOfWeekCount(DayOfWeek.of(i / 24 + 1), i % 24, hours[i]));
    }
    return out;
  }

  private static ZonedDateTime local(String quarterHour, ReportPeriod period) {
    long millis = Long.parseLong(quarterHour) * Dimension.QUARTER_HOUR_MILLIS;
    return Instant.ofEpochMilli(millis).atZone(period.zone());
  }
}
