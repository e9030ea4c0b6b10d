package dev.ticketkit.benchmarks.calendar;

import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.calendar.BusinessCalendars;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of {@code plus} and {@code between} on the mainland-China calendar (Asia/Shanghai,
 * 09:00-12:00 and 13:30-18:00 on weekdays, 2025-2026 statutory holidays and make-up days), over
 * 4096 random starts in 2025-2026 (nanosecond precision) and random durations of up to
 * {@code maxWorkingHours} working hours. {@code between} measures the pairs (start, plus(start, d)).
 * The larger {@code maxWorkingHours} values show that the cost does not grow with the duration.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CalendarArithmeticBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CalendarArithmeticBenchmark {

  private static final int SIZE = 4096;
  private static final long FROM = Instant.parse("2024-12-31T16:00:00Z").getEpochSecond();
  private static final long TO = Instant.parse("2026-12-31T16:00:00Z").getEpochSecond();

  /** The largest duration drawn, in working hours. */
  @Param({"40", "2000"})
  public int maxWorkingHours;

  private BusinessCalendar calendar;
  private final Instant[] starts = new Instant[SIZE];
  private final Duration[] durations = new Duration[SIZE];
  private final Instant[] ends = new Instant[SIZE];
  private int next;

  /** Draws the inputs from a fixed seed and compiles the years they touch. */
  @Setup
  public void setUp() {
    calendar = BusinessCalendars.chinaMainland();
    SplittableRandom random = new SplittableRandom(20261122L);
    for (int i = 0; i < SIZE; i++) {
      starts[i] = Instant.ofEpochSecond(random.nextLong(FROM, TO), random.nextInt(1_000_000_000));
      durations[i] = Duration.ofNanos(random.nextLong(1, maxWorkingHours * 3_600_000_000_000L));
      ends[i] = calendar.plus(starts[i], durations[i]);
    }
  }

  /**
   * Adds a working duration to a start.
   *
   * @return the due instant, consumed by JMH
   */
  @Benchmark
  public Instant plus() {
    int i = next++ & (SIZE - 1);
    return calendar.plus(starts[i], durations[i]);
  }

  /**
   * Measures the working time between two instants.
   *
   * @return the working time, consumed by JMH
   */
  @Benchmark
  public Duration between() {
    int i = next++ & (SIZE - 1);
    return calendar.between(starts[i], ends[i]);
  }
}
