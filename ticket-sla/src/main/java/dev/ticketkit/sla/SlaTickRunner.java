package dev.ticketkit.sla;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link SlaEngine#tick(java.time.Instant)} periodically on a host's
 * {@link ScheduledExecutorService}, reading "now" from the host's {@link Clock}.
 *
 * <p>Ticks run with a fixed delay between the end of one and the start of the next, so they never
 * overlap on one runner; a tick that throws is logged and the schedule goes on. Several runners
 * (on several nodes) may share one store: the store's claims keep each escalation to one of them.
 * Closing cancels the schedule (a tick in progress finishes); it does not shut the executor down,
 * which belongs to the host. Thread-safe.
 */
public final class SlaTickRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SlaTickRunner.class);

  private final ScheduledFuture<?> future;
  private final AtomicLong fired = new AtomicLong();

  SlaTickRunner(SlaEngine engine, ScheduledExecutorService executor, Clock clock,
      Duration period) {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(clock, "clock");
    long nanos = period.toNanos();
    future = executor.scheduleWithFixedDelay(() -> {
      try {
        fired.addAndGet(engine.tick(clock.instant()));
      } catch (RuntimeException e) {
        LOG.warn("SLA tick failed; the next tick retries", e);
      }
    }, 0, nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * Returns how many escalation levels this runner's ticks have fired.
   *
   * @return the count
   */
  public long fired() {
    return fired.get();
  }

  /** Cancels the schedule; idempotent. */
  @Override
  public void close() {
    future.cancel(false);
  }
}
