package dev.ticketkit.report.spike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.Channel;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The rules of the sequential test (Poisson CUSUM, {@link PoissonCusum}) and of the detector's
 * sensitivity: a stationary Poisson stream at the baseline raises at most about
 * {@code buckets · e^-h} alarms; a clear tripling is caught within the buckets its evidence needs;
 * a more sensitive setting never alarms later.
 */
class SpikeCusumProperties {

  private static final double LN3 = Math.log(3);

  /** Alarm instants of the CUSUM over counts against a constant expectation, restarting at 0. */
  private static List<Integer> alarms(int[] counts, double lambda, double shift, double h) {
    List<Integer> out = new ArrayList<>();
    double s = 0;
    for (int i = 0; i < counts.length; i++) {
      s = PoissonCusum.step(s, counts[i], lambda, Math.log(shift), shift - 1);
      if (s >= h) {
        out.add(i);
        s = 0;
      }
    }
    return out;
  }

  private static int poisson(double lambda, Random rnd) {
    double l = Math.exp(-lambda);
    double p = 1;
    int k = -1;
    do {
      k++;
      p *= rnd.nextDouble();
    } while (p > l);
    return k;
  }

  @Property(tries = 200)
  void aStationaryStreamAtTheBaselineRaisesAtMostTheExpectedNumberOfAlarms(
      @ForAll @DoubleRange(min = 0.05, max = 20) double lambda,
      @ForAll @DoubleRange(min = 1.5, max = 5) double shift,
      @ForAll @DoubleRange(min = 3, max = 9) double h,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    int[] counts = new int[20_000];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = poisson(lambda, rnd);
    }
    // Ville: each restart reaches h with probability at most e^-h, so at most
    // buckets · e^-h alarms are expected; allow 4 standard deviations of a Poisson count.
    double expected = counts.length * Math.exp(-h);
    assertThat(alarms(counts, lambda, shift, h).size())
        .as("λ=%s k=%s h=%s", lambda, shift, h)
        .isLessThanOrEqualTo((int) Math.ceil(expected + 4 * Math.sqrt(expected) + 1));
  }

  @Property(tries = 200)
  void aClearTriplingIsCaughtWithinTheBucketsItsEvidenceNeeds(
      @ForAll @DoubleRange(min = 0.5, max = 50) double lambda,
      @ForAll @DoubleRange(min = 4, max = 20) double h,
      @ForAll @IntRange(min = 0, max = 200) int before) {
    int[] counts = new int[before + 200];
    for (int i = 0; i < counts.length; i++) {
      // at most the baseline before the step (each such bucket moves the sum down), then tripled
      counts[i] = (int) (i < before ? Math.floor(lambda) : Math.round(3 * lambda));
    }
    List<Integer> raised = alarms(counts, lambda, 3, h);
    // each tripled bucket adds about 3λ ln 3 - 2λ (1.3λ) nats; the counts are rounded, so
    // allow the rounding's loss and one bucket more
    double perBucket = Math.round(3 * lambda) * LN3 - 2 * lambda;
    int within = (int) Math.ceil(h / perBucket) + 1;
    assertThat(raised).as("λ=%s h=%s", lambda, h).isNotEmpty();
    assertThat(raised.get(0)).isGreaterThanOrEqualTo(before)
        .isLessThan(before + within);
  }

  @Property(tries = 200)
  void aLowerThresholdNeverAlarmsLater(
      @ForAll @DoubleRange(min = 0.2, max = 10) double lambda,
      @ForAll @DoubleRange(min = 2, max = 12) double low,
      @ForAll @DoubleRange(min = 0, max = 8) double more,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    int[] counts = new int[3_000];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = poisson(i > 1_000 ? 2.5 * lambda : lambda, rnd);
    }
    List<Integer> sensitive = alarms(counts, lambda, 3, low);
    List<Integer> strict = alarms(counts, lambda, 3, low + more);
    if (!strict.isEmpty()) {
      assertThat(sensitive).isNotEmpty();
      assertThat(sensitive.get(0)).isLessThanOrEqualTo(strict.get(0));
    }
  }

  // The detector as a whole: until the first alarm of either setting, two detectors fed the
  // same stream are in the same state, so the more sensitive one raises its first event no later.

  private static final TenantId T = TenantId.of("shop");
  private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

  /** Five weeks of steady traffic (30 an hour by day, 6 by night), a rise of one category. */
  private static List<TicketSignal> stream(long seed, double rise, int riseHour) {
    Random rnd = new Random(seed);
    List<TicketSignal> out = new ArrayList<>();
    long id = 0;
    String[] cats = {"account", "payment", "shipping"};
    for (int h = 0; h < 35 * 24; h++) {
      Instant hour = START.plus(Duration.ofHours(h));
      int hourOfDay = h % 24;
      double rate = hourOfDay >= 8 && hourOfDay < 20 ? 30 : 6;
      boolean rising = h >= 28 * 24 + riseHour && h < 28 * 24 + riseHour + 3;
      for (int c = 0; c < cats.length; c++) {
        double r = rate / cats.length * (rising && c == 1 ? rise : 1);
        for (int i = poisson(r, rnd); i > 0; i--) {
          out.add(new TicketSignal(T, hour.plusMillis((long) (rnd.nextDouble() * 3_600_000)),
              SignalKind.NEW_TICKET, cats[c], Channel.EMAIL, TicketId.of(new UUID(0, id++))));
        }
      }
    }
    out.sort((a, b) -> a.at().compareTo(b.at()));
    return out;
  }

  private static Optional<Instant> firstEvent(List<TicketSignal> signals, SpikeSettings s) {
    List<SpikeDetected> out = new ArrayList<>();
    SpikeDetector d = SpikeDetector.builder().settings(s).listener(out::add)
        .zones(t -> Optional.of(ZoneOffset.UTC)).build();
    for (TicketSignal x : signals) {
      d.accept(x);
      if (!out.isEmpty()) {
        return Optional.of(out.get(0).detectedAt());
      }
    }
    return Optional.empty();
  }

  @Property(tries = 8)
  void aMoreSensitiveDetectorRaisesItsFirstEventNoLater(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @DoubleRange(min = 1.5, max = 4) double rise,
      @ForAll @IntRange(min = 0, max = 20) int riseHour) {
    List<TicketSignal> signals = stream(seed, rise, riseHour);
    SpikeSettings strict = SpikeSettings.defaults().withAlpha(1e-7).withCusum(3, 16);
    SpikeSettings sensitive = SpikeSettings.defaults().withAlpha(1e-4).withCusum(3, 8);
    Optional<Instant> s = firstEvent(signals, strict);
    if (s.isPresent()) {
      Optional<Instant> more = firstEvent(signals, sensitive);
      assertThat(more).isPresent();
      assertThat(more.get()).isBeforeOrEqualTo(s.get());
    }
  }

  @Example
  void aTripledCategoryIsRaisedWhileItLastsAndTheCusumNeverLaterThanTheWindows() {
    // 10 an hour on the category by day, tripled for 3 hours from 10:00: about 13 nats an hour,
    // so about an hour of it is needed at 14 nats (this stream: 100 minutes)
    List<TicketSignal> signals = stream(7, 3, 10);
    Instant rise = START.plus(Duration.ofDays(28)).plus(Duration.ofHours(10));
    Optional<Instant> both = firstEvent(signals, SpikeSettings.defaults());
    assertThat(both).isPresent();
    assertThat(Duration.between(rise, both.get())).isPositive()
        .isLessThanOrEqualTo(Duration.ofHours(3));
    Optional<Instant> windows = firstEvent(signals, SpikeSettings.defaults()
        .withCusum(3, Double.POSITIVE_INFINITY));
    assertThat(windows.map(w -> !both.get().isAfter(w)).orElse(true)).isTrue();
  }

  @Example
  void cusumSettingsOutOfRangeAreRefusedNamingTheField() {
    assertThatThrownBy(() -> SpikeSettings.defaults().withCusum(1.0, 14))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("cusumShift");
    assertThatThrownBy(() -> SpikeSettings.defaults().withCusum(3, 0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("cusumThreshold");
    assertThatThrownBy(() -> SpikeSettings.defaults().withCusum(3, Double.NaN))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("cusumThreshold");
    assertThat(SpikeSettings.defaults().withCusum(3, Double.POSITIVE_INFINITY)
        .cusumThreshold()).isInfinite();
  }
}
