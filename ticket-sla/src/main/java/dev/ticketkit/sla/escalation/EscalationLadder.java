package dev.ticketkit.sla.escalation;

import dev.ticketkit.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The escalation levels of one metric and priority, ordered by trigger and numbered 1, 2, 3...
 *
 * <p>Each level fires once per clock: the fired record is unique per (ticket, metric, cycle,
 * level). Instances are immutable and thread-safe.
 *
 * @param levels the levels, numbered from 1 in trigger order
 */
public record EscalationLadder(List<EscalationLevel> levels) {

  /** A ladder with no levels. */
  public static final EscalationLadder NONE = new EscalationLadder(List.of());

  /**
   * Validates the ladder and copies the levels.
   *
   * @throws InvalidInputException if the levels are not numbered 1, 2, 3... in trigger order, or
   *     two have the same trigger
   */
  public EscalationLadder {
    levels = List.copyOf(levels);
    for (int i = 0; i < levels.size(); i++) {
      EscalationLevel l = levels.get(i);
      if (l.number() != i + 1) {
        throw new InvalidInputException("levels[" + i + "].number", l.number(), "must be " + (i + 1));
      }
      if (i > 0 && levels.get(i - 1).trigger().compareTo(l.trigger()) >= 0) {
        throw new InvalidInputException("levels[" + i + "].at", l.trigger(),
            "must come after " + levels.get(i - 1).trigger());
      }
    }
  }

  /**
   * Returns a ladder of levels given in any order: sorts them by trigger and numbers them.
   *
   * @param triggersAndActions the levels; their numbers are ignored
   * @return the ladder
   * @throws InvalidInputException if two levels have the same trigger
   */
  public static EscalationLadder numbered(List<EscalationLevel> triggersAndActions) {
    List<EscalationLevel> sorted = new ArrayList<>(triggersAndActions);
    sorted.sort(Comparator.comparing(EscalationLevel::trigger));
    List<EscalationLevel> out = new ArrayList<>();
    for (EscalationLevel l : sorted) {
      out.add(new EscalationLevel(out.size() + 1, l.trigger(), l.actions()));
    }
    return new EscalationLadder(out);
  }

  /**
   * Returns the level with a number.
   *
   * @param number the number
   * @return the level, or empty
   */
  public Optional<EscalationLevel> level(int number) {
    return number >= 1 && number <= levels.size()
        ? Optional.of(levels.get(number - 1)) : Optional.empty();
  }
}
