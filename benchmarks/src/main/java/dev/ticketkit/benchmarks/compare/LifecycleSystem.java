package dev.ticketkit.benchmarks.compare;

import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.Callable;

/**
 * One system under comparison: a library wired to its own database (on PostgreSQL, or another
 * {@link Store}) through its own pool and {@link CountingDataSource}, able to run one complete
 * lifecycle (a ticket from intake to its close, or a task from creation to completion).
 * Implementations are thread-safe: worker threads call {@link #lifecycle()} concurrently.
 */
interface LifecycleSystem extends AutoCloseable {

  /** Returns the name the report uses. */
  String name();

  /** Returns how many API calls one lifecycle makes. */
  int callsPerLifecycle();

  /** Returns the database this system alone uses (for server transaction and CPU deltas). */
  String database();

  /** Returns the system's own pool (for a store's counters; the system uses the counting one). */
  HikariDataSource pool();

  /** Returns the counting wrapper between the system and its pool. */
  CountingDataSource counting();

  /**
   * Runs one lifecycle.
   *
   * @throws Exception if a call fails
   */
  void lifecycle() throws Exception;

  /**
   * Runs a worker's loop as the user the system's calls need (TASKANA checks the caller's
   * JAAS subject; TicketKit passes its actor with each call and needs nothing).
   *
   * @param loop the worker loop
   * @throws Exception if the loop fails
   */
  default void asWorker(Callable<Void> loop) throws Exception {
    loop.call();
  }

  @Override
  void close();
}
