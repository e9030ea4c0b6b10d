package dev.ticketkit.core.store;

import dev.ticketkit.core.TicketKitException;
import java.util.Objects;

/**
 * Thrown when a store fails for a reason of its own (a lost connection, a failed follower):
 * the library's translation of the underlying error, which is kept as the cause.
 *
 * <p>Instances are immutable and therefore thread-safe.
 */
public class TicketStoreException extends TicketKitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the tenant and ticket
   * @param cause the underlying failure
   */
  public TicketStoreException(String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), Objects.requireNonNull(cause, "cause"));
  }
}
