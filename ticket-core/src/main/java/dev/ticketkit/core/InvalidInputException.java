package dev.ticketkit.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a caller passes a value the library does not accept: a blank subject, a text over
 * its documented limit, an unknown status, a malformed identifier.
 *
 * <p>The exception names the field and shows the rejected value, and it is always thrown before
 * anything is written. The message shows at most {@value TextRule#MAX_SHOWN} characters of the
 * value, with control characters and lone surrogates escaped, and masks personal data.
 * Instances are immutable and therefore thread-safe.
 */
public class InvalidInputException extends TicketKitException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final @Nullable String value;

  /**
   * Creates an exception for one rejected field.
   *
   * @param field the name of the field or parameter, as the caller knows it (for example
   *     {@code "subject"} or {@code "requester.handles[2]"})
   * @param value the rejected value, or {@code null} when the value was missing
   * @param reason why the value is rejected, for example {@code "must not be blank"}
   */
  public InvalidInputException(String field, @Nullable Object value, String reason) {
    this(field, value, reason, false);
  }

  /** Creates the exception, masking the value when it is personal data (see {@link TextRule}). */
  InvalidInputException(String field, @Nullable Object value, String reason, boolean personal) {
    super(field + " " + Objects.requireNonNull(reason, "reason") + " (was "
        + TextRule.excerpt(value, personal) + ")");
    this.field = Objects.requireNonNull(field, "field");
    this.value = value == null ? null
        : personal ? TextRule.excerpt(value, true) : String.valueOf(value);
  }

  /**
   * Returns the name of the rejected field.
   *
   * @return the field name
   */
  public String field() {
    return field;
  }

  /**
   * Returns the rejected value as text, or {@code null} when it was missing. For personal data
   * (a name, a contact handle: see {@link TextRule#personal()}) it is the masked form the
   * message shows, never the value itself.
   *
   * @return the rejected value
   */
  public @Nullable String value() {
    return value;
  }
}
