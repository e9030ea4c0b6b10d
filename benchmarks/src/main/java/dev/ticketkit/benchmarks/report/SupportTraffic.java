package dev.ticketkit.benchmarks.report;

import dev.ticketkit.core.Channel;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.report.spike.SeriesKey;
import dev.ticketkit.report.spike.SignalKind;
import dev.ticketkit.report.spike.TicketSignal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A generated year of a consumer helpdesk's ticket signals, with injected spikes: the evaluation
 * set of the spike detector, written from a model of real traffic before the detector was tuned
 * and independent of its parameters.
 *
 * <p>The model: one tenant in Asia/Shanghai, 2,400 tickets a day at the start growing linearly by
 * 25% over the year; weekday factors (Monday 1.15 down to Sunday 0.68); an hour-of-day profile
 * with a late-morning peak, an afternoon plateau and an evening peak (weekends flatter, later);
 * public holidays and shopping festivals as day factors (National Day 0.55, Spring Festival 0.45,
 * 11.11 at 1.5 ...); over-dispersion as a log-normal day factor (σ 0.08) and hour factor
 * (σ 0.10) on top of Poisson arrivals; eight top-level categories and nine channels with shares
 * that drift (a daily log random walk, σ 0.02). Complaints are tickets tagged {@code complaint}
 * (6%) or arriving on Douyin or the community forum; 4% of tickets get a DISSATISFIED rating
 * about a day later. Spikes multiply one category's or one channel's new tickets by 1.5, 2, 3 or
 * 5 for 30 minutes, 1 hour or 3 hours (20 of each), starting at a moment drawn in proportion to
 * the traffic (spikes are caused by users, who are active when traffic is) after the first three
 * weeks, at least 6 hours apart. Deterministic for a seed.
 */
public final class SupportTraffic {

  /** The tenant. */
  public static final TenantId TENANT = TenantId.of("shop");
  /** Its zone. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  /** The first day. */
  public static final LocalDate START = LocalDate.of(2025, 3, 3);
  /** The length. */
  public static final int DAYS = 364;

  static final String[] CATEGORIES = {"account", "payment", "shipping", "app", "product",
      "refund", "promotion", "other"};
  static final double[] CATEGORY_SHARES = {.22, .20, .18, .15, .10, .08, .04, .03};
  static final Channel[] CHANNELS = {Channel.WECHAT_OFFICIAL_ACCOUNT, Channel.ONLINE_CHAT,
      Channel.IN_APP, Channel.PHONE, Channel.EMAIL, Channel.DOUYIN, Channel.COMMUNITY_FORUM,
      Channel.WEB_FORM, Channel.WECHAT_CHANNELS};
  static final double[] CHANNEL_SHARES = {.22, .20, .15, .12, .10, .09, .05, .04, .03};
  static final Set<Channel> COMPLAINT_CHANNELS = Set.of(Channel.DOUYIN, Channel.COMMUNITY_FORUM);
  private static final double[] HOURS = {.25, .15, .10, .08, .08, .12, .30, .60, 1.0, 1.5, 1.7,
      1.6, 1.2, 1.3, 1.5, 1.55, 1.45, 1.3, 1.1, 1.2, 1.35, 1.3, .9, .5};
  private static final double[] WEEKDAYS = {1.15, 1.08, 1.03, 1.0, .97, .72, .68};
  private static final Map<LocalDate, Double> DAYS_OFF = holidays();
  private static final double[] MULTIPLIERS = {1.5, 2, 3, 5};
  private static final Duration[] LENGTHS = {Duration.ofMinutes(30), Duration.ofHours(1),
      Duration.ofHours(3)};

  /** An injected spike, with the series its extra signals fed and its expected base count. */
  public record Spike(SeriesKey series, Instant start, Instant end, double multiplier,
      Set<SeriesKey> fed, double baseExpected) {}

  /** The year: its signals in time order and its spikes. */
  public record Year(List<TicketSignal> signals, List<Spike> spikes) {}

  private SupportTraffic() {}

