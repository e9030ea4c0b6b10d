package dev.ticketkit.sla.policy;

import dev.ticketkit.core.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when an SLA policy document is not valid: the {@linkplain #field() field} is the JSON
 * path of the bad value (such as {@code $.policies[0].targets.FIRST_RESPONSE.URGENT[1].within})
 * and the {@linkplain #value() value} is the bad value as JSON text.
 *
 * <p>It is the only exception the policy reader lets escape for bad content. Instances are
 * immutable and thread-safe.
 */
public final class PolicyFormatException extends InvalidInputException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param path the JSON path of the bad value
   * @param value the bad value as JSON text, or null when it is missing
   * @param reason what is wrong with it
   */
  public PolicyFormatException(String path, @Nullable String value, String reason) {
    super(path, value, reason);
  }
}
