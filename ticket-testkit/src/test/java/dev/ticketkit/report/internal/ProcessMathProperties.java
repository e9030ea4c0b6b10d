package dev.ticketkit.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * The follow-up deadline count ({@link ProcessMath#deadlines}), which the SQL source computes by
 * the same integer formula, against a slow obvious oracle that walks the deadlines one by one.
 */
class ProcessMathProperties {

  @Property(tries = 2_000)
  void deadlinesEqualTheOnesAWalkCounts(@ForAll @LongRange(min = 0, max = 5_000) long o,
      @ForAll @LongRange(min = 0, max = 6_000) long u,
      @ForAll @LongRange(min = 0, max = 6_000) long s,
      @ForAll @LongRange(min = 1, max = 900) long c) {
    long walked = 0;
    for (long d = o + c; d < u; d += c) {
      if (d >= s) {
        walked++;
      }
    }
    assertThat(ProcessMath.deadlines(o, u, s, c)).isEqualTo(walked);
  }
}
