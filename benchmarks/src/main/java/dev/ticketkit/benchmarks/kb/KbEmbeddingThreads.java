package dev.ticketkit.benchmarks.kb;

import com.sun.management.OperatingSystemMXBean;
import dev.ticketkit.kb.semantic.BgeSmallZhEmbedding;
import dev.ticketkit.kb.semantic.EmbeddingOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The query embedding alone under several ONNX Runtime session options (intra-op threads,
 * spinning), no query cache: the benchmark's 24 queries round-robin, the configurations
 * alternating in rounds of {@code perRound} calls each so that they share the machine's moods.
 * Per configuration: the calling thread's CPU and wall time per call as percentiles in
 * milliseconds, and the process's CPU per call (ONNX Runtime's native worker threads included) as
 * a mean over all calls, since the process clock ticks in 10 ms steps.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.ticketkit.benchmarks.kb.KbEmbeddingThreads 10 100 1:off 2:off 2:on</pre>
 */
public final class KbEmbeddingThreads {

  private KbEmbeddingThreads() {}

  /**
   * Runs the measurement.
   *
   * @param args rounds, calls per configuration and round, then configurations
   *     {@code threads:on|off}
   */
  public static void main(String[] args) {
    int rounds = Integer.parseInt(args[0]);
    int perRound = Integer.parseInt(args[1]);
    List<String> names = List.of(args).subList(2, args.length);
    List<BgeSmallZhEmbedding> models = new ArrayList<>();
    for (String name : names) {
      String[] parts = name.split(":");
      models.add(BgeSmallZhEmbedding.load(EmbeddingOptions.defaults().withQueryCache(0)
          .withIntraOpThreads(Integer.parseInt(parts[0])).withSpinning(parts[1].equals("on"))));
    }
    String[] queries = KbSearchBenchmark.QUERIES;
    for (BgeSmallZhEmbedding m : models) {
      for (int i = 0; i < 300; i++) {
        m.embedQuery(queries[i % queries.length]);
      }
    }
    ThreadMXBean thread = ManagementFactory.getThreadMXBean();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    int n = rounds * perRound;
    long[][] cpu = new long[models.size()][n];
    long[][] proc = new long[models.size()][n];
    long[][] wall = new long[models.size()][n];
    for (int r = 0; r < rounds; r++) {
      for (int m = 0; m < models.size(); m++) {
        for (int k = 0; k < perRound; k++) {
          int i = r * perRound + k;
          String q = queries[i % queries.length];
          long c0 = thread.getCurrentThreadCpuTime();
          long p0 = os.getProcessCpuTime();
          long w0 = System.nanoTime();
          models.get(m).embedQuery(q);
          wall[m][i] = System.nanoTime() - w0;
          proc[m][i] = os.getProcessCpuTime() - p0;
          cpu[m][i] = thread.getCurrentThreadCpuTime() - c0;
        }
      }
    }
    for (int m = 0; m < models.size(); m++) {
      double processMean = Arrays.stream(proc[m]).sum() / 1e6 / n;
      double threadMean = Arrays.stream(cpu[m]).sum() / 1e6 / n;
      System.out.printf(Locale.ROOT, "[kb-embed] %-7s thread cpu %s mean %.2f | process cpu mean"
          + " %.2f (10 ms ticks, summed) | wall %s%n", names.get(m), pct(cpu[m]), threadMean,
          processMean, pct(wall[m]));
    }
  }

  static String pct(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    StringBuilder out = new StringBuilder();
    for (double p : new double[] {0.5, 0.9, 0.99, 0.999}) {
      out.append(String.format(Locale.ROOT, "p%s %.2f ", p * 100,
          s[(int) Math.min(s.length - 1, Math.floor(p * s.length))] / 1e6));
    }
    return out.toString().strip();
  }
}
