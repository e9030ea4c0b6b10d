package dev.ticketkit.benchmarks.calendar;

import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.calendar.BusinessCalendars;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The one-time cost of the first query in a year: compiling that year of the mainland-China calendar
 * into its timeline block. Each invocation gets a fresh calendar (built in setup, not measured).
 * With {@code -prof gc}, {@code gc.alloc.rate.norm} is the bytes allocated per compiled year
 * (garbage included; the retained size is measured by {@link CalendarFootprint}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CalendarCompileBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CalendarCompileBenchmark {

  private static final Instant MID_2025 = Instant.parse("2025-06-02T02:00:00Z");

  private BusinessCalendar fresh;

  /** Builds a new, uncompiled calendar with the same facts as {@link BusinessCalendars#chinaMainland()}. */
  @Setup(Level.Invocation)
  public void freshCalendar() {
    fresh = BusinessCalendar.builder("cn", ZoneId.of("Asia/Shanghai"))
        .weekdays("09:00-12:00", "13:30-18:00")
        .holidaySet(BusinessCalendars.chinaStatutoryHolidays())
        .build();
  }

  /**
   * Answers one query in 2025, which compiles that year.
   *
   * @return the answer, consumed by JMH
   */
  @Benchmark
  public boolean firstQueryOfAYear() {
    return fresh.isWorkingTime(MID_2025);
  }
}
