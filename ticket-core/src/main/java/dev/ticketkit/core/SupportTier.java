package dev.ticketkit.core;

import org.jspecify.annotations.Nullable;

/**
 * A support level: tier 1 takes tickets in, higher tiers take what lower tiers escalate.
 *
 * <p>Levels run from 1 to {@value #MAX_LEVEL}. The text form is {@code L} and the level, such as
 * {@code L2}, which {@link #parse(String)} reads back. Instances are immutable and thread-safe.
 *
 * @param level the level, 1 to {@value #MAX_LEVEL}
 */
public record SupportTier(int level) implements Comparable<SupportTier> {

  /** The highest level. */
  public static final int MAX_LEVEL = 9;
  /** Tier 1, where tickets start. */
  public static final SupportTier FIRST = new SupportTier(1);

  /**
   * Validates the level.
   *
   * @throws InvalidInputException if the level is outside 1 to {@value #MAX_LEVEL}
   */
  public SupportTier {
    if (level < 1 || level > MAX_LEVEL) {
      throw new InvalidInputException("tier", level, "must be between 1 and " + MAX_LEVEL);
    }
  }

  /**
   * Returns the tier with the given level.
   *
   * @param level the level
   * @return the tier
   * @throws InvalidInputException if the level is out of range
   */
  public static SupportTier of(int level) {
    return new SupportTier(level);
  }

  /**
   * Parses the text form {@code L<level>}.
   *
   * @param text the text form, such as {@code "L2"}
   * @return the tier
   * @throws InvalidInputException if the text is null or not of the documented form
   */
  public static SupportTier parse(@Nullable String text) {
    if (text == null || !text.matches("L[1-9]")) {
      throw new InvalidInputException("tier", text, "must be L1 to L" + MAX_LEVEL);
    }
    return new SupportTier(text.charAt(1) - '0');
  }

  /**
   * Tells whether a higher tier exists.
   *
   * @return true below {@value #MAX_LEVEL}
   */
  public boolean hasNext() {
    return level < MAX_LEVEL;
  }

  /**
   * Returns the next higher tier, or this tier at the top.
   *
   * @return the next tier
   */
  public SupportTier next() {
    return hasNext() ? new SupportTier(level + 1) : this;
  }

  @Override
  public int compareTo(SupportTier other) {
    return Integer.compare(level, other.level);
  }

  /** Returns {@code L<level>}, which {@link #parse(String)} reads back. */
  @Override
  public String toString() {
    return "L" + level;
  }
}
