package dev.ticketkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link IsoInstant#format} writes what {@link Instant#toString()} writes, for every instant. */
class IsoInstantProperties {

  @Property(tries = 5000)
  void formatsAsInstantToString(@ForAll("instants") Instant instant) {
    assertThat(IsoInstant.format(instant)).isEqualTo(instant.toString());
  }

  @Provide
  Arbitrary<Instant> instants() {
    Arbitrary<Long> seconds = Arbitraries.oneOf(
        Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
        Arbitraries.longs().between(-62_167_219_300L, 253_402_300_900L),
        Arbitraries.longs().between(1_500_000_000L, 2_100_000_000L));
    Arbitrary<Integer> nanos = Arbitraries.oneOf(
        Arbitraries.integers().between(0, 999_999_999),
        Arbitraries.integers().between(0, 999).map(n -> n * 1_000_000),
        Arbitraries.integers().between(0, 999_999).map(n -> n * 1_000),
        Arbitraries.just(0));
    return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
  }

  @Test
  void edges() {
    for (String text : new String[] {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
        "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "2000-02-29T12:34:56.000001Z",
        "1600-02-29T00:00:00.100Z", "2026-12-01T15:30:00.123456Z"}) {
      Instant instant = Instant.parse(text);
      assertThat(IsoInstant.format(instant)).isEqualTo(instant.toString()).isEqualTo(text);
    }
    for (Instant instant : new Instant[] {Instant.MIN, Instant.MAX, Instant.EPOCH,
        Instant.parse("-0001-12-31T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z")}) {
      assertThat(IsoInstant.format(instant)).isEqualTo(instant.toString());
    }
  }
}
