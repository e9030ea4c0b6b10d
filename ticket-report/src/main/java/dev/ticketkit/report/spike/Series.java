package dev.ticketkit.report.spike;

import dev.ticketkit.core.TicketId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The state of one counted series: recent bucket counts, its hour-of-week baseline, its level
 * correction and its episode. Guarded by its tenant's lock.
 */
final class Series {

  final SeriesKey key;
  final long firstBucket;
  final int[] ring;
  /** The expected count of each bucket in the ring, as of its close (-1: unlearnt). */
  final double[] expected;
  final double[] slot = new double[168];
  final byte[] seen = new byte[168];
  final TicketId[] recent;
  int recentCount;
  int recentPos;
  int hourCount;
  boolean alarmedThisHour;
  double level = 1;
  /**
   * For a tenant-wide series: the level of the current run of special days relative to their
   * weekday's usual expectation (a holiday's low traffic); 1 at the start of each run.
   */
  double specialLevel = 1;
  /**
   * The special-day level's discounted sums of observed and usually expected signals in the
   * current run of special days (the level is their ratio, with {@link #SPECIAL_PRIOR} pseudo
   * signals at level 1).
   */
  double specialObserved;
  double specialUsual;
  /** For a category or channel series: its kind's tenant-wide series, whose shape it shares. */
  final Series parent;
  /** For a category or channel series: its share of the parent's signals. */
  double share;
  int shareHours;
  boolean open;
  /**
   * The Poisson CUSUM: the cumulative log-likelihood ratio of the current run (0 when no run), and
   * the run's observed and expected counts and length in buckets.
   */
  double cusum;
  long runObserved;
  double runExpected;
  int runBuckets;
  @Nullable Instant startedAt;
  int quiet;

  Series(SeriesKey key, Series parent, long firstBucket, int ringSize, int examples) {
    this.key = key;
    this.parent = parent == null ? this : parent;
    this.firstBucket = firstBucket;
    this.ring = new int[ringSize];
    this.expected = new double[ringSize];
    this.recent = new TicketId[Math.max(1, examples)];
  }

  /** Ends the CUSUM's run: the sum returns to 0. */
  void resetCusum() {
    cusum = 0;
    runObserved = 0;
    runExpected = 0;
    runBuckets = 0;
  }

  void count(int pos, TicketId id) {
    ring[pos]++;
    recent[recentPos] = id;
    recentPos = (recentPos + 1) % recent.length;
    recentCount = Math.min(recentCount + 1, recent.length);
  }

  /**
   * Expected signals in one bucket of an hour of week, or -1 while unlearnt: the tenant-wide
   * series' own hour-of-week baseline, or for a category or channel its share of its parent's.
   */
  double expectedPerBucket(int hourOfWeek, int bucketsPerHour, int minSeen, boolean special) {
    if (parent != this) {
      double all = parent.expectedPerBucket(hourOfWeek, bucketsPerHour, minSeen, special);
      return all < 0 || shareHours < MIN_SHARE_HOURS ? -1 : all * share;
    }
    return seen[hourOfWeek] < minSeen ? -1
        : slot[hourOfWeek] * level * (special ? specialLevel : 1) / bucketsPerHour;
  }

  /** The discount of each earlier hour in the special-day level's sums. */
  static final double SPECIAL_RATE = 0.3;
  /** Pseudo signals at level 1 in the special-day level: a few quiet hours do not sink it. */
  static final double SPECIAL_PRIOR = 10;

  /** Starts a new run of special days at level 1. */
  void resetSpecialLevel() {
    specialLevel = 1;
    specialObserved = 0;
    specialUsual = 0;
  }

  /**
   * On a special day (holiday, make-up day) of a tenant-wide series: learns the ratio of the
   * run's counts to their usual expectation into the special-day level (a ratio of discounted
   * sums, each earlier hour weighing 0.7 of the next, plus 10 pseudo signals at level 1), without
   * touching the hour-of-week baseline or the everyday level; like {@link #learnHour}, not from an
   * hour an episode or an alarm touched.
   */
  void learnSpecialHour(int hourOfWeek) {
    int n = hourCount;
    hourCount = 0;
    boolean touched = open || alarmedThisHour;
    alarmedThisHour = false;
    double usual = slot[hourOfWeek] * level;
    if (touched || seen[hourOfWeek] == 0) {
      return;
    }
    specialObserved = (1 - SPECIAL_RATE) * specialObserved + n;
    specialUsual = (1 - SPECIAL_RATE) * specialUsual + usual;
    specialLevel = Math.max(0.1, Math.min(4,
        (specialObserved + SPECIAL_PRIOR) / (specialUsual + SPECIAL_PRIOR)));
  }

  /** Hours of counts a share needs before it is trusted. */
  static final int MIN_SHARE_HOURS = 72;

  /** Ends an hour without learning from it (an hour of a special day). */
  void skipHour() {
    hourCount = 0;
    alarmedThisHour = false;
  }

  /** Learns from a closed hour, unless an episode or an alarm touched it. */
  void learnHour(int hourOfWeek, double learningRate, double levelRate, int parentCount) {
    int n = hourCount;
    hourCount = 0;
    if (open || alarmedThisHour || parent.open) {
      alarmedThisHour = false;
      return;
    }
    if (parent != this) {
      learnShare(n, parentCount, levelRate);
      return;
    }
    int k = seen[hourOfWeek];
    double raw = slot[hourOfWeek];
    if (k > 0 && raw > 0.5) {
      level = Math.max(0.25, Math.min(4, (1 - levelRate) * level + levelRate * n / raw));
    }
    double weight = Math.max(learningRate, 1.0 / (k + 1));
    slot[hourOfWeek] = (1 - weight) * raw + weight * n / level;
    if (k < Byte.MAX_VALUE) {
      seen[hourOfWeek]++;
    }
  }

  private void learnShare(int n, int parentCount, double rate) {
    if (parentCount <= 0) {
      return;
    }
    double x = (double) n / parentCount;
    double weight = Math.max(rate / 2, 1.0 / (shareHours + 1));
    share = (1 - weight) * share + weight * x;
    shareHours++;
  }
}
