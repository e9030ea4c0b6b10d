package dev.ticketkit.benchmarks.calendar;

import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.calendar.BusinessCalendars;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Measures the heap retained per compiled year of the mainland-China calendar: builds N identical
 * calendars, measures the used heap after full GCs, compiles one year in each (one query in 2025),
 * measures again, and divides the difference by N. Then the same for a second year (2026) and for
 * the working-day index of a year (one {@code isWorkingDay} query). Not a JMH benchmark: run it with
 * {@code java -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar
 * dev.ticketkit.benchmarks.calendar.CalendarFootprint}.
 */
public final class CalendarFootprint {

  private static final int N = 2_000;

  private CalendarFootprint() {
  }

  /**
   * Runs the measurement and prints bytes per compiled year.
   *
   * @param args ignored
   * @throws InterruptedException if interrupted between collections
   */
  public static void main(String[] args) throws InterruptedException {
    String json = BusinessCalendars.chinaMainland().toJson();
    BusinessCalendar[] calendars = new BusinessCalendar[N];
    for (int i = 0; i < N; i++) {
      calendars[i] = BusinessCalendar.fromJson(json);
    }
    long empty = usedHeapAfterGc();
    for (BusinessCalendar calendar : calendars) {
      calendar.isWorkingTime(Instant.parse("2025-06-02T02:00:00Z"));
    }
    long oneYear = usedHeapAfterGc();
    for (BusinessCalendar calendar : calendars) {
      calendar.isWorkingTime(Instant.parse("2026-06-01T02:00:00Z"));
    }
    long twoYears = usedHeapAfterGc();
    for (BusinessCalendar calendar : calendars) {
      calendar.isWorkingDay(LocalDate.of(2025, 6, 2));
    }
    long withDays = usedHeapAfterGc();
    Reference.reachabilityFence(calendars);
    System.out.printf("calendars measured: %d%n", N);
    System.out.printf("timeline, first compiled year (2025): %d bytes per calendar%n", (oneYear - empty) / N);
    System.out.printf("timeline, second compiled year (2026): %d bytes per calendar%n", (twoYears - oneYear) / N);
    System.out.printf("working-day index, one year: %d bytes per calendar%n", (withDays - twoYears) / N);
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(50);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
