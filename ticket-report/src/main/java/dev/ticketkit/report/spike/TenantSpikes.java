package dev.ticketkit.report.spike;

import dev.ticketkit.core.Channel;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import dev.ticketkit.sla.calendar.BusinessCalendar;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One tenant's series and clock of buckets. Not thread-safe: the detector holds the tenant's lock
 * around every call.
 *
 * <p>Implementation notes. Time is cut into buckets of the settings' length, numbered from the
 * epoch; a signal counts in the bucket of its instant, or in the current bucket if it arrives
 * late. Moving to a later bucket closes the ones in between: each closed bucket feeds the hour
 * count (learnt at the hour's end) and is tested over every window. The ring of each series holds
 * the last {@code maxWindow} buckets; {@code hourOfBucket} holds their local hour of week.
 */
final class TenantSpikes {

  private static final String NONE = "(none)";
  /** Weeks an hour of week must have been learnt before it is trusted. */
  private static final int MIN_SEEN = 3;

  private final TenantId tenant;
  private final ZoneId zone;
  private final SpikeSettings s;
  private final long bucketMillis;
  private final int bucketsPerHour;
  private final int ringSize;
  private final int[] windowBuckets;
  /** The CUSUM's per-bucket terms: {@code ln k} per signal, {@code k - 1} per expected signal. */
  private final double logShift;
  private final double shiftExcess;
  private final boolean cusumOff;
  private final long warmupBuckets;
  private final int[] hourOfBucket;
  /** Whether each ring bucket lies on a special day (holiday or make-up day): never learnt. */
  private final boolean[] specialBucket;
  private final @Nullable BusinessCalendar calendar;
  private java.time.@Nullable LocalDate dayOf;
  private int dayIndex;
  private boolean daySpecial;
  private final Series[] all = new Series[SignalKind.values().length];
  private final List<Map<String, Series>> byCategory = new ArrayList<>();
  private final List<Map<Channel, Series>> byChannel = new ArrayList<>();
  private final List<Series> series = new ArrayList<>();
  private long bucket = Long.MIN_VALUE;
  private final List<SpikeDetected> pending = new ArrayList<>();

  TenantSpikes(TenantId tenant, ZoneId zone, SpikeSettings s,
      @Nullable BusinessCalendar calendar) {
    this.calendar = calendar;
    this.tenant = tenant;
    this.zone = zone;
    this.s = s;
    this.bucketMillis = s.bucket().toMillis();
    this.bucketsPerHour = (int) (60 / s.bucket().toMinutes());
    this.logShift = Math.log(s.cusumShift());
    this.shiftExcess = s.cusumShift() - 1;
    this.cusumOff = Double.isInfinite(s.cusumThreshold());
    this.windowBuckets = s.windows().stream().mapToInt(w -> (int) (w.toMillis() / bucketMillis))
        .sorted().distinct().toArray();
    int max = 0;
    for (int w : windowBuckets) {
      max = Math.max(max, w);
    }
    this.ringSize = max;
    this.warmupBuckets = s.warmup().toMillis() / bucketMillis;
    this.hourOfBucket = new int[max];
    this.specialBucket = new boolean[max];
    for (int i = 0; i < SignalKind.values().length; i++) {
      byCategory.add(new HashMap<>());
      byChannel.add(new HashMap<>());
    }
  }

  void accept(TicketSignal signal) {
    long b = Math.floorDiv(signal.at().toEpochMilli(), bucketMillis);
    advance(b);
    int pos = (int) Math.floorMod(bucket, (long) ringSize);
    int k = signal.kind().ordinal();
    TicketId id = signal.ticketId();
    Series a = all[k];
    if (a == null) {
      a = all[k] = add(new SeriesKey(signal.kind(), "all", "*"), null);
    }
    a.count(pos, id);
    String cat = signal.category() == null ? NONE : signal.category();
    Series c = byCategory.get(k).get(cat);
    if (c == null) {
      c = add(new SeriesKey(signal.kind(), "category", cat), a);
      byCategory.get(k).put(cat, c);
    }
    c.count(pos, id);
    Series ch = byChannel.get(k).get(signal.channel());
    if (ch == null) {
      ch = add(new SeriesKey(signal.kind(), "channel", signal.channel().code()), a);
      byChannel.get(k).put(signal.channel(), ch);
    }
    ch.count(pos, id);
  }

  private Series add(SeriesKey key, Series parent) {
    Series x = new Series(key, parent, bucket, ringSize, s.examples());
    series.add(x);
    return x;
  }

  /** Closes every bucket before {@code b} and opens {@code b}. */
  void advance(long b) {
    if (bucket == Long.MIN_VALUE) {
      open(b);
      return;
    }
    while (bucket < b) {
      close();
      open(bucket + 1);
    }
  }

  private void open(long b) {
    bucket = b;
    int pos = (int) Math.floorMod(b, (long) ringSize);
    ZonedDateTime t = Instant.ofEpochMilli(b * bucketMillis).atZone(zone);
    day(t.toLocalDate());
    hourOfBucket[pos] = dayIndex * 24 + t.getHour();
    specialBucket[pos] = daySpecial;
    for (Series x : series) {
      x.ring[pos] = 0;
    }
  }

  /**
   * Sets the hour-of-week day of a local date (its weekday) and whether it is a special day: with
   * a calendar, a holiday (every day of the calendar's holiday set, weekends inside a holiday
   * period included) or a make-up working day on a usual day off. Special days are never learnt.
   */
  private void day(java.time.LocalDate date) {
    if (date.equals(dayOf)) {
      return;
    }
    dayOf = date;
    dayIndex = date.getDayOfWeek().getValue() - 1;
    boolean wasSpecial = daySpecial;
    daySpecial = false;
    if (calendar != null && !date.isBefore(BusinessCalendar.MIN_DATE)
        && !date.isAfter(BusinessCalendar.MAX_DATE)) {
      boolean usual = !calendar.weeklyHours(date.getDayOfWeek()).isEmpty();
      daySpecial = calendar.holidays().contains(date) || (!usual && calendar.isWorkingDay(date));
    }
    if (daySpecial && !wasSpecial) {
      for (Series x : all) {
        if (x != null) {
          x.resetSpecialLevel(); // a new run of special days learns its own level
        }
      }
    }
  }

  private void close() {
    int pos = (int) Math.floorMod(bucket, (long) ringSize);
    int hour = hourOfBucket[pos];
    boolean hourEnds = Math.floorMod(bucket + 1, (long) bucketsPerHour) == 0;
    for (Series x : series) {
      x.hourCount += x.ring[pos];
      x.expected[pos] = x.expectedPerBucket(hour, bucketsPerHour, MIN_SEEN,
          specialBucket[pos]);
      if (bucket - x.firstBucket >= warmupBuckets) {
        test(x);
      }
    }
    if (hourEnds && specialBucket[pos]) {
      for (Series x : series) {
        if (x.parent != x) {
          x.skipHour();
        }
      }
      for (Series x : all) {
        if (x != null) {
          x.learnSpecialHour(hour);
        }
      }
    } else if (hourEnds) {
      for (Series x : series) {
        if (x.parent != x) {
          x.learnHour(hour, s.learningRate(), s.levelRate(), x.parent.hourCount);
        }
      }
      for (Series x : all) {
        if (x != null) {
          x.learnHour(hour, s.learningRate(), s.levelRate(), 0);
        }
      }
    }
  }

  private void test(Series x) {
    boolean quiet = true;
    Alarm alarm = null;
    long k = 0;
    double lambda = 0;
    int w = 0;
    for (int i = 0; w < windowBuckets.length; i++) {
      int p = (int) Math.floorMod(bucket - i, (long) ringSize);
      if (x.expected[p] < 0) {
        x.resetCusum();
        return;
      }
      k += x.ring[p];
      lambda += x.expected[p];
      if (i + 1 < windowBuckets[w]) {
        continue;
      }
      quiet &= k < s.releaseRatio() * lambda || k < s.minCount();
      if (!x.open && k >= s.minCount() && k >= s.minRatio() * lambda) {
        double tail = PoissonTail.atLeast(k, lambda);
        if (tail < s.alpha() && (alarm == null || tail < alarm.pValue())) {
          alarm = new Alarm(x, Duration.ofMillis(windowBuckets[w] * bucketMillis), k, lambda,
              tail);
        }
      }
      w++;
    }
    Alarm sequential = cusum(x);
    if (alarm == null || sequential != null && sequential.pValue() < alarm.pValue()) {
      alarm = sequential != null ? sequential : alarm;
    }
    if (x.open && !quiet) {
      x.alarmedThisHour = true;
    }
    if (alarm != null) {
      x.alarmedThisHour = true;
      x.quiet = 0;
      if (!x.open) {
        x.open = true;
        x.startedAt = Instant.ofEpochMilli(bucket * bucketMillis);
        pending.add(event(alarm));
      }
    } else if (x.open) {
      x.quiet = quiet ? x.quiet + 1 : 0;
      if (x.quiet >= s.quietBuckets()) {
        x.open = false;
        x.startedAt = null;
        x.quiet = 0;
      }
    }
  }

  /**
   * Adds the closing bucket to the series' Poisson CUSUM and returns its alarm, if the sum reached
   * the threshold with at least {@code minCount} signals and {@code minRatio} times the expectation
   * in the run. While an episode is open, and after an alarm, the sum is 0.
   */
  private @Nullable Alarm cusum(Series x) {
    if (x.open || cusumOff) {
      x.resetCusum();
      return null;
    }
    int p = (int) Math.floorMod(bucket, (long) ringSize);
    int n = x.ring[p];
    double lambda = x.expected[p];
    double sum = PoissonCusum.step(x.cusum, n, lambda, logShift, shiftExcess);
    if (sum == 0) {
      x.resetCusum();
      return null;
    }
    x.cusum = sum;
    x.runObserved += n;
    x.runExpected += lambda;
    x.runBuckets++;
    if (sum < s.cusumThreshold() || x.runObserved < s.minCount()
        || x.runObserved < s.minRatio() * x.runExpected) {
      return null;
    }
    Alarm a = new Alarm(x, Duration.ofMillis(x.runBuckets * bucketMillis), x.runObserved,
        x.runExpected, PoissonTail.atLeast(x.runObserved, x.runExpected));
    x.resetCusum();
    return a;
  }

  /** Returns the event of an alarm that opened an episode. */
  SpikeDetected event(Alarm a) {
    Series x = a.series();
    List<TicketId> examples = new ArrayList<>();
    for (int i = 1; i <= Math.min(x.recentCount, s.examples()); i++) {
      examples.add(x.recent[Math.floorMod(x.recentPos - i, x.recent.length)]);
    }
    return new SpikeDetected(tenant, x.key, x.startedAt,
        x.startedAt.plusMillis(bucketMillis), a.window(), a.observed(), a.expected(),
        a.pValue(), examples);
  }

  /** Returns and forgets the events raised since the last call (null if none). */
  @Nullable List<SpikeDetected> drain() {
    if (pending.isEmpty()) {
      return null;
    }
    List<SpikeDetected> out = List.copyOf(pending);
    pending.clear();
    return out;
  }

  List<SeriesKey> openEpisodes() {
    return series.stream().filter(x -> x.open).map(x -> x.key).toList();
  }

  /** A window that alarmed. */
  record Alarm(Series series, Duration window, long observed, double expected, double pValue) {}
}
