package dev.ticketkit.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random calendars in zones with DST, checked against {@link MinuteOracle}: per seed one calendar and
 * 60 queries (isWorkingTime, plus forwards and backwards, between on whole minutes and on arbitrary
 * nanoseconds), 150 seeds, so 9,000 cases, half of them within two days of a DST change.
 */
class BusinessCalendarOracleTest {

  private static final int QUERIES = 15;

  static IntStream seeds() {
    return IntStream.range(0, 150);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void matchesTheMinuteOracle(int seed) {
    Random random = new Random(seed);
    CalendarSpec spec = RandomSpecs.spec(random);
    BusinessCalendar calendar = spec.toCalendar();
    MinuteOracle oracle = new MinuteOracle(spec);
    String context = "seed " + seed + ", calendar " + spec.toJson();
    for (int i = 0; i < QUERIES; i++) {
      checkIsWorkingTime(calendar, oracle, random, spec, context);
      checkPlus(calendar, oracle, random, spec, context);
      checkBetween(calendar, oracle, random, spec, context);
    }
  }

  private static void checkIsWorkingTime(BusinessCalendar calendar, MinuteOracle oracle, Random random,
      CalendarSpec spec, String context) {
    Instant instant = RandomSpecs.minute(random, spec.zone()).plusNanos(random.nextInt(60) * 1_000_000_000L
        + random.nextInt(1_000_000_000));
    assertThat(calendar.isWorkingTime(instant)).as("isWorkingTime(%s), %s", instant, context)
        .isEqualTo(oracle.isWorking(instant));
  }

  private static void checkPlus(BusinessCalendar calendar, MinuteOracle oracle, Random random,
      CalendarSpec spec, String context) {
    Instant start = RandomSpecs.minute(random, spec.zone());
    long minutes = random.nextInt(1200) + 1;
    assertThat(calendar.plus(start, Duration.ofMinutes(minutes))).as("plus(%s, %s min), %s", start, minutes, context)
        .isEqualTo(oracle.plusMinutes(start, minutes));
    assertThat(calendar.plus(start, Duration.ofMinutes(-minutes))).as("plus(%s, -%s min), %s", start, minutes, context)
        .isEqualTo(oracle.plusMinutes(start, -minutes));
  }

  private static void checkBetween(BusinessCalendar calendar, MinuteOracle oracle, Random random,
      CalendarSpec spec, String context) {
    Instant from = RandomSpecs.minute(random, spec.zone());
    Instant to = from.plusSeconds((random.nextInt(6 * 24 * 60) - 24 * 60) * 60L);
    assertThat(calendar.between(from, to)).as("between(%s, %s), %s", from, to, context)
        .isEqualTo(oracle.betweenAligned(from, to));
    Instant fromOdd = from.plusNanos(random.nextInt(60_000) * 1_000_000L + random.nextInt(1_000_000));
    Instant toOdd = to.plusNanos(random.nextInt(60_000) * 1_000_000L + random.nextInt(1_000_000));
    assertThat(calendar.between(fromOdd, toOdd)).as("between(%s, %s), %s", fromOdd, toOdd, context)
        .isEqualTo(oracle.between(fromOdd, toOdd));
  }
}
