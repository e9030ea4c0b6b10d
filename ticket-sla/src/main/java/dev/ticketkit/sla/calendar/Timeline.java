package dev.ticketkit.sla.calendar;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReferenceArray;

/*
 * Implementation notes: the compiled timeline.
 *
 * Working time is a function W(t): the working nanoseconds from 1970-01-01T00:00Z to t. It is flat
 * outside working intervals and rises one-for-one inside them, so between(a, b) = W(b) - W(a), and
 * plus(s, d) is the earliest t with W(t) = W(s) + d (for d > 0; the latest such t for d < 0).
 *
 * The supported range 1970..2100 is cut into 131 blocks, one per UTC year. A block holds its working
 * intervals as three int arrays of seconds after the block's origin: starts, ends and the running
 * total of working seconds through each end. Interval boundaries are whole seconds (local times are
 * whole seconds and zone offsets are whole seconds), so ints in seconds are exact; instants and
 * durations keep their nanoseconds in the arithmetic, done in long nanoseconds (131 years of
 * nanoseconds fit in a long).
 *
 * W inside a block is one binary search over starts. The instant where W reaches a target is one
 * binary search over the running totals: the first interval whose total reaches the target (plus),
 * or the first whose total exceeds it (minus, so that a target equal to a break's working total
 * lands at the end of the break, the latest such instant). A sum that leaves a block subtracts the
 * block's total and moves to the next block, so the cost is O(log n) per block touched, independent
 * of the duration for anything shorter than a year.
 *
 * Each search first narrows its range with a guide table: the block's span (seconds, or working
 * seconds) is cut into power-of-two buckets, four to eight per interval for starts and one to two
 * for running totals, and guide[k] counts the values below bucket k. A shift finds the bucket, and
 * the binary search runs only over the few intervals in it (usually none or one), which removes
 * most unpredictable branches; the worst case stays O(log n). The guides cost up to 10n ints per
 * block next to the 3n of the intervals (about 25 KB for a year of the Shanghai calendar).
 *
 * Blocks compile lazily on first use. The array of blocks is an AtomicReferenceArray: a reader does
 * one acquire-load; a missing block is compiled by whichever thread needs it and published with
 * compareAndSet, so two racing threads may both compile it but every reader sees one complete,
 * immutable block. There is no lock.
 */
/**
 * The compiled timeline of a {@link Schedule}: working intervals with running totals, compiled lazily
 * per UTC year, answering the instant queries of {@link BusinessCalendar}. Thread-safe without locks.
 */
final class Timeline {

  static final int FIRST_YEAR = 1970;
  static final int LAST_YEAR = 2100;
  private static final int BLOCKS = LAST_YEAR - FIRST_YEAR + 1;
  private static final long[] YEAR_START = yearStarts();
  /** The last supported epoch second, 2101-01-01T00:00:00Z; inclusive with zero nanoseconds. */
  static final long END_SECOND = YEAR_START[BLOCKS];
  private static final long AVERAGE_YEAR_SECONDS = 31_556_952L;

  private final Schedule schedule;
  private final AtomicReferenceArray<TimelineBlock> blocks = new AtomicReferenceArray<>(BLOCKS);

  Timeline(Schedule schedule) {
    this.schedule = schedule;
  }

  private static long[] yearStarts() {
    long[] starts = new long[BLOCKS + 1];
    for (int i = 0; i <= BLOCKS; i++) {
      starts[i] = LocalDate.of(FIRST_YEAR + i, 1, 1).toEpochDay() * 86_400;
    }
    return starts;
  }

  /** Returns the index of the block holding {@code epochSecond}; the range end belongs to the last block. */
  static int blockIndex(long epochSecond) {
    int i = (int) Math.min(epochSecond / AVERAGE_YEAR_SECONDS, BLOCKS - 1);
    while (epochSecond < YEAR_START[i]) {
      i--;
    }
    while (i < BLOCKS - 1 && epochSecond >= YEAR_START[i + 1]) {
      i++;
    }
    return i;
  }

  /** Returns the compiled block {@code index}, compiling and publishing it on first use. */
  TimelineBlock block(int index) {
    TimelineBlock block = blocks.getAcquire(index);
    if (block != null) {
      return block;
    }
    blocks.compareAndSet(index, null, TimelineBlock.compile(schedule, YEAR_START[index], YEAR_START[index + 1]));
    return blocks.get(index);
  }

