package dev.ticketkit.testkit.story;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One step of a {@link TicketStory}: time passes, an action happens, and the SLA engine is ticked
 * zero or more times.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param gap the time that passes before the action
 * @param action what happens
 * @param ticks the engine ticks after the action, in order
 */
public record StoryStep(Gap gap, StoryAction action, List<Tick> ticks) {

  /**
   * Validates the step and copies the ticks.
   *
   * @throws NullPointerException if a part is null
   */
  public StoryStep {
    Objects.requireNonNull(gap, "gap");
    Objects.requireNonNull(action, "action");
    ticks = List.copyOf(ticks);
  }

  /**
   * Returns a step without ticks.
   *
   * @param gap the time that passes first
   * @param action what happens
   * @return the step
   */
  public static StoryStep of(Gap gap, StoryAction action) {
    return new StoryStep(gap, action, List.of());
  }

  /**
   * Returns {@code +15m: accept; tick A, tick B now-1h}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return gap + ": " + action + (ticks.isEmpty() ? ""
        : "; " + ticks.stream().map(Tick::toString).collect(Collectors.joining(", ")));
  }
}
