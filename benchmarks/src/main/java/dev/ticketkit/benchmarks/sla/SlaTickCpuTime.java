package dev.ticketkit.benchmarks.sla;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * A supplement to {@link SlaTickBenchmark} for a shared machine: the same state (a million open
 * clocks, a thousand escalations due before each tick), with each tick timed by the benchmark
 * thread's CPU time, so time spent waiting for a core taken by other processes does not count.
 * Garbage-collection time is reported apart (it runs on other threads). Runs 40 warm-up ticks and
 * 60 measured ones and prints the minimum, median and 90th percentile of CPU milliseconds per tick.
 * Not JMH. Run it with {@code java -Xmx6g -cp benchmarks/target/benchmarks.jar
 * dev.ticketkit.benchmarks.sla.SlaTickCpuTime}.
 */
public final class SlaTickCpuTime {

  private static final int WARMUP = 40;
  private static final int MEASURED = 60;

  private SlaTickCpuTime() {
  }

  /**
   * Sets up the benchmark state, runs the ticks and prints the figures.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    SlaTickBenchmark bench = new SlaTickBenchmark();
    bench.setUp();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] cpu = new long[MEASURED];
    long gcBefore = 0;
    for (int i = 0; i < WARMUP + MEASURED; i++) {
      bench.makeDue();
      if (i == WARMUP) {
        gcBefore = gcMillis();
      }
      long t0 = threads.getCurrentThreadCpuTime();
      bench.tick();
      long t1 = threads.getCurrentThreadCpuTime();
      if (i >= WARMUP) {
        cpu[i - WARMUP] = t1 - t0;
      }
    }
    long gc = gcMillis() - gcBefore;
    Arrays.sort(cpu);
    System.out.printf("tick CPU ms: min %.2f, median %.2f, p90 %.2f over %d ticks;"
        + " GC %d ms in all during them%n", cpu[0] / 1e6, cpu[MEASURED / 2] / 1e6,
        cpu[MEASURED * 9 / 10] / 1e6, MEASURED, gc);
  }

  private static long gcMillis() {
    long sum = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += Math.max(0, gc.getCollectionTime());
    }
    return sum;
  }
}
