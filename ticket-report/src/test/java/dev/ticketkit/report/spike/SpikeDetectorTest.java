package dev.ticketkit.report.spike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.Channel;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.time.LocalDate;
import java.time.ZoneOffset;
import dev.ticketkit.sla.calendar.BusinessCalendar;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The detector on small synthetic streams: steady Poisson traffic raises nothing, a burst raises
 * one event per episode with observed and expected counts and examples, two detectors sharing
 * claims raise each episode once, a second burst after the first ended is a second episode.
 */
class SpikeDetectorTest {

  private static final TenantId T = TenantId.of("shop");
  private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
  private static final String[] CATEGORIES = {"account", "payment", "shipping", "app"};

  /** Steady traffic: 40 an hour by day, 8 by night, categories evenly; plus bursts. */
  private static List<TicketSignal> stream(long seed, int days, List<Instant> bursts) {
    Random rnd = new Random(seed);
    List<TicketSignal> out = new ArrayList<>();
    long id = 0;
    for (int h = 0; h < days * 24; h++) {
      Instant hour = START.plus(Duration.ofHours(h));
      int hourOfDay = h % 24;
      double rate = hourOfDay >= 8 && hourOfDay < 20 ? 40 : 8;
      for (int i = poisson(rate, rnd); i > 0; i--) {
        out.add(signal(hour.plusMillis((long) (rnd.nextDouble() * 3_600_000)),
            CATEGORIES[rnd.nextInt(CATEGORIES.length)], id++));
      }
      for (Instant b : bursts) {
        if (!b.isAfter(hour) && hour.isBefore(b.plus(Duration.ofHours(1)))) {
          for (int i = 0; i < 40; i++) {
            out.add(signal(hour.plusMillis((long) (rnd.nextDouble() * 3_600_000)), "payment",
                id++));
          }
        }
      }
    }
    out.sort((a, b) -> a.at().compareTo(b.at()));
    return out;
  }

