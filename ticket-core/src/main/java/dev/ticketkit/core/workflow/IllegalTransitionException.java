package dev.ticketkit.core.workflow;

import dev.ticketkit.core.Status;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketStateException;
import java.util.Objects;

/**
 * Thrown when a transition may not fire on a ticket now: not from its current state, not by this
 * kind of actor, a guard fails, or there is no remembered state to return to. Nothing was changed.
 *
 * <p>Carries the ticket, the state it is in ({@link #status()}), the transition
 * ({@link #operation()} and {@link #transition()}) and the reason. Instances are immutable and
 * therefore thread-safe.
 */
public class IllegalTransitionException extends TicketStateException {

  private static final long serialVersionUID = 1L;

  /** Why a transition was refused. */
  public enum Reason {
    /** The transition does not fire from the ticket's current state. */
    NOT_FROM_STATE,
    /** The actor's kind may not fire the transition. */
    ACTOR_NOT_ALLOWED,
    /** A guard failed. */
    GUARD_FAILED,
    /** The transition returns to the previous state, but none is remembered. */
    NO_RETURN_STATE,
    /** The ticket's current state is not a state of this workflow. */
    UNKNOWN_STATE
  }

  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param ticketId the ticket
   * @param from the ticket's current status
   * @param transition the refused transition's name
   * @param reason why, as a kind
   * @param detail why, in words
   */
  public IllegalTransitionException(
      TicketId ticketId, Status from, String transition, Reason reason, String detail) {
    super(ticketId, from, transition, Objects.requireNonNull(reason, "reason") + ": "
        + Objects.requireNonNull(detail, "detail"));
    this.reason = reason;
  }

  /** @return the refused transition's name */
  public String transition() {
    return operation();
  }

  /** @return the kind of reason */
  public Reason kind() {
    return reason;
  }
}
