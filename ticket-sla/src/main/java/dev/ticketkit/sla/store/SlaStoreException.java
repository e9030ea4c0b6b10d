package dev.ticketkit.sla.store;

import dev.ticketkit.core.TicketKitException;

/**
 * Thrown when an {@link SlaStore} fails, or when a {@link DueHandler} fails inside
 * {@link SlaStore#claim}; database stores translate their driver's exceptions into it, so no
 * SQL type reaches a caller. Instances are immutable and thread-safe.
 */
public class SlaStoreException extends TicketKitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what failed, naming the values involved
   */
  public SlaStoreException(String message) {
    super(message);
  }

  /**
   * Creates an exception with the cause it translates.
   *
   * @param message what failed, naming the values involved
   * @param cause the underlying failure
   */
  public SlaStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
