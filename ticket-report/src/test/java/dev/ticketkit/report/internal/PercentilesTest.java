package dev.ticketkit.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Nearest-rank percentiles agree with SQL's PERCENTILE_DISC. */
class PercentilesTest {

  @ParameterizedTest
  @CsvSource({"0.5,1,1", "0.5,2,1", "0.5,3,2", "0.5,4,2", "0.9,10,9", "0.9,11,10", "0.9,30,27",
      "0.1,10,1", "1.0,7,7", "0.01,3,1", "0.95,20,19", "0.9,100,90"})
  void ranksAreCeilingOfPTimesN(double p, int n, int rank) {
    assertThat(Percentiles.rank(p, n)).isEqualTo(rank);
  }

  /** PERCENTILE_DISC(p): the first value whose cumulative share reaches p. */
  @Property
  void theRankIsTheFirstValueWhoseCumulativeShareReachesP(
      @ForAll @Size(min = 1, max = 60) long[] values, @ForAll @IntRange(min = 1, max = 100) int pct) {
    double p = pct / 100.0;
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    long expected = sorted[sorted.length - 1];
    for (int i = 0; i < sorted.length; i++) {
      if ((i + 1) * 100 >= pct * sorted.length) {
        expected = sorted[i];
        break;
      }
    }
    assertThat(Percentiles.of(values.clone(), values.length, p)).isEqualTo(expected);
  }
}
