package dev.ticketkit.sla.escalation;

import dev.ticketkit.core.InvalidInputException;
import java.util.Objects;

/**
 * A message to a recipient about an escalation.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param recipient the role or name from the {@link EscalationAction.Notify} action
 * @param context what happened
 */
public record Notification(String recipient, EscalationContext context) {

  /**
   * Validates the notification.
   *
   * @throws InvalidInputException if the recipient is blank
   */
  public Notification {
    Objects.requireNonNull(context, "context");
    if (Objects.requireNonNull(recipient, "recipient").isBlank()) {
      throw new InvalidInputException("recipient", recipient, "must not be blank");
    }
  }
}
