package dev.ticketkit.sla.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/** Random calendar specs and instants near their zones' DST changes, from a seeded {@link Random}. */
final class RandomSpecs {

  /** Zones with spring and autumn changes, a 30-minute change (Lord Howe), changes at midnight (Santiago). */
  static final List<ZoneId> ZONES = List.of("America/New_York", "Europe/London", "Australia/Sydney",
      "Asia/Shanghai", "Australia/Lord_Howe", "America/Santiago", "Asia/Kolkata", "America/St_Johns",
      "UTC").stream().map(ZoneId::of).toList();
  static final Instant WINDOW_START = Instant.parse("2025-01-01T00:00:00Z");
  static final Instant WINDOW_END = Instant.parse("2027-01-01T00:00:00Z");

  private RandomSpecs() {
  }

  static CalendarSpec spec(Random random) {
    ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
    Map<DayOfWeek, List<String>> weekly = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.getValue() <= 2 || random.nextInt(4) > 0) {
        weekly.put(day, ranges(random));
      } else if (random.nextBoolean()) {
        weekly.put(day, List.of());
      }
    }
    Set<LocalDate> holidays = new HashSet<>();
    Map<LocalDate, List<String>> workingDays = new TreeMap<>();
    List<LocalDate> special = specialDates(zone);
    for (int i = 0; i < 40; i++) {
      LocalDate date = random.nextInt(3) == 0 ? special.get(random.nextInt(special.size())).plusDays(random.nextInt(3) - 1)
          : LocalDate.of(2025, 1, 1).plusDays(random.nextInt(730));
      if (random.nextBoolean()) {
        if (!workingDays.containsKey(date)) {
          holidays.add(date);
        }
      } else if (!holidays.contains(date)) {
        workingDays.put(date, ranges(random));
      }
    }
    return new CalendarSpec(zone, weekly, holidays, workingDays);
  }

  /** One to three sorted, disjoint ranges on whole minutes, sometimes touching midnight or spanning the day. */
  static List<String> ranges(Random random) {
    int shape = random.nextInt(10);
    if (shape == 0) {
      return List.of("00:00-24:00");
    }
    if (shape == 1) {
      return List.of("00:00-" + time(60 + random.nextInt(8 * 60)), time(18 * 60 + random.nextInt(5 * 60)) + "-24:00");
    }
    List<String> ranges = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    int cursor = random.nextInt(10 * 60);
    for (int i = 0; i < count && cursor < 24 * 60 - 1; i++) {
      int end = Math.min(24 * 60, cursor + 1 + random.nextInt(6 * 60));
      ranges.add(time(cursor) + "-" + time(end));
      cursor = end + (random.nextInt(4) == 0 ? 0 : random.nextInt(3 * 60));
    }
    return ranges;
  }

  private static String time(int minuteOfDay) {
    return String.format("%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
  }

  /** The local dates of the zone's transitions in 2025-2026 (the days the DST rules matter). */
  static List<LocalDate> specialDates(ZoneId zone) {
    List<LocalDate> dates = new ArrayList<>(List.of(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 1)));
    ZoneOffsetTransition transition = zone.getRules().nextTransition(WINDOW_START);
    while (transition != null && transition.getInstant().isBefore(WINDOW_END)) {
      dates.add(LocalDate.ofInstant(transition.getInstant(), zone));
      transition = zone.getRules().nextTransition(transition.getInstant());
    }
    return dates;
  }

  /** A whole-minute instant: half the time within two days of a DST change, else anywhere in 2025-2026. */
  static Instant minute(Random random, ZoneId zone) {
    ZoneOffsetTransition transition = zone.getRules().nextTransition(
        WINDOW_START.plusSeconds(random.nextInt(700) * 86_400L));
    long second;
    if (transition != null && random.nextBoolean() && transition.getInstant().isBefore(WINDOW_END)) {
      second = transition.getInstant().getEpochSecond() + (random.nextInt(4 * 24 * 60) - 2 * 24 * 60) * 60L;
    } else {
      second = WINDOW_START.getEpochSecond() + random.nextInt(730 * 24 * 60) * 60L;
    }
    return Instant.ofEpochSecond(second);
  }
}
