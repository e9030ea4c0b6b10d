package dev.ticketkit.core;

import java.util.Objects;

/**
 * The root of every exception TicketKit throws on purpose.
 *
 * <p>Callers that want to handle "anything the library rejected" catch this type; the subclasses
 * carry the context of the failure (the ticket, the states, the field, the JSON path). Storage
 * errors are translated into a subclass too, so no JDBC or jOOQ type ever reaches a caller.
 *
 * <p>Instances are immutable and therefore thread-safe.
 */
public class TicketKitException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, naming the values involved
   */
  public TicketKitException(String message) {
    super(Objects.requireNonNull(message, "message"));
  }

  /**
   * Creates an exception with a message and the cause it translates.
   *
   * @param message what went wrong, naming the values involved
   * @param cause the underlying failure
   */
  public TicketKitException(String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), Objects.requireNonNull(cause, "cause"));
  }
}