  private static Map<LocalDate, Double> holidays() {
    Map<LocalDate, Double> m = new java.util.HashMap<>();
    range(m, "2025-04-04", 3, .7);
    range(m, "2025-05-01", 5, .6);
    range(m, "2025-05-31", 3, .75);
    range(m, "2025-06-18", 1, 1.3);
    range(m, "2025-10-01", 8, .55);
    range(m, "2025-11-10", 1, 1.3);
    range(m, "2025-11-11", 1, 1.5);
    range(m, "2026-01-01", 1, .8);
    range(m, "2026-02-15", 9, .45);
    return m;
  }

  private static void range(Map<LocalDate, Double> m, String from, int days, double f) {
    for (int i = 0; i < days; i++) {
      m.put(LocalDate.parse(from).plusDays(i), f);
    }
  }

  /** The expected tickets per hour of the whole tenant at an hour, before noise. */
  static double rate(ZonedDateTime hour) {
    LocalDate d = hour.toLocalDate();
    double growth = 1 + 0.25 * (d.toEpochDay() - START.toEpochDay()) / DAYS;
    boolean weekend = hour.getDayOfWeek().getValue() >= 6;
    double h = HOURS[hour.getHour()];
    if (weekend) {
      h *= hour.getHour() >= 7 && hour.getHour() <= 9 ? .7 : hour.getHour() >= 20 ? 1.1 : 1;
    }
    return 2400.0 / 24 / 0.97 * growth * WEEKDAYS[hour.getDayOfWeek().getValue() - 1] * h
        * DAYS_OFF.getOrDefault(d, 1.0);
  }

  /**
   * Generates a year.
   *
   * @param seed the seed
   * @return the signals and the spikes
   */
  public static Year generate(long seed) {
    Random rnd = new Random(seed);
    List<TicketSignal> out = new ArrayList<>(1_300_000);
    double[] cat = CATEGORY_SHARES.clone();
    double[] ch = CHANNEL_SHARES.clone();
    List<Spike> spikes = new ArrayList<>();
    List<PlannedSpike> planned = plan(rnd);
    long ids = 0;
    for (int day = 0; day < DAYS; day++) {
      drift(cat, CATEGORY_SHARES, rnd);
      drift(ch, CHANNEL_SHARES, rnd);
      double dayNoise = Math.exp(0.08 * rnd.nextGaussian() - 0.0032);
      for (int hour = 0; hour < 24; hour++) {
        ZonedDateTime h = START.plusDays(day).atStartOfDay(ZONE).plusHours(hour);
        double lambda = rate(h) * dayNoise * Math.exp(0.10 * rnd.nextGaussian() - 0.005);
        Instant t0 = h.toInstant();
        for (int i = poisson(lambda, rnd); i > 0; i--) {
          Instant at = t0.plusMillis((long) (rnd.nextDouble() * 3_600_000));
          ticket(out, at, pick(cat, rnd), pick(ch, rnd), ids++, rnd);
        }
        for (PlannedSpike p : planned) {
          ids = p.inject(out, h, lambda, cat, ch, ids, rnd);
        }
      }
    }
    for (PlannedSpike p : planned) {
      spikes.add(p.toSpike());
    }
    out.sort(Comparator.comparing(TicketSignal::at));
    return new Year(out, spikes);
  }

  private static void ticket(List<TicketSignal> out, Instant at, int cat, int ch, long id,
      Random rnd) {
    TicketId tid = TicketId.of(new UUID(0, id));
    out.add(new TicketSignal(TENANT, at, SignalKind.NEW_TICKET, CATEGORIES[cat], CHANNELS[ch],
        tid));
    if (rnd.nextDouble() < .06 || COMPLAINT_CHANNELS.contains(CHANNELS[ch])) {
      out.add(new TicketSignal(TENANT, at, SignalKind.COMPLAINT, CATEGORIES[cat], CHANNELS[ch],
          tid));
    }
    if (rnd.nextDouble() < .04) {
      long delay = (long) (72_000_000 * Math.exp(0.8 * rnd.nextGaussian()));
      out.add(new TicketSignal(TENANT, at.plusMillis(delay), SignalKind.DISSATISFIED,
          CATEGORIES[cat], CHANNELS[ch], tid));
    }
  }

  /** A spike being injected: counts what it fed. */
  private static final class PlannedSpike {
    final boolean category;
    final int index;
    final Instant start;
    final Instant end;
    final double multiplier;
    final Set<SeriesKey> fed = new HashSet<>();
    double baseExpected;

