package dev.ticketkit.macro;

import dev.ticketkit.core.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * A macro's JSON form or template is not valid: the exception names the JSON path of the field
 * (such as {@code $.reply.zh-CN} or {@code $.changes.priority}) and its value. Not thread-safe to
 * share while being built; immutable once thrown.
 */
public class MacroFormatException extends InvalidInputException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param path the JSON path of the field, such as {@code $.changes.priority}
   * @param value the bad value, or null
   * @param reason what is wrong with it
   */
  public MacroFormatException(String path, @Nullable Object value, String reason) {
    super(path, value, reason);
  }

  /** @return the JSON path of the field, as {@link #field()} */
  public String path() {
    return field();
  }
}
