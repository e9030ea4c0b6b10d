package dev.ticketkit.testkit.story;

import dev.ticketkit.testkit.internal.Format;
import java.time.Duration;
import java.util.Objects;

/**
 * A call of {@code SlaEngine.tick(now - back)} after a {@link StoryStep}, on the first node or on a
 * second node sharing the SLA store: a {@code back} above zero makes an out-of-order (late) tick.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param secondNode true to tick on the second node
 * @param back how far before the current instant the tick's {@code now} is, not negative
 */
public record Tick(boolean secondNode, Duration back) {

  /**
   * Validates the tick.
   *
   * @throws IllegalArgumentException if {@code back} is negative
   */
  public Tick {
    if (Objects.requireNonNull(back, "back").isNegative()) {
      throw new IllegalArgumentException("back must not be negative: " + back);
    }
  }

  /**
   * Returns a tick at the current instant on the first node.
   *
   * @return the tick
   */
  public static Tick now() {
    return new Tick(false, Duration.ZERO);
  }

  /**
   * Returns {@code tick A} or {@code tick B now-2h}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "tick " + (secondNode ? "B" : "A") + (back.isZero() ? "" : " now-" + Format.duration(back));
  }
}
