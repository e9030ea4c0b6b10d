package dev.ticketkit.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The invariants of business time, over the named test calendars and 40 random ones, with instants
 * anywhere in 2024-2027 or near a DST change, at nanosecond precision.
 */
class BusinessCalendarProperties {

  private static final List<BusinessCalendar> CALENDARS = calendarPool();
  private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2028-01-01T00:00:00Z");

  private static List<BusinessCalendar> calendarPool() {
    List<BusinessCalendar> pool = new ArrayList<>();
    for (String name : List.of("cn", "ny-office", "ny-night", "ny-24x7", "london-office",
        "sydney-night", "sydney-24x7")) {
      pool.add(TestCalendars.named(name));
    }
    for (int seed = 1000; seed < 1040; seed++) {
      pool.add(RandomSpecs.spec(new Random(seed)).toCalendar());
    }
    return pool;
  }

  @Provide
  Arbitrary<BusinessCalendar> calendars() {
    return Arbitraries.of(CALENDARS);
  }

  @Provide
  Arbitrary<Instant> instants() {
    Arbitrary<Instant> anywhere = Combinators.combine(
        Arbitraries.longs().between(FROM.getEpochSecond(), TO.getEpochSecond()),
        Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
    Arbitrary<Instant> nearChange = Combinators.combine(
        Arbitraries.of(RandomSpecs.ZONES), Arbitraries.integers().between(0, 10_000))
        .as((zone, seed) -> RandomSpecs.minute(new Random(seed), zone));
    return Arbitraries.oneOf(anywhere, nearChange, nearChange.map(t -> t.plusNanos(1)));
  }

  @Provide
  Arbitrary<Duration> durations() {
    Arbitrary<Duration> minutes = Arbitraries.longs().between(-200 * 60, 200 * 60).map(Duration::ofMinutes);
    Arbitrary<Duration> nanos = Arbitraries.longs().between(-200 * 3_600_000_000_000L, 200 * 3_600_000_000_000L)
        .map(Duration::ofNanos);
    return Arbitraries.oneOf(minutes, nanos, Arbitraries.of(Duration.ZERO, Duration.ofNanos(1),
        Duration.ofNanos(-1), Duration.ofHours(40), Duration.ofHours(-40)));
  }

  @Provide
  Arbitrary<LocalDate> dates() {
    return Arbitraries.integers().between(0, 4 * 365).map(i -> LocalDate.of(2024, 1, 1).plusDays(i));
  }

  @Property(tries = 1500)
  void betweenInvertsPlus(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant start,
      @ForAll("durations") Duration workingTime) {
    assertThat(calendar.between(start, calendar.plus(start, workingTime))).isEqualTo(workingTime);
  }

  @Property(tries = 1000)
  void plusIsMonotonicInStart(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant a,
      @ForAll("instants") Instant b, @ForAll("durations") Duration workingTime) {
    Instant early = a.isBefore(b) ? a : b;
    Instant late = a.isBefore(b) ? b : a;
    assertThat(calendar.plus(early, workingTime)).isBeforeOrEqualTo(calendar.plus(late, workingTime));
  }

  @Property(tries = 1000)
  void plusIsMonotonicInDuration(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant start,
      @ForAll("durations") Duration a, @ForAll("durations") Duration b) {
    Duration small = a.compareTo(b) <= 0 ? a : b;
    Duration large = a.compareTo(b) <= 0 ? b : a;
    assertThat(calendar.plus(start, small)).isBeforeOrEqualTo(calendar.plus(start, large));
  }

  @Property(tries = 1000)
  void plusComposes(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant start,
      @ForAll("durations") Duration a, @ForAll("durations") Duration b) {
    Assume.that(a.isNegative() == b.isNegative() || a.isZero() || b.isZero());
    Assume.that(!(a.isNegative() && b.isZero()) && !(a.isZero() && b.isNegative()));
    assertThat(calendar.plus(calendar.plus(start, a), b)).isEqualTo(calendar.plus(start, a.plus(b)));
  }

  @Property(tries = 1000)
  void positiveSumEndsAtWorkingInstantOrIntervalEnd(@ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") Instant start, @ForAll("durations") Duration workingTime) {
    Assume.that(!workingTime.isNegative() && !workingTime.isZero());
    Instant end = calendar.plus(start, workingTime);
    assertThat(calendar.isWorkingTime(end) || calendar.isWorkingTime(end.minusNanos(1))).isTrue();
    assertThat(calendar.isWorkingTime(end.minusNanos(1))).as("the last nanosecond counted is working").isTrue();
  }

  @Property(tries = 1000)
  void negativeSumEndsAtWorkingInstant(@ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") Instant start, @ForAll("durations") Duration workingTime) {
    Assume.that(workingTime.isNegative());
    assertThat(calendar.isWorkingTime(calendar.plus(start, workingTime))).isTrue();
  }

  @Property(tries = 1500)
  void betweenIsAdditive(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant a,
      @ForAll("instants") Instant b, @ForAll("instants") Instant c) {
    assertThat(calendar.between(a, b).plus(calendar.between(b, c))).isEqualTo(calendar.between(a, c));
  }

  @Property(tries = 1000)
  void betweenIsAtMostElapsedTime(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant a,
      @ForAll("instants") Instant b) {
    Instant early = a.isBefore(b) ? a : b;
    Instant late = a.isBefore(b) ? b : a;
    Duration working = calendar.between(early, late);
    assertThat(working).isBetween(Duration.ZERO, Duration.between(early, late));
    assertThat(calendar.between(late, early)).isEqualTo(working.negated());
  }

  @Property(tries = 1000)
  void nextWorkingTimeIsTheFirstWorkingInstant(@ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") Instant instant) {
    Instant next = calendar.nextWorkingTime(instant);
    assertThat(next).isAfterOrEqualTo(instant);
    assertThat(calendar.isWorkingTime(next)).isTrue();
    assertThat(calendar.between(instant, next)).isZero();
    assertThat(next.equals(instant)).isEqualTo(calendar.isWorkingTime(instant));
  }

  @Property(tries = 1000)
  void plusWorkingDaysAndWorkingDaysBetweenInvertEachOther(@ForAll("calendars") BusinessCalendar calendar,
      @ForAll("dates") LocalDate date, @ForAll("dates") LocalDate other) {
    int n = (int) (other.toEpochDay() - date.toEpochDay());
    LocalDate moved = calendar.plusWorkingDays(date, n);
    assertThat(calendar.workingDaysBetween(date, moved)).isEqualTo(n);
    assertThat(n == 0 || calendar.isWorkingDay(moved)).isTrue();
    if (calendar.isWorkingDay(other)) {
      assertThat(calendar.plusWorkingDays(date, calendar.workingDaysBetween(date, other))).isEqualTo(other);
    }
  }

  @Property(tries = 500)
  void workingDaysBetweenCountsWorkingDays(@ForAll("calendars") BusinessCalendar calendar,
      @ForAll("dates") LocalDate from, @ForAll @IntRange(min = -120, max = 120) int offset) {
    LocalDate to = from.plusDays(offset);
    long count = from.isBefore(to)
        ? from.plusDays(1).datesUntil(to.plusDays(1)).filter(calendar::isWorkingDay).count()
        : -to.datesUntil(from).filter(calendar::isWorkingDay).count();
    assertThat(calendar.workingDaysBetween(from, to)).isEqualTo((int) count);
  }
}
