package dev.ticketkit.benchmarks.compare;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * One timed run of one system: {@code threads} workers run lifecycles back to back for the
 * given time; each finishes the lifecycle it is in, so every lifecycle counted is complete.
 *
 * @param lifecycles lifecycles completed
 * @param seconds wall-clock seconds from the start until the last worker stopped
 * @param serverCpuMillis CPU time of the system's PostgreSQL backends meanwhile (MariaDB: of the
 *     whole server process; H2, in-process: 0, its work is in the client CPU)
 * @param clientCpuMillis CPU time of the worker threads (the library's own work, the JDBC
 *     driver and the pool)
 * @param failure the first failure of a worker, or null
 */
record Round(long lifecycles, double seconds, double serverCpuMillis, double clientCpuMillis,
    Throwable failure) {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Returns lifecycles per second. */
  double rate() {
    return lifecycles / seconds;
  }

  /**
   * Runs a system for a time.
   *
   * @param store the store, for its server's CPU time
   * @param system the system
   * @param threads workers
   * @param millis how long
   * @return the round
   * @throws Exception if the store's statistics cannot be read
   */
  static Round run(Store store, LifecycleSystem system, int threads, long millis)
      throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong done = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    DoubleAdder clientCpu = new DoubleAdder();
    var cpuBefore = store.serverCpuMillis(system);
    List<Thread> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(() -> work(system, stop, done, failure, clientCpu), system.name() + "-" + i);
      workers.add(t);
      t.start();
    }
    long deadline = start + millis * 1_000_000;
    while (System.nanoTime() < deadline && failure.get() == null) {
      Thread.sleep(Math.max(1, Math.min(100, (deadline - System.nanoTime()) / 1_000_000)));
    }
    stop.set(true);
    for (Thread t : workers) {
      t.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = PostgresServer.cpuDelta(cpuBefore, store.serverCpuMillis(system));
    return new Round(done.get(), seconds, cpu, clientCpu.sum(), failure.get());
  }

  private static void work(LifecycleSystem system, AtomicBoolean stop, AtomicLong done,
      AtomicReference<Throwable> failure, DoubleAdder clientCpu) {
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    try {
      system.asWorker(() -> {
        while (!stop.get()) {
          system.lifecycle();
          done.incrementAndGet();
        }
        return null;
      });
    } catch (Throwable e) {
      failure.compareAndSet(null, e);
      stop.set(true);
    } finally {
      clientCpu.add((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6);
    }
  }
}
