package dev.ticketkit.report;

import dev.ticketkit.core.TicketKitException;
import java.util.Objects;

/**
 * The JSON form of suggestion rules is malformed; the message names the JSON path and the value.
 * Instances are immutable and thread-safe.
 */
public final class SuggestionRulesFormatException extends TicketKitException {

  private static final long serialVersionUID = 1L;

  private final String path;

  /**
   * Creates the exception.
   *
   * @param path the JSON path, such as {@code rules[2].when[0].atLeast}
   * @param problem what is wrong, with the value
   */
  public SuggestionRulesFormatException(String path, String problem) {
    super("suggestion rules: " + path + ": " + Objects.requireNonNull(problem, "problem"));
    this.path = Objects.requireNonNull(path, "path");
  }

  /**
   * Returns the JSON path of the problem.
   *
   * @return the path
   */
  public String path() {
    return path;
  }
}
