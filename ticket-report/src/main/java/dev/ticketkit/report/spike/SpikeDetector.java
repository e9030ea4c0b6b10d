package dev.ticketkit.report.spike;

import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.event.Subscription;
import dev.ticketkit.core.event.TicketOpened;
import dev.ticketkit.core.event.TicketRated;
import dev.ticketkit.report.TenantDirectory;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import dev.ticketkit.sla.calendar.BusinessCalendar;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches each tenant's stream of ticket signals and raises {@link SpikeDetected} once per spike
 * episode of a series (all tickets, one top-level category, one channel; for new tickets,
 * complaints and dissatisfied ratings).
 *
 * <p><b>The tests.</b> Time is cut into buckets (5 minutes by default). Each series learns an
 * expected count for each local hour of the week (Monday 09:00-10:00 ...), an exponentially
 * weighted mean over past weeks, times a slowly moving level correction (the recent ratio of
 * observed to expected hours), so that weekly rhythm, trend and busy days are expected, not
 * alarmed. When a bucket closes, two tests run on each series, and the series alarms if either
 * does:
 *
 * <ul>
 *   <li><em>Windows (Poisson tail probability).</em> For each window (15, 30 and 60 minutes by
 *       default) the observed count k is compared with the expected count λ summed over the
 *       window's buckets: the window alarms if {@code P(X >= k) < alpha} for X ~ Poisson(λ), and
 *       k is at least {@code minCount} and at least {@code minRatio} times λ.
 *   <li><em>Poisson CUSUM (sequential likelihood ratio).</em> The test of "the rate is
 *       {@code cusumShift} (k) times the baseline" against "it is the baseline", accumulated
 *       bucket by bucket: {@code S = max(0, S + x ln k - (k - 1) λ)} for a bucket of x signals
 *       and λ expected (the log-likelihood ratio of the bucket), alarming once
 *       {@code S >= cusumThreshold} (in nats) with at least {@code minCount} signals and
 *       {@code minRatio} times the expectation since S last left 0. It gathers the evidence of a
 *       rise that lasts longer than the windows or starts between them. S restarts from 0 after
 *       an alarm and stays 0 while an episode is open. Under the baseline S drifts down (its mean
 *       step is {@code λ (ln k - k + 1) < 0}); the false-alarm rate falls about as
 *       {@code e^-threshold} per bucket (Wald's bound on the run length). A threshold of
 *       infinity turns it off.
 * </ul>
 *
 * <p>Sensitivity is {@link SpikeSettings} ({@code alpha} and {@code cusumThreshold} first). How
 * much a count test can see is bounded by the evidence: a tripled hour over λ expected signals
 * carries about {@code 1.3 λ} nats (its log-likelihood ratio {@code 3λ ln 3 - 2λ}), so spikes on
 * series that expect a handful of signals an hour are found only when their count comes out high
 * (docs/benchmarks.md has the measured recall by expected count).
 *
 * <p><b>Episodes (hysteresis).</b> The first alarm opens an episode and raises the event, with
 * the window that alarmed most strongly (a window, or the CUSUM's run since it left 0, whichever
 * has the smaller tail probability), observed and expected counts and example tickets. The
 * episode stays open, raising nothing more, until every window has stayed below
 * {@code releaseRatio} times its expectation for {@code quietBuckets} buckets. Hours touched by an
 * episode or an alarm are not learnt. A series needs {@code warmup} (two weeks) of history before
 * it alarms.
 *
 * <p><b>Several nodes.</b> An episode is identified by tenant, series and the start of the bucket
 * that alarmed; the detector raises the event only if it wins {@link EpisodeClaims#claim}. Nodes
 * that each feed the whole tenant stream (for example from the outbox) compute the same keys, so
 * the event is raised once. A node that sees only part of the stream sees part of the counts:
 * feed every detector the whole stream.
 *
 * <p>Signals count in the bucket of their instant, or in the current bucket if they arrive after
 * it closed; {@link #advanceTo} closes buckets when no signal arrives. Thread-safe: each tenant's
 * state has its own lock; listeners run on the calling thread, outside it. Build with
 * {@link #builder()}.
 */
public final class SpikeDetector {

  private static final Logger LOG = LoggerFactory.getLogger(SpikeDetector.class);

  private final SpikeSettings settings;
  private final EpisodeClaims claims;
  private final Consumer<SpikeDetected> listener;
  private final TenantDirectory zones;
  private final Function<TenantId, Optional<BusinessCalendar>> calendars;
  private final Map<TenantId, TenantSpikes> tenants = new ConcurrentHashMap<>();

  private SpikeDetector(Builder b) {
    this.settings = b.settings;
    this.claims = b.claims;
    this.listener = Objects.requireNonNull(b.listener, "listener");
    this.zones = b.zones;
    this.calendars = b.calendars;
  }

  /**
   * Returns a builder; the listener is required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Counts one signal, closing the buckets before its instant first.
   *
   * @param signal the signal
   * @throws NullPointerException if the signal is null
   */
  public void accept(TicketSignal signal) {
    Objects.requireNonNull(signal, "signal");
    TenantSpikes t = state(signal.tenant());
    List<SpikeDetected> raised;
    synchronized (t) {
      t.accept(signal);
      raised = t.drain();
    }
    raise(raised);
  }

  /**
   * Closes a tenant's buckets that end at or before an instant (call it periodically, so that a
   * quiet stream still closes its buckets and ends episodes).
   *
   * @param tenant the tenant
   * @param now the instant
   */
  public void advanceTo(TenantId tenant, Instant now) {
    TenantSpikes t = state(tenant);
    List<SpikeDetected> raised;
    synchronized (t) {
      t.advance(Math.floorDiv(now.toEpochMilli(), settings.bucket().toMillis()));
      raised = t.drain();
    }
    raise(raised);
  }

  /**
   * Returns the series of a tenant whose episode is open.
   *
   * @param tenant the tenant
   * @return the series, in no particular order
   */
  public List<SeriesKey> openEpisodes(TenantId tenant) {
    TenantSpikes t = tenants.get(tenant);
    if (t == null) {
      return List.of();
    }
    synchronized (t) {
      return t.openEpisodes();
    }
  }

  /**
   * Follows a ticket service: every opened ticket counts as NEW_TICKET (and as COMPLAINT when the
   * predicate matches it), every DISSATISFIED rating as DISSATISFIED.
   *
   * @param service the service
   * @param complaints which new tickets are complaints
   * @return the subscription that stops following
   */
  public Subscription follow(TicketService service, ComplaintPredicate complaints) {
    Objects.requireNonNull(complaints, "complaints");
    Subscription opened = service.subscribe(TicketOpened.class, e -> {
      Ticket t = service.require(e.tenant(), e.ticketId());
      accept(TicketSignal.of(t, SignalKind.NEW_TICKET));
      if (complaints.matches(t)) {
        accept(TicketSignal.of(t, SignalKind.COMPLAINT));
      }
    });
    Subscription rated = service.subscribe(TicketRated.class, e -> {
      if (e.rating().satisfaction() == Satisfaction.DISSATISFIED) {
        accept(TicketSignal.dissatisfied(service.require(e.tenant(), e.ticketId()),
            e.header().at()));
      }
    });
    return () -> {
      opened.cancel();
      rated.cancel();
    };
  }

  private TenantSpikes state(TenantId tenant) {
    return tenants.computeIfAbsent(Objects.requireNonNull(tenant, "tenant"),
        t -> new TenantSpikes(t, zones.zoneOf(t).orElse(ZoneOffset.UTC), settings,
            calendars.apply(t).orElse(null)));
  }

  private void raise(@Nullable List<SpikeDetected> raised) {
    if (raised == null) {
      return;
    }
    for (SpikeDetected e : raised) {
      if (claims.claim(new EpisodeClaims.Key(e.tenant(), e.series(), e.startedAt()))) {
        LOG.debug("spike {} of {}: {} observed, {} expected", e.series(), e.tenant(),
            e.observed(), e.expected());
        listener.accept(e);
      }
    }
  }

  /**
   * Builds a {@link SpikeDetector}. Defaults: {@link SpikeSettings#defaults()}, claims in memory,
   * every tenant's hours of week in UTC. Not thread-safe.
   */
  public static final class Builder {
    private SpikeSettings settings = SpikeSettings.defaults();
    private EpisodeClaims claims = EpisodeClaims.inMemory();
    private @Nullable Consumer<SpikeDetected> listener;
    private TenantDirectory zones = t -> Optional.of(ZoneOffset.UTC);
    private Function<TenantId, Optional<BusinessCalendar>> calendars = t -> Optional.empty();

    private Builder() {}

    /**
     * Sets the sensitivity.
     *
     * @param value the settings
     * @return this builder
     */
    public Builder settings(SpikeSettings value) {
      settings = Objects.requireNonNull(value, "settings");
      return this;
    }

    /**
     * Sets the episode claims shared with the other nodes.
     *
     * @param value the claims
     * @return this builder
     */
    public Builder claims(EpisodeClaims value) {
      claims = Objects.requireNonNull(value, "claims");
      return this;
    }

    /**
     * Sets who receives the events.
     *
     * @param value the listener
     * @return this builder
     */
    public Builder listener(Consumer<SpikeDetected> value) {
      listener = Objects.requireNonNull(value, "listener");
      return this;
    }

    /**
     * Sets each tenant's zone, for its hours of week (unknown tenants count in UTC).
     *
     * @param value the directory
     * @return this builder
     */
    public Builder zones(TenantDirectory value) {
      zones = Objects.requireNonNull(value, "zones");
      return this;
    }

    /**
     * Sets each tenant's business calendar (ticket-sla's, with its holidays and make-up working
     * days). With one, the hours of special days (every day of the calendar's holiday set, and
     * make-up working days on a usual day off) are never learnt: they train neither the
     * hour-of-week baselines nor the level nor the shares, so the days after a holiday are not
     * expected at the holiday's level. Special days are tested against their weekday's
     * expectation times a special-day level: each tenant-wide series learns, from the special
     * days' own hours (not from hours an episode or alarm touched), the ratio of their counts to
     * the usual expectation (a ratio of sums in which each earlier hour weighs 0.7 of the next,
     * with 10 pseudo signals at level 1, so that a few quiet night hours do not sink it),
     * starting again from 1 at each run of special days; so a holiday at half the usual traffic is expected at about half after its first
     * hours, and a spike on it is not hidden (comparing holidays with Sundays instead gave more
     * false alarms on the evaluation year, see docs/benchmarks.md). Without a calendar (the
     * default) every day is its weekday.
     *
     * @param value the tenant's calendar, or empty for none
     * @return this builder
     */
    public Builder calendars(Function<TenantId, Optional<BusinessCalendar>> value) {
      calendars = Objects.requireNonNull(value, "calendars");
      return this;
    }

    /**
     * Builds the detector.
     *
     * @return the detector
     * @throws IllegalStateException if no listener is set
     */
    public SpikeDetector build() {
      if (listener == null) {
        throw new IllegalStateException("listener is required");
      }
      return new SpikeDetector(this);
    }
  }
}
