package dev.ticketkit.benchmarks.report;

import dev.ticketkit.report.spike.SpikeDetector;
import dev.ticketkit.report.spike.TicketSignal;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Optional;

/**
 * The spike detector's cost in CPU time of the one thread that feeds it (not wall time, so that a
 * machine shared with other builds does not distort it): the generated year (seed 1) is fed to a
 * fresh detector 3 times to warm up, then 5 times measured; prints signals per CPU-second of
 * each measured pass. Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.ticketkit.benchmarks.report.SpikeDetectorCpuTime}.
 */
public final class SpikeDetectorCpuTime {

  private SpikeDetectorCpuTime() {}

  /**
   * Runs the measurement.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    TicketSignal[] signals = SupportTraffic.generate(1).signals().toArray(TicketSignal[]::new);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    for (int pass = 0; pass < 8; pass++) {
      long t0 = cpu.getCurrentThreadCpuTime();
      int raised = feed(signals);
      long t1 = cpu.getCurrentThreadCpuTime();
      System.out.printf(Locale.ROOT, "%s pass %d: %,d signals, %d episodes, %.3f s CPU, "
          + "%.2f M signals per CPU-second%n", pass < 3 ? "warm-up" : "measured", pass,
          signals.length, raised, (t1 - t0) / 1e9, signals.length / ((t1 - t0) / 1e3));
    }
  }

  private static int feed(TicketSignal[] signals) {
    int[] raised = new int[1];
    SpikeDetector d = SpikeDetector.builder().listener(e -> raised[0]++)
        .zones(t -> Optional.of(SupportTraffic.ZONE)).build();
    for (TicketSignal s : signals) {
      d.accept(s);
    }
    return raised[0];
  }
}
