package dev.ticketkit.sla.escalation;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.SupportedTime;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * When an escalation level fires: when a clock's elapsed business time reaches a share of its
 * target, or a business-time offset after its due instant (on the clock's calendar).
 *
 * <p>The text form, which {@link #parse(String)} reads, is {@code 50%}, {@code breach}, or
 * {@code breach+PT1H}. Triggers sort shares first (ascending), then breach offsets (ascending).
 * Instances are immutable and thread-safe.
 *
 * @param share the share of the target, in (0, 1], or null for a breach trigger
 * @param afterBreach the business time after the due instant, or null for a share trigger
 */
public record LevelTrigger(@Nullable Double share, @Nullable Duration afterBreach)
    implements Comparable<LevelTrigger> {

  /**
   * Validates the trigger.
   *
   * @throws InvalidInputException unless exactly one part is given and it is in range
   */
  public LevelTrigger {
    if ((share == null) == (afterBreach == null)) {
      throw new InvalidInputException("trigger", share + "/" + afterBreach,
          "must be a share of the target or an offset after the breach");
    }
    if (share != null && !(share > 0 && share <= 1)) {
      throw new InvalidInputException("trigger.share", share, "must be above 0 and at most 1");
    }
    if (afterBreach != null) {
      SupportedTime.requireDuration("trigger.afterBreach", afterBreach);
    }
  }

  /**
   * Returns a trigger at a share of the target.
   *
   * @param share above 0 and at most 1
   * @return the trigger
   */
  public static LevelTrigger atShare(double share) {
    return new LevelTrigger(share, null);
  }

  /**
   * Returns a trigger an offset after the breach.
   *
   * @param offset the business time after the due instant, zero for "at breach"
   * @return the trigger
   */
  public static LevelTrigger afterBreach(Duration offset) {
    return new LevelTrigger(null, Objects.requireNonNull(offset, "offset"));
  }

  /**
   * Reads {@code 50%}, {@code breach} or {@code breach+<duration>}.
   *
   * @param text the text
   * @return the trigger
   * @throws InvalidInputException if the text is not a trigger
   */
  public static LevelTrigger parse(@Nullable String text) {
    String t = text == null ? "" : text.trim();
    try {
      if (t.endsWith("%")) {
        return atShare(Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100.0);
      }
      if (t.equals("breach")) {
        return afterBreach(Duration.ZERO);
      }
      if (t.startsWith("breach+")) {
        return afterBreach(Durations.parse("at", t.substring("breach+".length())));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException("at", text, "must be like 50%, breach or breach+PT1H");
  }

  /**
   * Tells whether this is a breach trigger.
   *
   * @return true for an offset after the breach
   */
  public boolean isBreach() {
    return afterBreach != null;
  }

  /**
   * Orders shares first, ascending, then breach offsets, ascending.
   *
   * @param other the other trigger
   * @return negative, zero or positive
   */
  @Override
  public int compareTo(LevelTrigger other) {
    if (isBreach() != other.isBreach()) {
      return isBreach() ? 1 : -1;
    }
    return isBreach() ? afterBreach.compareTo(other.afterBreach)
        : Double.compare(share, other.share);
  }

  /**
   * Returns the text form.
   *
   * @return {@code 50%}, {@code breach} or {@code breach+PT1H}
   */
  @Override
  public String toString() {
    if (!isBreach()) {
      return java.math.BigDecimal.valueOf(share * 100).stripTrailingZeros().toPlainString() + "%";
    }
    return afterBreach.isZero() ? "breach" : "breach+" + afterBreach;
  }
}
