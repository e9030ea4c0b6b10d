package dev.ticketkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.Channel;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.jdbc.testing.TestKit;
import dev.ticketkit.report.spike.EpisodeClaims;
import dev.ticketkit.report.spike.SeriesKey;
import dev.ticketkit.report.spike.SignalKind;
import dev.ticketkit.report.spike.SpikeDetected;
import dev.ticketkit.report.spike.SpikeDetector;
import dev.ticketkit.report.spike.TicketSignal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Spike episodes claimed in PostgreSQL ({@code tk_report_episode}): a key is won once, per
 * tenant; two detectors, each with its own kit on the shared database, fed the same stream on
 * two threads at once, raise each episode exactly once between them.
 */
class PostgresEpisodeClaimsTest {

  private static final TestKit DB = new TestKit(DatabaseKind.POSTGRESQL);
  private static final TenantId T = TenantId.of("shop");
  private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

  @AfterAll
  static void dropDatabase() {
    DB.close();
  }

  @Test
  void aKeyIsWonOncePerTenant() {
    EpisodeClaims a = DB.freshKit().reportSource().episodeClaims();
    EpisodeClaims b = DB.freshKit().reportSource().episodeClaims();
    SeriesKey series = new SeriesKey(SignalKind.COMPLAINT, "channel", "douyin");
    EpisodeClaims.Key key = new EpisodeClaims.Key(T, series, START);
    assertThat(a.claim(key)).isTrue();
    assertThat(b.claim(key)).isFalse();
    assertThat(a.claim(key)).isFalse();
    assertThat(b.claim(new EpisodeClaims.Key(TenantId.of("other"), series, START))).isTrue();
    assertThat(b.claim(new EpisodeClaims.Key(T, series, START.plusSeconds(900)))).isTrue();
  }

  @Test
  void twoDetectorsOnTheSharedDatabaseRaiseEachEpisodeOnce() throws Exception {
    Instant first = START.plus(Duration.ofDays(30)).plus(Duration.ofHours(10));
    List<TicketSignal> signals = stream(List.of(first, first.plus(Duration.ofHours(6))));
    List<SpikeDetected> alone = run(signals, EpisodeClaims.inMemory());
    assertThat(alone).hasSizeGreaterThanOrEqualTo(2);

    List<SpikeDetected> raised = Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<Void>> nodes = new ArrayList<>();
    for (int n = 0; n < 2; n++) {
      EpisodeClaims claims = DB.freshKit().reportSource().episodeClaims();
      nodes.add(CompletableFuture.runAsync(() -> raised.addAll(run(signals, claims))));
    }
    for (CompletableFuture<Void> node : nodes) {
      node.get();
    }
    assertThat(raised).hasSameSizeAs(alone);
    assertThat(raised.stream().map(e -> e.series() + "@" + e.startedAt()).distinct().count())
        .isEqualTo(alone.size());
  }

  private static List<SpikeDetected> run(List<TicketSignal> signals, EpisodeClaims claims) {
    List<SpikeDetected> out = new ArrayList<>();
    SpikeDetector d = SpikeDetector.builder().claims(claims).listener(out::add)
        .zones(t -> Optional.of(ZoneOffset.UTC)).build();
    signals.forEach(d::accept);
    return out;
  }

  /** 35 days of steady traffic (40 an hour by day, 8 by night) with hour-long bursts. */
  private static List<TicketSignal> stream(List<Instant> bursts) {
    String[] categories = {"account", "payment", "shipping", "app"};
    Random rnd = new Random(3);
    List<TicketSignal> out = new ArrayList<>();
    long id = 0;
    for (int h = 0; h < 35 * 24; h++) {
      Instant hour = START.plus(Duration.ofHours(h));
      double rate = h % 24 >= 8 && h % 24 < 20 ? 40 : 8;
      for (int i = poisson(rate, rnd); i > 0; i--) {
        out.add(signal(hour.plusMillis((long) (rnd.nextDouble() * 3_600_000)),
            categories[rnd.nextInt(categories.length)], id++));
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
}
