package dev.ticketkit.testkit.jqwik;

import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.calendar.BusinessCalendarBuilder;
import dev.ticketkit.sla.calendar.LocalTimeRange;
import dev.ticketkit.testkit.SampleCalendars;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries of business calendars and of instants where business-time code goes wrong:
 * the start and end of working intervals, lunch breaks, midnight, daylight saving changes,
 * holidays and make-up working days, each hit exactly and one second or one minute either side.
 *
 * <pre>{@code
 * @Property
 * void dueIsWorkingTime(@ForAll("calendars") BusinessCalendar calendar) { ... }
 *
 * @Provide
 * Arbitrary<BusinessCalendar> calendars() {
 *   return CalendarArbitraries.calendars(2025, 2026);
 * }
 * }</pre>
 *
 * <p>Random calendars shrink toward fewer ranges, holidays and dated entries. Stateless and
 * thread-safe.
 */
public final class CalendarArbitraries {

  /**
   * Zones whose offset rules catch mistakes: spring and autumn changes (New York, London,
   * Sydney), a 30-minute change (Lord Howe), changes at midnight (Santiago), half-hour offsets
   * (Kolkata, St John's), no change (Shanghai, UTC).
   */
  public static final List<ZoneId> TRICKY_ZONES = List.of("America/New_York", "Europe/London",
      "Australia/Sydney", "Australia/Lord_Howe", "America/Santiago", "Asia/Kolkata",
      "America/St_Johns", "Asia/Shanghai", "UTC").stream().map(ZoneId::of).toList();

  private CalendarArbitraries() {}