  private TimelineBlock blockAfter(int index) {
    if (index + 1 >= BLOCKS) {
      throw new DateTimeException("no such working time before " + Instant.ofEpochSecond(END_SECOND)
          + ", the end of the supported range, in calendar " + schedule.id);
    }
    return block(index + 1);
  }

  private TimelineBlock blockBefore(int index) {
    if (index <= 0) {
      throw new DateTimeException("no such working time after " + Instant.EPOCH
          + ", the start of the supported range, in calendar " + schedule.id);
    }
    return block(index - 1);
  }

  /** Returns the epoch second of {@code instant} after checking that it lies in the supported range. */
  private static long checked(Instant instant, String name) {
    long second = instant.getEpochSecond();
    if (second < 0 || second > END_SECOND || (second == END_SECOND && instant.getNano() != 0)) {
      throw new DateTimeException(name + " " + instant + " is outside the supported range "
          + Instant.EPOCH + " to " + Instant.ofEpochSecond(END_SECOND));
    }
    return second;
  }

  boolean isWorkingTime(Instant instant) {
    long second = checked(instant, "instant");
    TimelineBlock block = block(blockIndex(second));
    return block.isWorking(second - block.originSecond);
  }

  Instant nextWorkingTime(Instant instant) {
    long second = checked(instant, "instant");
    int index = blockIndex(second);
    TimelineBlock block = block(index);
    long rel = second - block.originSecond;
    if (block.isWorking(rel)) {
      return instant;
    }
    long next = block.nextStartAfter(rel);
    while (next < 0) {
      block = blockAfter(index++);
      next = block.firstStart();
    }
    return Instant.ofEpochSecond(block.originSecond + next);
  }

  Instant plus(Instant start, Duration workingTime) {
    long second = checked(start, "start");
    if (workingTime.isZero()) {
      return start;
    }
    long amount = nanosOf(workingTime);
    int index = blockIndex(second);
    TimelineBlock block = block(index);
    long target = block.workedNanos(second - block.originSecond, start.getNano()) + amount;
    if (amount > 0) {
      while (target > block.totalNanos) {
        target -= block.totalNanos;
        block = blockAfter(index++);
      }
      return block.instantAt(block.earliestAt(target));
    }
    while (target < 0) {
      block = blockBefore(index--);
      target += block.totalNanos;
    }
    return block.instantAt(block.latestAt(target));
  }

  /** Returns the duration in nanoseconds, rejecting any longer than the whole supported range. */
  private static long nanosOf(Duration duration) {
    long seconds = duration.getSeconds();
    if (seconds > END_SECOND || seconds < -END_SECOND) {
      throw new DateTimeException("working time " + duration + " is longer than the supported range");
    }
    return seconds * TimelineBlock.NANOS_PER_SECOND + duration.getNano();
  }

  Duration between(Instant startInclusive, Instant endExclusive) {
    checked(startInclusive, "startInclusive");
    checked(endExclusive, "endExclusive");
    if (startInclusive.compareTo(endExclusive) <= 0) {
      return Duration.ofNanos(workedNanos(startInclusive, endExclusive));
    }
    return Duration.ofNanos(-workedNanos(endExclusive, startInclusive));
  }

  /** Returns the working nanoseconds in {@code [from, to)}, {@code from <= to}, both checked. */
  private long workedNanos(Instant from, Instant to) {
    long fromSecond = from.getEpochSecond();
    long toSecond = to.getEpochSecond();
    int first = blockIndex(fromSecond);
    TimelineBlock block = block(first);
    long before = block.workedNanos(fromSecond - block.originSecond, from.getNano());
    if (first == BLOCKS - 1 || toSecond < YEAR_START[first + 1]) {
      return block.workedNanos(toSecond - block.originSecond, to.getNano()) - before;
    }
    int last = blockIndex(toSecond);
    long sum = block.totalNanos - before;
    for (int index = first + 1; index < last; index++) {
      sum += block(index).totalNanos;
    }
    block = block(last);
    return sum + block.workedNanos(toSecond - block.originSecond, to.getNano());
  }
}
