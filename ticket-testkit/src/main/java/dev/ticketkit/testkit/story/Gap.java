package dev.ticketkit.testkit.story;

import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.calendar.LocalTimeRange;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.testkit.internal.Format;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * How much time passes before a {@link StoryStep}: a fixed duration, or a duration resolved when
 * the story runs, so that events land where SLA rules are decided (the next working time of the
 * calendar, exactly at a clock's due instant or one second either side). A gap never moves time
 * backwards.
 *
 * <p>Instances are immutable and thread-safe; {@code toString()} is the form shown in a
 * counterexample.
 */
public sealed interface Gap {

  /**
   * Returns the instant the gap ends at.
   *
   * @param now the instant the gap starts at
   * @param calendar the calendar of the ticket's policy, for working-time gaps
   * @param clocks the ticket's SLA clocks at {@code now}
   * @return an instant not before {@code now}
   */
  Instant end(Instant now, BusinessCalendar calendar, List<SlaClock> clocks);

  /**
   * Returns a fixed gap.
   *
   * @param duration how long, not negative
   * @return the gap
   * @throws IllegalArgumentException if the duration is negative
   */
  static Gap of(Duration duration) {
    return new After(duration);
  }

  /**
   * Returns a gap to the next working time of the calendar, plus some working time.
   *
   * @param plus working time after the next working instant, not negative
   * @return the gap
   * @throws IllegalArgumentException if {@code plus} is negative
   */
  static Gap toNextWorkingTime(Duration plus) {
    return new NextWorkingTime(plus);
  }

  /**
   * Returns a gap to the end of the calendar's current (or next) working range, such as the start
   * of the lunch break or closing time, shifted by an offset.
   *
   * @param offset added to the end of the range, such as minus one second
   * @return the gap
   */
  static Gap toClosingTime(Duration offset) {
    return new ClosingTime(offset);
  }

  /**
   * Returns a gap to the due instant of the ticket's running clock of a metric (the latest
   * cycle), shifted by an offset; nothing passes if there is no such clock or its due instant
   * has passed.
   *
   * @param metric the metric
   * @param offset added to the due instant, such as minus one second
   * @return the gap
   */
  static Gap untilDue(SlaMetric metric, Duration offset) {
    return new UntilDue(metric, offset);
  }

  /**
   * A fixed gap.
   *
   * @param duration how long, not negative
   */
  record After(Duration duration) implements Gap {
    /**
     * Validates the gap.
     *
     * @throws IllegalArgumentException if the duration is negative
     */
    public After {
      if (Objects.requireNonNull(duration, "duration").isNegative()) {
        throw new IllegalArgumentException("a gap must not be negative: " + duration);
      }
    }

    /** {@inheritDoc} */
    @Override
    public Instant end(Instant now, BusinessCalendar calendar, List<SlaClock> clocks) {
      return now.plus(duration);
    }

    /**
     * Returns {@code +1h30m}.
     *
     * @return the text
     */
    @Override
    public String toString() {
      return "+" + Format.duration(duration);
    }
  }

  /**
   * A gap to the calendar's next working time, plus working time.
   *
   * @param plus working time after the next working instant, not negative
   */
  record NextWorkingTime(Duration plus) implements Gap {
    /**
     * Validates the gap.
     *
     * @throws IllegalArgumentException if {@code plus} is negative
     */
    public NextWorkingTime {
      if (Objects.requireNonNull(plus, "plus").isNegative()) {
        throw new IllegalArgumentException("plus must not be negative: " + plus);
      }
    }

    /** {@inheritDoc} */
    @Override
    public Instant end(Instant now, BusinessCalendar calendar, List<SlaClock> clocks) {
      Instant next = calendar.plus(calendar.nextWorkingTime(now), plus);
      return next.isBefore(now) ? now : next;
    }

    /**
     * Returns {@code +next working time+5m}.
     *
     * @return the text
     */
    @Override
    public String toString() {
      return "+next working time" + (plus.isZero() ? "" : "+" + Format.duration(plus));
    }
  }

  /**
   * A gap to the end of the working range that is current at, or next after, the gap's start.
   *
   * @param offset added to the end of the range
   */
  record ClosingTime(Duration offset) implements Gap {
    /**
     * Validates the gap.
     *
     * @throws NullPointerException if the offset is null
     */
    public ClosingTime {
      Objects.requireNonNull(offset, "offset");
    }

    /** {@inheritDoc} */
    @Override
    public Instant end(Instant now, BusinessCalendar calendar, List<SlaClock> clocks) {
      Instant from = calendar.nextWorkingTime(now);
      LocalDate day = from.atZone(calendar.zone()).toLocalDate();
      for (int i = -1; i < 3; i++) {
        LocalDate d = day.plusDays(i);
        for (LocalTimeRange r : calendar.hoursOn(d)) {
          Instant end = d.atStartOfDay().plusSeconds(r.endSecondOfDay())
              .atZone(calendar.zone()).toInstant();
          if (end.isAfter(from)) {
            Instant target = end.plus(offset);
            return target.isAfter(now) ? target : now;
          }
        }
      }
      return now;
    }

    /**
     * Returns {@code +to closing time-1s}.
     *
     * @return the text
     */
    @Override
    public String toString() {
      return "+to closing time"
          + (offset.isZero() ? "" : (offset.isNegative() ? "" : "+") + Format.duration(offset));
    }
  }

  /**
   * A gap to a running clock's due instant, shifted by an offset.
   *
   * @param metric the clock's metric
   * @param offset added to the due instant
   */
  record UntilDue(SlaMetric metric, Duration offset) implements Gap {
    /**
     * Validates the gap.
     *
     * @throws NullPointerException if a part is null
     */
    public UntilDue {
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(offset, "offset");
    }

    /** {@inheritDoc} */
    @Override
    public Instant end(Instant now, BusinessCalendar calendar, List<SlaClock> clocks) {
      SlaClock latest = null;
      for (SlaClock c : clocks) {
        if (c.key().metric() == metric && c.isRunning() && c.dueAt() != null
            && (latest == null || c.key().cycle() > latest.key().cycle())) {
          latest = c;
        }
      }
      if (latest == null) {
        return now;
      }
      Instant target = Objects.requireNonNull(latest.dueAt()).plus(offset);
      return target.isAfter(now) ? target : now;
    }

    /**
     * Returns {@code +until RESOLUTION due-1s}.
     *
     * @return the text
     */
    @Override
    public String toString() {
      return "+until " + metric + " due"
          + (offset.isZero() ? "" : (offset.isNegative() ? "" : "+") + Format.duration(offset));
    }
  }
}
