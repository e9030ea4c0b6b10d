package dev.ticketkit.core.workflow;

import dev.ticketkit.core.InvalidInputException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a workflow's JSON form cannot be read: it is not JSON, it has the wrong shape, or
 * it describes a workflow that does not validate.
 *
 * <p>The exception names the JSON path of the bad part (such as {@code $.transitions[3].to}) as
 * its {@link #field()} and the rejected value; for a syntax error it also gives the line and
 * column. It is the only exception {@link WorkflowJson#read(String)} throws. Instances are
 * immutable and therefore thread-safe.
 */
public class WorkflowFormatException extends InvalidInputException {

  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;

  /**
   * Creates the exception.
   *
   * @param path the JSON path of the bad part, such as {@code $.states[0].category}
   * @param value the rejected value, or null when it was missing
   * @param reason why it is rejected
   * @param line the 1-based line of a syntax error, or -1 when unknown
   * @param column the 1-based column of a syntax error, or -1 when unknown
   */
  public WorkflowFormatException(
      String path, @Nullable Object value, String reason, int line, int column) {
    super(path, value, Objects.requireNonNull(reason, "reason")
        + (line < 0 ? "" : " at line " + line + ", column " + column));
    this.line = line;
    this.column = column;
  }

  /** @return the JSON path of the bad part (same as {@link #field()}) */
  public String path() {
    return field();
  }

  /** @return the 1-based line of a syntax error, or -1 when unknown */
  public int line() {
    return line;
  }

  /** @return the 1-based column of a syntax error, or -1 when unknown */
  public int column() {
    return column;
  }
}
