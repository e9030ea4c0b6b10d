package dev.ticketkit.benchmarks.calendar;

import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.calendar.BusinessCalendars;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * A supplement to {@link CalendarArithmeticBenchmark} for a shared machine: the same inputs (4096
 * random starts in 2025-2026, durations up to 40 working hours, seed 20261122), timed by the
 * benchmark thread's CPU time instead of wall-clock time, so that time the thread spends waiting
 * for a core taken by other processes does not count. Prints the best of 10 rounds of 20 million
 * calls each (interference only ever slows a round down). Not JMH: warm-up is the first 3 rounds,
 * dead-code elimination is prevented by summing results. Run it with {@code java -cp
 * benchmarks/target/benchmarks.jar dev.ticketkit.benchmarks.calendar.CalendarCpuTime}.
 */
public final class CalendarCpuTime {

  private static final int SIZE = 4096;
  private static final int CALLS = 20_000_000;

  private CalendarCpuTime() {
  }

  /**
   * Runs the rounds and prints CPU nanoseconds per call and calls per CPU-second.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    BusinessCalendar calendar = BusinessCalendars.chinaMainland();
    Instant[] starts = new Instant[SIZE];
    Duration[] durations = new Duration[SIZE];
    Instant[] ends = new Instant[SIZE];
    SplittableRandom random = new SplittableRandom(20261122L);
    long from = Instant.parse("2024-12-31T16:00:00Z").getEpochSecond();
    long to = Instant.parse("2026-12-31T16:00:00Z").getEpochSecond();
    for (int i = 0; i < SIZE; i++) {
      starts[i] = Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000_000_000));
      durations[i] = Duration.ofNanos(random.nextLong(1, 40 * 3_600_000_000_000L));
      ends[i] = calendar.plus(starts[i], durations[i]);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long bestPlus = Long.MAX_VALUE;
    long bestBetween = Long.MAX_VALUE;
    long sink = 0;
    for (int round = 0; round < 10; round++) {
      long t0 = threads.getCurrentThreadCpuTime();
      for (int k = 0; k < CALLS; k++) {
        int i = k & (SIZE - 1);
        sink += calendar.plus(starts[i], durations[i]).getNano();
      }
      long t1 = threads.getCurrentThreadCpuTime();
      for (int k = 0; k < CALLS; k++) {
        int i = k & (SIZE - 1);
        sink += calendar.between(starts[i], ends[i]).getNano();
      }
      long t2 = threads.getCurrentThreadCpuTime();
      if (round >= 3) {
        bestPlus = Math.min(bestPlus, t1 - t0);
        bestBetween = Math.min(bestBetween, t2 - t1);
      }
    }
    print("plus", bestPlus);
    print("between", bestBetween);
    System.out.println("checksum " + sink);
  }

  private static void print(String name, long cpuNanos) {
    double perCall = (double) cpuNanos / CALLS;
    System.out.printf("%-8s %6.1f CPU-ns per call, %5.1f million calls per CPU-second%n", name, perCall,
        1000 / perCall);
  }
}
