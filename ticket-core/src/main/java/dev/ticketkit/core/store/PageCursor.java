package dev.ticketkit.core.store;

import dev.ticketkit.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * An opaque position in a keyset-paged query: where the next page starts.
 *
 * <p>Pages are ordered by the tickets' per-tenant number, which never changes, so paging is stable
 * while tickets are added or changed: no ticket is returned twice and none that existed before the
 * first page is skipped. Callers pass the text form (from {@link #toString()}) around, for example
 * in a URL, and read it back with {@link #parse(String)}; stores read {@link #afterNumber()}.
 * Instances are immutable and thread-safe.
 */
public final class PageCursor {

  private static final String PREFIX = "tk1:";

  private final long afterNumber;

  private PageCursor(long afterNumber) {
    this.afterNumber = afterNumber;
  }

  /**
   * Returns the cursor that continues after the ticket with the given number.
   *
   * @param number the last number of the page just read, 1 or more
   * @return the cursor
   * @throws InvalidInputException if the number is below 1
   */
  public static PageCursor after(long number) {
    if (number < 1) {
      throw new InvalidInputException("cursor", number, "must be after a number of 1 or more");
    }
    return new PageCursor(number);
  }

  /**
   * Parses a cursor's text form.
   *
   * @param text the text form
   * @return the cursor
   * @throws InvalidInputException if the text is null or not a cursor
   */
  public static PageCursor parse(@Nullable String text) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      if (raw.startsWith(PREFIX)) {
        return after(Long.parseLong(raw.substring(PREFIX.length())));
      }
    } catch (IllegalArgumentException | NullPointerException e) {
      // fall through to the typed error below
    }
    throw new InvalidInputException("cursor", text, "is not a page cursor");
  }

  /**
   * Returns the number after which the page starts (in the query's order).
   *
   * @return the ticket number
   */
  public long afterNumber() {
    return afterNumber;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PageCursor && ((PageCursor) o).afterNumber == afterNumber;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(afterNumber);
  }

  /** Returns the opaque text form, which {@link #parse(String)} reads back. */
  @Override
  public String toString() {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((PREFIX + afterNumber).getBytes(StandardCharsets.UTF_8));
  }
}
