package dev.ticketkit.sla.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * One compiled UTC year of a calendar's timeline: its working intervals as sorted, disjoint,
 * non-touching {@code [start, end)} pairs of seconds after the block's origin, with the running
 * total of working seconds through the end of each interval. See {@link Timeline} for how blocks
 * are used. Immutable (all fields final, arrays never written after construction) and therefore
 * safe to publish through a data race.
 */
final class TimelineBlock {

  static final long NANOS_PER_SECOND = 1_000_000_000L;
  /** Local dates this many days either side of the block's UTC dates are mapped, for offsets and gaps. */
  private static final int MARGIN_DAYS = 3;

  /** The epoch second at which the block begins. */
  final long originSecond;
  /** Working time in the whole block, in nanoseconds. */
  final long totalNanos;
  private final int[] starts;
  private final int[] ends;
  /** {@code through[i]}: working seconds in the block up to {@code ends[i]}. */
  private final int[] through;

  private TimelineBlock(long originSecond, int[] starts, int[] ends, int[] through) {
    this.originSecond = originSecond;
    this.starts = starts;
    this.ends = ends;
    this.through = through;
    this.totalNanos = through.length == 0 ? 0 : through[through.length - 1] * NANOS_PER_SECOND;
  }

  /**
   * Compiles the block {@code [originSecond, endSecond)}: maps each local working range of the
   * dates around it to epoch seconds, clips to the block, sorts, and merges overlapping or touching
   * intervals (a night shift 22:00-24:00 followed by 00:00-06:00 becomes one span).
   */
  static TimelineBlock compile(Schedule schedule, long originSecond, long endSecond) {
    long[] packed = new long[64];
    int count = 0;
    LocalDate last = LocalDate.ofEpochDay(Math.floorDiv(endSecond, 86_400) + MARGIN_DAYS);
    for (LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(originSecond, 86_400) - MARGIN_DAYS);
        !date.isAfter(last); date = date.plusDays(1)) {
      for (LocalTimeRange range : schedule.hoursOn(date)) {
        long start = Math.max(schedule.startEpochSecond(date, range), originSecond);
        long end = Math.min(schedule.endEpochSecond(date, range), endSecond);
        if (end > start) {
          packed = count == packed.length ? Arrays.copyOf(packed, count * 2) : packed;
          packed[count++] = (start - originSecond) << 32 | (end - originSecond);
        }
      }
    }
    Arrays.sort(packed, 0, count);
    return merge(originSecond, packed, count);
  }

  /** Merges sorted {@code start << 32 | end} pairs into disjoint intervals with running totals. */
  private static TimelineBlock merge(long originSecond, long[] packed, int count) {
    int[] starts = new int[count];
    int[] ends = new int[count];
    int n = 0;
    for (int k = 0; k < count; k++) {
      int start = (int) (packed[k] >>> 32);
      int end = (int) packed[k];
      if (n > 0 && start <= ends[n - 1]) {
        ends[n - 1] = Math.max(ends[n - 1], end);
      } else {
        starts[n] = start;
        ends[n++] = end;
      }
    }
    int[] through = new int[n];
    for (int i = 0, sum = 0; i < n; i++) {
      sum += ends[i] - starts[i];
      through[i] = sum;
    }
    return new TimelineBlock(originSecond, Arrays.copyOf(starts, n), Arrays.copyOf(ends, n), through);
  }

  /** Returns the index of the last interval starting at or before {@code rel}, or -1. */
  private int lastStartAtOrBefore(long rel) {
    int low = 0;
    int high = starts.length - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (starts[mid] <= rel) {
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return high;
  }

  /** Returns the index of the first interval whose running total exceeds {@code seconds}, or the count. */
  private int firstThroughAbove(long seconds) {
    int low = 0;
    int high = through.length - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (through[mid] <= seconds) {
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  /** Returns whether second {@code rel} of the block (any nanosecond within it) is working time. */
  boolean isWorking(long rel) {
    int i = lastStartAtOrBefore(rel);
    return i >= 0 && rel < ends[i];
  }

  /** Returns the working nanoseconds in {@code [origin, origin + rel seconds + nano)}. */
  long workedNanos(long rel, int nano) {
    int i = lastStartAtOrBefore(rel);
    if (i < 0) {
      return 0;
    }
    if (rel < ends[i]) {
      return (through[i] - ends[i] + rel) * NANOS_PER_SECOND + nano;
    }
    return through[i] * NANOS_PER_SECOND;
  }

  /** Returns the earliest offset in nanoseconds where the worked total reaches {@code target}, 0 < target <= total. */
  long earliestAt(long target) {
    int j = firstThroughAbove((target + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND - 1);
    return (ends[j] - (long) through[j]) * NANOS_PER_SECOND + target;
  }

  /** Returns the latest offset in nanoseconds where the worked total equals {@code target}, 0 <= target < total. */
  long latestAt(long target) {
    int j = firstThroughAbove(target / NANOS_PER_SECOND);
    return (ends[j] - (long) through[j]) * NANOS_PER_SECOND + target;
  }

  /** Returns the start, in seconds after the origin, of the first interval starting after {@code rel}; -1 if none. */
  long nextStartAfter(long rel) {
    int i = lastStartAtOrBefore(rel) + 1;
    return i < starts.length ? starts[i] : -1;
  }

  /** Returns the instant at {@code relNanos} (non-negative) nanoseconds after the origin. */
  Instant instantAt(long relNanos) {
    return Instant.ofEpochSecond(originSecond + relNanos / NANOS_PER_SECOND, relNanos % NANOS_PER_SECOND);
  }

  /** Returns the number of merged working intervals. */
  int intervalCount() {
    return starts.length;
  }

  /**
   * Returns the heap this block retains, computed for a 64-bit HotSpot JVM with compressed
   * references: a 16-byte header per int array plus 4 bytes per element, rounded up to 8 bytes,
   * and a 40-byte block object (12-byte header, two longs, three references).
   */
  long retainedBytes() {
    return 40 + 3 * arrayBytes(starts.length);
  }

  private static long arrayBytes(int length) {
    return (16 + 4L * length + 7) / 8 * 8;
  }
}
