package dev.ticketkit.sla.escalation;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.SupportedTime;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads durations in policy texts: ISO-8601 ({@code PT15M}, {@code P3DT12H}) or a short form,
 * a whole number and a unit ({@code 15m}, {@code 2h}, {@code 90s}, {@code 3d}, a day being 24
 * hours). Stateless and thread-safe.
 */
public final class Durations {

  private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*([smhd])");

  private Durations() {}

  /**
   * Reads a duration.
   *
   * @param field the field name for the error
   * @param text the text
   * @return the duration, not negative and at most {@link SupportedTime#MAX_DURATION}
   * @throws InvalidInputException if the text is not a duration, is negative or is longer than
   *     the supported range
   */
  public static Duration parse(String field, @Nullable String text) {
    if (text != null) {
      String t = text.trim();
      Matcher m = SHORT.matcher(t.toLowerCase(Locale.ROOT));
      try {
        Duration d = m.matches() ? shortForm(Long.parseLong(m.group(1)), m.group(2).charAt(0))
            : Duration.parse(t);
        if (!d.isNegative()) {
          return SupportedTime.requireDuration(field, d);
        }
      } catch (DateTimeParseException | ArithmeticException e) {
        // reported below
      }
    }
    throw new InvalidInputException(field, text,
        "must be a duration such as PT15M, P3DT12H, 15m, 2h or 3d, not negative");
  }

  private static Duration shortForm(long amount, char unit) {
    return switch (unit) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }
}
