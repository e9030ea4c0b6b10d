package dev.ticketkit.kb.store;

import dev.ticketkit.core.TicketKitException;

/**
 * Thrown when an article store or a search index fails for a reason of its own (a database or
 * disk error); it wraps the underlying failure so that no storage type reaches a caller.
 *
 * <p>Instances are immutable and therefore thread-safe.
 */
public class KbStorageException extends TicketKitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what the store was doing, naming the values involved
   * @param cause the underlying failure
   */
  public KbStorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