  private static TicketSignal signal(Instant at, String category, long id) {
    return new TicketSignal(T, at, SignalKind.NEW_TICKET, category, Channel.EMAIL,
        TicketId.of(new UUID(0, id)));
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

  private static List<SpikeDetected> run(List<TicketSignal> signals, EpisodeClaims claims) {
    List<SpikeDetected> out = new ArrayList<>();
    SpikeDetector d = SpikeDetector.builder().claims(claims).listener(out::add)
        .zones(t -> Optional.of(java.time.ZoneOffset.UTC)).build();
    signals.forEach(d::accept);
    return out;
  }

  @Test
  void steadyTrafficRaisesNothing() {
    assertThat(run(stream(1, 42, List.of()), EpisodeClaims.inMemory())).isEmpty();
  }

  @Test
  void aBurstRaisesOneEventForItsCategoryWithTheCounts() {
    Instant burst = START.plus(Duration.ofDays(30)).plus(Duration.ofHours(10));
    List<SpikeDetected> events = run(stream(2, 35, List.of(burst)), EpisodeClaims.inMemory());
    List<SpikeDetected> payment = events.stream()
        .filter(e -> e.series().equals(new SeriesKey(SignalKind.NEW_TICKET, "category",
            "payment"))).toList();
    assertThat(payment).hasSize(1);
    SpikeDetected e = payment.get(0);
    assertThat(e.startedAt()).isBetween(burst.minus(Duration.ofMinutes(5)),
        burst.plus(Duration.ofMinutes(30)));
    assertThat(e.observed()).isGreaterThan(2 * (long) e.expected());
    assertThat(e.pValue()).isLessThan(1e-6);
    assertThat(e.examples()).hasSize(5);
    assertThat(events).allMatch(x -> x.series().dimension().equals("category")
        ? x.series().value().equals("payment") : true);
  }

  @Test
  void aSecondBurstAfterTheFirstEndedIsASecondEpisode() {
    Instant first = START.plus(Duration.ofDays(30)).plus(Duration.ofHours(10));
    Instant second = first.plus(Duration.ofHours(6));
    List<SpikeDetected> events = run(stream(3, 35, List.of(first, second)),
        EpisodeClaims.inMemory());
    assertThat(events.stream().filter(e -> e.series().value().equals("payment")).count())
        .isEqualTo(2);
  }

  @Test
  void nodesSharingClaimsRaiseEachEpisodeOnce() {
    Instant burst = START.plus(Duration.ofDays(30)).plus(Duration.ofHours(14));
    List<TicketSignal> signals = stream(4, 33, List.of(burst));
    List<SpikeDetected> alone = run(signals, EpisodeClaims.inMemory());
    EpisodeClaims shared = EpisodeClaims.inMemory();
    List<SpikeDetected> raised = new ArrayList<>();
    List<SpikeDetector> nodes = new ArrayList<>();
    for (int n = 0; n < 3; n++) {
      nodes.add(SpikeDetector.builder().claims(shared).listener(raised::add).build());
    }
    for (TicketSignal s : signals) {
      nodes.forEach(d -> d.accept(s));
    }
    assertThat(alone).isNotEmpty();
    assertThat(raised).hasSameSizeAs(alone);
    assertThat(raised.stream().map(e -> e.series() + "@" + e.startedAt()).distinct().count())
        .isEqualTo(alone.size());
  }

  @Test
  void aHolidayInTheCalendarIsNotLearntSoTheDayAfterRaisesNothing() {
    LocalDate first = LocalDate.of(2026, 1, 31);
    List<LocalDate> holiday = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      holiday.add(first.plusDays(i));
    }
    // Twice the usual traffic (80 an hour by day, 16 by night), a fifth of it in the holidays.
    Random rnd = new Random(5);
    List<TicketSignal> signals = new ArrayList<>();
    long id = 0;
    for (int h = 0; h < 35 * 24; h++) {
      Instant hour = START.plus(Duration.ofHours(h));
      double rate = h % 24 >= 8 && h % 24 < 20 ? 80 : 16;
      if (holiday.contains(hour.atZone(ZoneOffset.UTC).toLocalDate())) {
        rate /= 5;
      }
      for (int i = poisson(rate, rnd); i > 0; i--) {
        signals.add(signal(hour.plusMillis((long) (rnd.nextDouble() * 3_600_000)),
            CATEGORIES[rnd.nextInt(CATEGORIES.length)], id++));
      }
    }
    signals.sort((x, y) -> x.at().compareTo(y.at()));
    BusinessCalendar calendar = BusinessCalendar.builder("office", ZoneOffset.UTC)
        .weekdays("09:00-18:00").holidays(holiday.toArray(LocalDate[]::new)).build();
    assertThat(run(signals, EpisodeClaims.inMemory())).as("without the calendar").isNotEmpty();
    List<SpikeDetected> raised = new ArrayList<>();
    SpikeDetector d = SpikeDetector.builder().listener(raised::add)
        .zones(t -> Optional.of(ZoneOffset.UTC)).calendars(t -> Optional.of(calendar)).build();
    signals.forEach(d::accept);
    assertThat(raised).as("with the calendar").isEmpty();
  }

  @Test
  void theTailProbabilityMatchesTheSumOfTheDistribution() {
    for (double lambda : new double[] {0.3, 2.5, 14.9, 80}) {
      for (int k = 0; k < 200; k += 7) {
        double direct = 0;
        for (int i = k; i < 600; i++) {
          direct += Math.exp(-lambda + i * Math.log(lambda) - PoissonTail.logFactorial(i));
        }
        assertThat(PoissonTail.atLeast(k, lambda)).as("k=%d λ=%s", k, lambda)
            .isCloseTo(Math.min(1, direct), org.assertj.core.data.Offset.offset(
                Math.max(1e-12, direct * 1e-9)));
      }
    }
  }

  @Test
  void settingsOutOfRangeAreRefusedNamingTheField() {
    assertThatThrownBy(() -> SpikeSettings.defaults().withAlpha(0.5))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("alpha");
    assertThatThrownBy(() -> SpikeSettings.defaults().withMinRatio(0.5))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("minRatio");
    assertThatThrownBy(() -> new SpikeSettings(Duration.ofMinutes(7), List.of(
        Duration.ofMinutes(14)), 1e-6, 8, 2, 1.5, 6, .2, .05, Duration.ZERO, 5, 3, 14))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("bucket");
  }
}