  /**
   * Returns zones: mostly {@link #TRICKY_ZONES}, sometimes any zone the JDK knows.
   *
   * @return the arbitrary; shrinks toward New York
   */
  public static Arbitrary<ZoneId> zones() {
    List<ZoneId> all = new TreeSet<>(ZoneId.getAvailableZoneIds()).stream().map(ZoneId::of)
        .toList();
    return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(TRICKY_ZONES)),
        Tuple.of(1, Arbitraries.of(all)));
  }

  /**
   * Returns the working hours of one day: none, office hours with a lunch break, the whole day,
   * a night shift that touches midnight, or up to three random ranges on whole minutes.
   *
   * @return the arbitrary of sorted, disjoint ranges; shrinks toward fewer ranges
   */
  public static Arbitrary<List<LocalTimeRange>> dayHours() {
    Arbitrary<List<LocalTimeRange>> random = Arbitraries.integers().between(0, 1440).set()
        .ofMaxSize(6).map(CalendarArbitraries::pairs);
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(ranges("09:00-12:00", "13:30-18:00"),
            ranges("09:00-12:00", "13:00-17:00"), ranges("08:00-20:00"))),
        Tuple.of(1, Arbitraries.just(List.of())),
        Tuple.of(1, Arbitraries.of(ranges("00:00-24:00"), ranges("00:00-06:00", "22:00-24:00"))),
        Tuple.of(3, random));
  }

  /**
   * Returns random calendars over the given years: a zone from {@link #zones()}, weekly hours
   * (at least one weekday worked), holidays, make-up working days on weekends and date-specific
   * hours on weekdays.
   *
   * @param firstYear the first year of holidays and dated entries, 1970 to 2100
   * @param lastYear the last such year, not before {@code firstYear}
   * @return the arbitrary
   */
  public static Arbitrary<BusinessCalendar> calendars(int firstYear, int lastYear) {
    LocalDate from = LocalDate.of(firstYear, 1, 1);
    int days = (int) (LocalDate.of(lastYear, 12, 31).toEpochDay() - from.toEpochDay());
    Arbitrary<LocalDate> dates = Arbitraries.integers().between(0, days).map(from::plusDays);
    Arbitrary<Map<DayOfWeek, List<LocalTimeRange>>> weekly =
        Arbitraries.maps(Arbitraries.of(DayOfWeek.class), dayHours()).ofMaxSize(7);
    Arbitrary<Map<LocalDate, List<LocalTimeRange>>> dated =
        Arbitraries.maps(dates, dayHours()).ofMaxSize(8);
    return Combinators.combine(zones(), weekly, dates.set().ofMaxSize(12), dated)
        .as(CalendarArbitraries::build);
  }

  /**
   * Returns random calendars over 2025 and 2026; see {@link #calendars(int, int)}.
   *
   * @return the arbitrary
   */
  public static Arbitrary<BusinessCalendar> calendars() {
    return calendars(2025, 2026);
  }

  /**
   * Returns the calendars of {@link SampleCalendars#all()}.
   *
   * @return the arbitrary; shrinks toward cn-mainland
   */
  public static Arbitrary<BusinessCalendar> samples() {
    return Arbitraries.of(SampleCalendars.all());
  }

  /**
   * Returns instants near what matters on a calendar between two years: the start and end of its
   * working ranges (so lunch breaks and the end of the day), midnight, its holidays and dated
   * entries and the days around them, the days of its zone's offset changes and the changes
   * themselves; each exactly, one second or one minute either side, or a few hours away; and
   * sometimes any instant.
   *
   * @param calendar the calendar
   * @param firstYear the first year, 1970 to 2100
   * @param lastYear the last year, not before {@code firstYear}
   * @return the arbitrary, whole seconds
   */
  public static Arbitrary<Instant> instantsNear(BusinessCalendar calendar, int firstYear,
      int lastYear) {
    Objects.requireNonNull(calendar, "calendar");
    LocalDate from = LocalDate.of(firstYear, 1, 1);
    LocalDate to = LocalDate.of(lastYear, 12, 31);
    Arbitrary<LocalDate> anyDate = Arbitraries.integers()
        .between(0, (int) (to.toEpochDay() - from.toEpochDay())).map(from::plusDays);
    List<LocalDate> special = specialDates(calendar, from, to);
    Arbitrary<LocalDate> dates = special.isEmpty() ? anyDate : Arbitraries.frequencyOf(
        Tuple.of(2, anyDate),
        Tuple.of(2, Combinators.combine(Arbitraries.of(special), Arbitraries.integers()
            .between(-1, 1)).as(LocalDate::plusDays)));
    Arbitrary<Integer> offsets = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of(0, -1, 1, -60, 60)),
        Tuple.of(1, Arbitraries.integers().between(-4 * 3600, 4 * 3600)));
    Arbitrary<Instant> near = Combinators.combine(dates.flatMap(d -> Arbitraries.of(
            boundaries(calendar, d))), offsets)
        .as((local, offset) -> clamp(local.plusSeconds(offset).atZone(calendar.zone())
            .toInstant()));
    List<Instant> changes = transitions(calendar.zone(), from, to);
    Arbitrary<Instant> atChange = changes.isEmpty() ? near : Combinators.combine(
        Arbitraries.of(changes), offsets).as((t, offset) -> clamp(t.plusSeconds(offset)));
    return Arbitraries.frequencyOf(Tuple.of(8, near), Tuple.of(1, atChange),
        Tuple.of(1, anyDate.map(d -> clamp(d.atStartOfDay(calendar.zone()).toInstant()))));
  }

  /** The instants the zone's offset changes between two dates. */
  private static List<Instant> transitions(ZoneId zone, LocalDate from, LocalDate to) {
    List<Instant> out = new ArrayList<>();
    Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
    ZoneOffsetTransition t = zone.getRules().nextTransition(from.atStartOfDay(zone).toInstant());
    while (t != null && t.getInstant().isBefore(end)) {
      out.add(t.getInstant());
      t = zone.getRules().nextTransition(t.getInstant());
    }
    return out;
  }

  /** Local date-times of a day's range boundaries, midnight and noon. */
  private static List<LocalDateTime> boundaries(BusinessCalendar calendar, LocalDate date) {
    List<LocalDateTime> out = new ArrayList<>();
    out.add(date.atStartOfDay());
    for (LocalTimeRange r : calendar.hoursOn(date)) {
      out.add(date.atStartOfDay().plusSeconds(r.startSecondOfDay()));
      out.add(date.atStartOfDay().plusSeconds(r.endSecondOfDay()));
    }
    out.add(date.atTime(12, 0));
    return out;
  }

  private static List<LocalDate> specialDates(BusinessCalendar calendar, LocalDate from,
      LocalDate to) {
    TreeSet<LocalDate> out = new TreeSet<>();
    out.addAll(calendar.holidays().subSet(from, true, to, true));
    out.addAll(calendar.workingDays().subMap(from, true, to, true).keySet());
    transitions(calendar.zone(), from, to)
        .forEach(t -> out.add(LocalDate.ofInstant(t, calendar.zone())));
    out.add(from.withDayOfYear(1).plusYears(1).minusDays(1));
    return new ArrayList<>(out.headSet(to, true));
  }

  private static Instant clamp(Instant t) {
    return t.isBefore(BusinessCalendar.MIN_INSTANT) ? BusinessCalendar.MIN_INSTANT
        : t.isAfter(BusinessCalendar.MAX_INSTANT) ? BusinessCalendar.MAX_INSTANT : t;
  }

  private static BusinessCalendar build(ZoneId zone, Map<DayOfWeek, List<LocalTimeRange>> weekly,
      Set<LocalDate> holidays, Map<LocalDate, List<LocalTimeRange>> dated) {
    BusinessCalendarBuilder b = BusinessCalendar.builder("random-" + zone.getId(), zone);
    boolean worked = weekly.values().stream().anyMatch(r -> !r.isEmpty());
    for (DayOfWeek day : DayOfWeek.values()) {
      List<LocalTimeRange> hours = weekly.getOrDefault(day, List.of());
      b.weekly(day, !worked && day == DayOfWeek.MONDAY ? ranges("09:00-17:00") : hours);
    }
    dated.forEach(b::workingDay);
    b.holidays(holidays.stream().filter(d -> !dated.containsKey(d)).toArray(LocalDate[]::new));
    return b.build();
  }

  private static List<LocalTimeRange> pairs(Set<Integer> minutes) {
    List<Integer> sorted = new ArrayList<>(new TreeSet<>(minutes));
    List<LocalTimeRange> out = new ArrayList<>();
    for (int i = 0; i + 1 < sorted.size(); i += 2) {
      out.add(new LocalTimeRange(sorted.get(i) * 60, sorted.get(i + 1) * 60));
    }
    return out;
  }

  private static List<LocalTimeRange> ranges(String... texts) {
    List<LocalTimeRange> out = new ArrayList<>();
    for (String t : texts) {
      out.add(LocalTimeRange.parse(t));
    }
    return List.copyOf(out);
  }
}
