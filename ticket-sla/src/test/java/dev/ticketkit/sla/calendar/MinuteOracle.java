package dev.ticketkit.sla.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The slow, obviously right oracle: an instant is working time when some range of some nearby date,
 * mapped to an instant with {@link ZonedDateTime#of}, contains it; sums and differences walk minute
 * by minute. Exact for calendars whose ranges are whole minutes in zones with whole-minute offsets.
 */
final class MinuteOracle {

  private static final long MINUTE = 60;

  private final CalendarSpec spec;
  private final Map<LocalDate, long[]> mapped = new HashMap<>();

  MinuteOracle(CalendarSpec spec) {
    this.spec = spec;
  }

  /** Returns the date's ranges as epoch-second pairs, start then end, by the rules of ZonedDateTime.of. */
  private long[] mapped(LocalDate date) {
    return mapped.computeIfAbsent(date, d -> {
      List<String> ranges = spec.hoursOn(d);
      long[] pairs = new long[ranges.size() * 2];
      for (int i = 0; i < ranges.size(); i++) {
        String[] ends = ranges.get(i).split("-");
        pairs[2 * i] = epochSecond(d, ends[0]);
        pairs[2 * i + 1] = epochSecond(d, ends[1]);
      }
      return pairs;
    });
  }

  private long epochSecond(LocalDate date, String time) {
    if (time.startsWith("24:")) {
      return ZonedDateTime.of(date.plusDays(1), LocalTime.MIDNIGHT, spec.zone()).toEpochSecond();
    }
    return ZonedDateTime.of(date, LocalTime.parse(time), spec.zone()).toEpochSecond();
  }

  boolean isWorking(Instant instant) {
    LocalDate local = LocalDate.ofInstant(instant, spec.zone());
    for (LocalDate date = local.minusDays(2); !date.isAfter(local.plusDays(2)); date = date.plusDays(1)) {
      long[] pairs = mapped(date);
      for (int i = 0; i < pairs.length; i += 2) {
        if (pairs[i] <= instant.getEpochSecond() && instant.getEpochSecond() < pairs[i + 1]) {
          return true;
        }
      }
    }
    return false;
  }

  /** Working time in [from, to), both on whole minutes, by counting working minutes. */
  Duration betweenAligned(Instant from, Instant to) {
    if (to.isBefore(from)) {
      return betweenAligned(to, from).negated();
    }
    long minutes = 0;
    for (Instant t = from; t.isBefore(to); t = t.plusSeconds(MINUTE)) {
      minutes += isWorking(t) ? 1 : 0;
    }
    return Duration.ofMinutes(minutes);
  }

  /**
   * Working time in [from, to) for any instants: whole minutes counted as above, corrected by the
   * parts of the first and last minute (working status is constant within a minute).
   */
  Duration between(Instant from, Instant to) {
    Instant fromMinute = floorMinute(from);
    Instant toMinute = floorMinute(to);
    Duration whole = betweenAligned(fromMinute, toMinute);
    Duration head = isWorking(fromMinute) ? Duration.between(fromMinute, from) : Duration.ZERO;
    Duration tail = isWorking(toMinute) ? Duration.between(toMinute, to) : Duration.ZERO;
    return whole.minus(head).plus(tail);
  }

  /** The sum by walking minute by minute from a whole-minute start; {@code minutes} may be negative. */
  Instant plusMinutes(Instant start, long minutes) {
    Instant t = start;
    long left = Math.abs(minutes);
    while (left > 0) {
      if (minutes > 0) {
        left -= isWorking(t) ? 1 : 0;
        t = t.plusSeconds(MINUTE);
      } else {
        t = t.minusSeconds(MINUTE);
        left -= isWorking(t) ? 1 : 0;
      }
    }
    return t;
  }

  static Instant floorMinute(Instant instant) {
    return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), MINUTE) * MINUTE);
  }
}
