package dev.ticketkit.benchmarks.report;

import dev.ticketkit.report.spike.SpikeDetector;
import dev.ticketkit.report.spike.TicketSignal;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Spike detector throughput on one thread: a fresh detector fed the whole generated year of
 * {@link SupportTraffic} (seed 1, 1,071,668 signals), bucket closes, baseline learning, tests and
 * episodes included. Score: signals per second. Target: at least 1M per second per core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class SpikeDetectorBenchmark {

  /** The signals of the generated year, in time order. */
  static final int SIGNALS = 1_071_668;

  private TicketSignal[] signals;

  /** Generates the year once. */
  @Setup
  public void generate() {
    signals = SupportTraffic.generate(1).signals().toArray(TicketSignal[]::new);
    if (signals.length != SIGNALS) {
      throw new IllegalStateException("expected " + SIGNALS + " signals, got " + signals.length);
    }
  }

  /**
   * Feeds the year to a new detector.
   *
   * @return the number of episodes raised
   */
  @Benchmark
  @OperationsPerInvocation(SIGNALS)
  public int year() {
    int[] raised = new int[1];
    SpikeDetector d = SpikeDetector.builder().listener(e -> raised[0]++)
        .zones(t -> Optional.of(SupportTraffic.ZONE)).build();
    for (TicketSignal s : signals) {
      d.accept(s);
    }
    return raised[0];
  }
}
