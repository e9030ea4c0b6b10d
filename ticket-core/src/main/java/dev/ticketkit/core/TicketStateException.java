package dev.ticketkit.core;

import java.util.Objects;

/**
 * Thrown when an operation is not allowed in the ticket's current status, such as rating a ticket
 * that is not resolved or escalating a closed one. Nothing was changed.
 *
 * <p>Instances are immutable and therefore thread-safe.
 */
public class TicketStateException extends TicketKitException {

  private static final long serialVersionUID = 1L;

  private final TicketId ticketId;
  private final Status status;
  private final String operation;
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param ticketId the ticket
   * @param status the ticket's current status
   * @param operation the refused operation or transition, such as {@code "rate"}
   * @param reason why it is refused
   */
  public TicketStateException(TicketId ticketId, Status status, String operation, String reason) {
    super(operation + " refused for ticket " + ticketId + " in status " + status + ": " + reason);
    this.ticketId = Objects.requireNonNull(ticketId, "ticketId");
    this.status = Objects.requireNonNull(status, "status");
    this.operation = Objects.requireNonNull(operation, "operation");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** @return the ticket */
  public TicketId ticketId() {
    return ticketId;
  }

  /** @return the ticket's status when the operation was refused */
  public Status status() {
    return status;
  }

  /** @return the refused operation or transition */
  public String operation() {
    return operation;
  }

  /** @return why it was refused */
  public String reason() {
    return reason;
  }
}