    PlannedSpike(boolean category, int index, Instant start, Duration length, double m) {
      this.category = category;
      this.index = index;
      this.start = start;
      this.end = start.plus(length);
      this.multiplier = m;
    }

    long inject(List<TicketSignal> out, ZonedDateTime hour, double lambda, double[] cat,
        double[] ch, long ids, Random rnd) {
      Instant h0 = hour.toInstant();
      Instant h1 = h0.plusSeconds(3600);
      Instant from = start.isAfter(h0) ? start : h0;
      Instant to = end.isBefore(h1) ? end : h1;
      if (!from.isBefore(to)) {
        return ids;
      }
      double share = category ? cat[index] : ch[index];
      double part = Duration.between(from, to).toMillis() / 3_600_000.0;
      baseExpected += lambda * share * part;
      long id = ids;
      for (int i = poisson((multiplier - 1) * lambda * share * part, rnd); i > 0; i--) {
        Instant at = from.plusMillis((long) (rnd.nextDouble() * Duration.between(from, to)
            .toMillis()));
        int c = category ? index : pick(cat, rnd);
        int k = category ? pick(ch, rnd) : index;
        int before = out.size();
        ticket(out, at, c, k, id++, rnd);
        for (int j = before; j < out.size(); j++) {
          TicketSignal s = out.get(j);
          fed.add(new SeriesKey(s.kind(), "all", "*"));
          fed.add(new SeriesKey(s.kind(), "category", s.category()));
          fed.add(new SeriesKey(s.kind(), "channel", s.channel().code()));
        }
      }
      return id;
    }

    Spike toSpike() {
      SeriesKey key = new SeriesKey(SignalKind.NEW_TICKET, category ? "category" : "channel",
          category ? CATEGORIES[index] : CHANNELS[index].code());
      return new Spike(key, start, end, multiplier, Set.copyOf(fed), baseExpected);
    }
  }

  private static List<PlannedSpike> plan(Random rnd) {
    List<PlannedSpike> out = new ArrayList<>();
    List<Instant> taken = new ArrayList<>();
    for (double m : MULTIPLIERS) {
      for (Duration len : LENGTHS) {
        for (int n = 0; n < 20; n++) {
          Instant at = startTime(rnd, taken);
          taken.add(at);
          boolean category = rnd.nextBoolean();
          int index = category ? pick(CATEGORY_SHARES, rnd) : pick(CHANNEL_SHARES, rnd);
          out.add(new PlannedSpike(category, index, at, len, m));
        }
      }
    }
    return out;
  }

  /** A start drawn in proportion to the traffic, after three weeks, 6 h from the others. */
  private static Instant startTime(Random rnd, List<Instant> taken) {
    double max = rate(START.plusDays(DAYS - 1).atStartOfDay(ZONE).plusHours(10)) * 1.6;
    for (;;) {
      ZonedDateTime t = START.plusDays(21 + rnd.nextInt(DAYS - 22)).atStartOfDay(ZONE)
          .plusMinutes(rnd.nextInt(24 * 60));
      if (rnd.nextDouble() * max > rate(t.withMinute(0))) {
        continue;
      }
      Instant at = t.toInstant();
      if (taken.stream().allMatch(x -> Math.abs(Duration.between(x, at).toHours()) >= 6)) {
        return at;
      }
    }
  }

  private static void drift(double[] shares, double[] base, Random rnd) {
    double sum = 0;
    for (int i = 0; i < shares.length; i++) {
      double pull = 0.02 * Math.log(base[i] / shares[i]);
      shares[i] *= Math.exp(0.02 * rnd.nextGaussian() + pull);
      sum += shares[i];
    }
    for (int i = 0; i < shares.length; i++) {
      shares[i] /= sum;
    }
  }

  static int pick(double[] weights, Random rnd) {
    double x = rnd.nextDouble();
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  static int poisson(double lambda, Random rnd) {
    if (lambda > 60) {
      return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rnd.nextGaussian()));
    }
    double l = Math.exp(-lambda);
    double p = 1;
    int k = -1;
    do {
      k++;
      p *= rnd.nextDouble();
    } while (p > l);
    return k;
  }

}
