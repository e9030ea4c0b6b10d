package dev.ticketkit.sla.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Which local dates of a {@link Schedule} are working days, as one bit set per local year compiled
 * lazily, so that counting and stepping over working days is a popcount per year rather than a walk
 * over days. Thread-safe without locks, in the same way as {@link Timeline}.
 */
final class WorkingDayIndex {

  private static final int YEARS = Timeline.LAST_YEAR - Timeline.FIRST_YEAR + 1;

  private final Schedule schedule;
  private final AtomicReferenceArray<DayYear> years = new AtomicReferenceArray<>(YEARS);

  WorkingDayIndex(Schedule schedule) {
    this.schedule = schedule;
  }

  private DayYear year(int year) {
    if (year < Timeline.FIRST_YEAR || year > Timeline.LAST_YEAR) {
      throw new DateTimeException("no such working day within the supported range "
          + Schedule.FIRST_DATE + ".." + Schedule.LAST_DATE + " in calendar " + schedule.id);
    }
    int index = year - Timeline.FIRST_YEAR;
    DayYear days = years.getAcquire(index);
    if (days == null) {
      years.compareAndSet(index, null, DayYear.compile(schedule, year));
      days = years.get(index);
    }
    return days;
  }

  private static LocalDate checked(LocalDate date, String name) {
    if (date.isBefore(Schedule.FIRST_DATE) || date.isAfter(Schedule.LAST_DATE)) {
      throw new DateTimeException(name + " " + date + " is outside the supported range "
          + Schedule.FIRST_DATE + ".." + Schedule.LAST_DATE);
    }
    return date;
  }

  boolean isWorkingDay(LocalDate date) {
    checked(date, "date");
    return year(date.getYear()).isWorking(date.getDayOfYear() - 1);
  }

  LocalDate plusWorkingDays(LocalDate date, int days) {
    checked(date, "date");
    int year = date.getYear();
    DayYear dayYear = year(year);
    if (days == 0) {
      return date;
    }
    if (days > 0) {
      long rank = dayYear.countBefore(date.getDayOfYear()) + (long) days;
      while (rank > dayYear.count) {
        rank -= dayYear.count;
        dayYear = year(++year);
      }
      return LocalDate.ofYearDay(year, dayYear.select((int) rank) + 1);
    }
    long rank = dayYear.countBefore(date.getDayOfYear() - 1) + (long) days + 1;
    while (rank <= 0) {
      dayYear = year(--year);
      rank += dayYear.count;
    }
    return LocalDate.ofYearDay(year, dayYear.select((int) rank) + 1);
  }

  int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
    checked(fromExclusive, "fromExclusive");
    checked(toInclusive, "toInclusive");
    if (toInclusive.isBefore(fromExclusive)) {
      return -count(toInclusive, fromExclusive, 0);
    }
    return count(fromExclusive, toInclusive, 1);
  }

  /**
   * Counts working days in {@code (from, to]} when {@code shift} is 1, or {@code [from, to)} when it
   * is 0, for {@code from <= to}.
   */
  private int count(LocalDate from, LocalDate to, int shift) {
    int sum = 0;
    for (int year = from.getYear(); year < to.getYear(); year++) {
      sum += year(year).count;
    }
    int fromDays = year(from.getYear()).countBefore(from.getDayOfYear() - 1 + shift);
    return sum - fromDays + year(to.getYear()).countBefore(to.getDayOfYear() - 1 + shift);
  }

  /** The working days of one local year as bits, bit {@code i} for day of year {@code i + 1}. Immutable. */
  private static final class DayYear {

    private final long[] bits;
    final int count;

    private DayYear(long[] bits) {
      this.bits = bits;
      int sum = 0;
      for (long word : bits) {
        sum += Long.bitCount(word);
      }
      this.count = sum;
    }

    static DayYear compile(Schedule schedule, int year) {
      long[] bits = new long[6];
      LocalDate date = LocalDate.of(year, 1, 1);
      for (int i = 0; date.getYear() == year; i++, date = date.plusDays(1)) {
        if (schedule.hasWorkingTime(date)) {
          bits[i >>> 6] |= 1L << i;
        }
      }
      return new DayYear(bits);
    }

    boolean isWorking(int dayIndex) {
      return (bits[dayIndex >>> 6] & 1L << dayIndex) != 0;
    }

    /** Returns the number of working days with index below {@code dayIndex}. */
    int countBefore(int dayIndex) {
      int sum = 0;
      int word = 0;
      for (; word < dayIndex >>> 6; word++) {
        sum += Long.bitCount(bits[word]);
      }
      int rest = dayIndex & 63;
      return rest == 0 ? sum : sum + Long.bitCount(bits[word] & (-1L >>> (64 - rest)));
    }

    /** Returns the index of the working day with 1-based rank {@code rank}, {@code 1 <= rank <= count}. */
    int select(int rank) {
      int word = 0;
      int remaining = rank;
      while (Long.bitCount(bits[word]) < remaining) {
        remaining -= Long.bitCount(bits[word++]);
      }
      long value = bits[word];
      for (int k = 1; k < remaining; k++) {
        value &= value - 1;
      }
      return word * 64 + Long.numberOfTrailingZeros(value);
    }
  }
}
