package dev.ticketkit.core;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Retries a read-modify-write on a ticket when it loses an optimistic-concurrency race.
 *
 * <p>The attempt must read the ticket afresh each time and write with the version it read:
 *
 * <pre>{@code
 * Ticket tagged = ConflictRetry.run(5, () -> {
 *   Ticket current = service.require(tenant, id);
 *   return service.tag(tenant, agent, id, current.version(), Tag.of("vip"));
 * });
 * }</pre>
 *
 * <p>Only {@link TicketConflictException} causes a retry; any other exception ends the run at
 * once. There is no sleep between attempts (the host owns its threads). Stateless and
 * thread-safe.
 */
public final class ConflictRetry {

  private ConflictRetry() {}

  /**
   * Runs the attempt until it succeeds or has failed with a conflict {@code maxAttempts} times.
   *
   * @param maxAttempts how many attempts at most, 1 or more
   * @param attempt reads the ticket and writes with the version it read
   * @param <T> the attempt's result type
   * @return the result of the first attempt that did not conflict
   * @throws TicketConflictException the last conflict, when every attempt conflicted
   * @throws InvalidInputException if maxAttempts is below 1
   */
  public static <T> T run(int maxAttempts, Supplier<T> attempt) {
    Objects.requireNonNull(attempt, "attempt");
    if (maxAttempts < 1) {
      throw new InvalidInputException("maxAttempts", maxAttempts, "must be 1 or more");
    }
    for (int i = 1; ; i++) {
      try {
        return attempt.get();
      } catch (TicketConflictException e) {
        if (i >= maxAttempts) {
          throw e;
        }
      }
    }
  }
}
