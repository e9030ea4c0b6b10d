package dev.ticketkit.sla.clock;

import dev.ticketkit.core.InvalidInputException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One pause of an SLA clock, {@code [start, end)}, open (no end yet) while the clock is paused.
 *
 * <p>The text form is {@code start/end} in ISO-8601, or {@code start/} for an open pause, which
 * {@link #parse(String)} reads back. Instances are immutable and thread-safe.
 *
 * @param start when the pause began, inclusive
 * @param end when it ended, exclusive, or null while it lasts
 */
public record PauseInterval(Instant start, @Nullable Instant end) {

  /**
   * Validates the interval.
   *
   * @throws NullPointerException if the start is null
   * @throws InvalidInputException if the end is before the start
   */
  public PauseInterval {
    Objects.requireNonNull(start, "start");
    if (end != null && end.isBefore(start)) {
      throw new InvalidInputException("pause.end", end, "must not be before the start " + start);
    }
  }

  /**
   * Returns an open pause.
   *
   * @param start when it began
   * @return the pause
   */
  public static PauseInterval openAt(Instant start) {
    return new PauseInterval(start, null);
  }

  /**
   * Reads the text form {@code start/end} or {@code start/}.
   *
   * @param text the text
   * @return the pause
   * @throws InvalidInputException if the text is not a pause
   */
  public static PauseInterval parse(@Nullable String text) {
    int slash = text == null ? -1 : text.indexOf('/');
    if (text == null || slash < 0) {
      throw new InvalidInputException("pause", text, "must be start/end or start/ in ISO-8601");
    }
    try {
      Instant start = Instant.parse(text.substring(0, slash));
      String rest = text.substring(slash + 1);
      return new PauseInterval(start, rest.isEmpty() ? null : Instant.parse(rest));
    } catch (DateTimeException e) {
      throw new InvalidInputException("pause", text, "must be start/end or start/ in ISO-8601");
    }
  }

  /**
   * Tells whether the pause still lasts.
   *
   * @return true if it has no end
   */
  public boolean isOpen() {
    return end == null;
  }

  /**
   * Returns this pause ended at an instant.
   *
   * @param at the end
   * @return the closed pause
   * @throws InvalidInputException if the end is before the start
   */
  public PauseInterval closedAt(Instant at) {
    return new PauseInterval(start, at);
  }

  /**
   * Returns {@code start/end}, or {@code start/} when open.
   *
   * @return the text form
   */
  @Override
  public String toString() {
    return start + "/" + (end == null ? "" : end.toString());
  }
}
