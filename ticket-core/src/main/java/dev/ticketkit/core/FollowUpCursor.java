package dev.ticketkit.core;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The position after the last line of a follow-up ledger page: the line's requester-update
 * instant and ticket number. The text form is {@code instant/number}; {@link #parse(String)} reads
 * it back. Instances are immutable and thread-safe.
 *
 * @param requesterUpdatedAt the last line's instant
 * @param number the last line's ticket number
 */
public record FollowUpCursor(Instant requesterUpdatedAt, long number) {

  /**
   * Validates the cursor.
   *
   * @throws NullPointerException if the instant is null
   */
  public FollowUpCursor {
    Objects.requireNonNull(requesterUpdatedAt, "requesterUpdatedAt");
  }

  /**
   * Parses the text form.
   *
   * @param text {@code instant/number}
   * @return the cursor
   * @throws InvalidInputException if the text is not a cursor
   */
  public static FollowUpCursor parse(@Nullable String text) {
    int slash = text == null ? -1 : text.lastIndexOf('/');
    try {
      if (slash > 0) {
        return new FollowUpCursor(Instant.parse(text.substring(0, slash)),
            Long.parseLong(text.substring(slash + 1)));
      }
    } catch (DateTimeException | NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException("cursor", text, "must be of the form instant/number");
  }

  /** Returns {@code instant/number}, which {@link #parse(String)} reads back. */
  @Override
  public String toString() {
    return requesterUpdatedAt + "/" + number;
  }
}
