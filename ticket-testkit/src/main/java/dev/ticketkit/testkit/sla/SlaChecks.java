package dev.ticketkit.testkit.sla;

import dev.ticketkit.core.Ticket;
import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.ClockState;
import dev.ticketkit.sla.clock.PauseInterval;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.policy.SlaPolicy;
import dev.ticketkit.sla.policy.TargetChoice;
import dev.ticketkit.testkit.story.StoryAction;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The invariants of SLA rules, each a check of a {@link StoryRun} that throws an
 * {@link AssertionError} whose message starts with the property's title in brackets, such as
 * {@code "[due >= start] ..."}, and ends with what happened, step by step.
 * {@link SlaPolicyProperties} runs them on generated stories; a host may call them from its own
 * properties or example tests.
 *
 * <p>Who answers for each: the checks marked <em>policy</em> can fail because of the policies and
 * calendars (a target, a condition, a calendar); those marked <em>engine/store</em> hold whatever
 * the policies say, and fail only if the SLA engine or a component plugged into it (the SLA store,
 * the clock) is broken. Each check first fails if the story could not be played at all.
 *
 * <p>Stateless and thread-safe.
 */
public final class SlaChecks {

  /** Title of {@link #dueIsNeverBeforeStart}. */
  public static final String DUE_NOT_BEFORE_START = "due >= start";
  /** Title of {@link #pauseNeverBringsDueEarlier}. */
  public static final String PAUSE_NOT_EARLIER = "a pause never brings a due instant earlier";
  /** Title of {@link #priorityUpgradeNeverMakesDueLater}. */
  public static final String UPGRADE_NOT_LATER =
      "a priority upgrade never makes a due instant later";
  /** Title of {@link #elapsedNeverExceedsWallTime}. */
  public static final String ELAPSED_WITHIN_WALL =
      "elapsed business time never exceeds wall time";
  /** Title of {@link #explainNamesTheChosenRule}. */
  public static final String EXPLAIN_NAMES_RULE = "explain() names the rule that chose the target";
  /** Title of {@link #everyClockGetsADueInstant}. */
  public static final String DUE_IN_RANGE =
      "every started clock gets a due instant within the calendar's range";
  /** Title of {@link #breachedClockStaysBreached}. */
  public static final String BREACHED_STAYS = "a breached clock stays breached";
  /** Title of {@link #stopAtDueIsMet}. */
  public static final String STOP_AT_DUE_IS_MET = "stopping exactly at the due instant is MET";

  private SlaChecks() {}

  /**
   * Checks that every clock's due instant is not before its start (engine/store).
   *
   * @param run the run
   * @throws AssertionError if a clock is due before it started
   */
  public static void dueIsNeverBeforeStart(StoryRun run) {
    played(run, DUE_NOT_BEFORE_START);
    for (Observation o : run.observations()) {
      for (SlaClock c : o.clocks()) {
        if (c.dueAt() != null && c.dueAt().isBefore(c.startedAt())) {
          fail(run, DUE_NOT_BEFORE_START, c.key() + " started " + c.startedAt()
              + " but is due " + c.dueAt() + ", after '" + o.label() + "'");
        }
      }
    }
  }

  /**
   * Checks that while a clock keeps its target, its due instant never moves earlier: pausing and
   * resuming only push it later (engine/store).
   *
   * @param run the run
   * @throws AssertionError if a clock's due instant moved earlier with an unchanged target
   */
  public static void pauseNeverBringsDueEarlier(StoryRun run) {
    played(run, PAUSE_NOT_EARLIER);
    Map<ClockKey, SlaClock> last = new HashMap<>();
    for (Observation o : run.observations()) {
      for (SlaClock c : o.clocks()) {
        SlaClock before = last.get(c.key());
        if (before != null && !before.target().equals(c.target())) {
          last.remove(c.key());
          before = null;
        }
        if (c.dueAt() == null) {
          continue;
        }
        if (before != null && c.dueAt().isBefore(before.dueAt())) {
          fail(run, PAUSE_NOT_EARLIER, c.key() + " with target " + c.target().target()
              + " was due " + before.dueAt() + " (pauses " + before.pauses() + ") and is due "
              + c.dueAt() + " (pauses " + c.pauses() + ", elapsed " + c.elapsed() + ") after '"
              + o.label() + "'");
        }
        last.put(c.key(), c);
      }
    }
  }

  /**
   * Checks that raising a ticket's priority never makes an open clock due later; a paused clock
   * is compared by when it would be due if it resumed at the change (policy).
   *
   * @param run the run
   * @throws AssertionError if an upgrade moved a due instant later
   */
  public static void priorityUpgradeNeverMakesDueLater(StoryRun run) {
    played(run, UPGRADE_NOT_LATER);
    List<Observation> seen = run.observations();
    for (int i = 1; i < seen.size(); i++) {
      Observation before = seen.get(i - 1);
      Observation after = seen.get(i);
      if (!isUpgrade(run, before, after)) {
        continue;
      }
      for (SlaClock c : after.clocks()) {
        SlaClock b = find(before.clocks(), c.key());
        Instant was = b == null || !b.isOpen() ? null : dueIfResumed(run, b, after.at());
        Instant now = c.isOpen() ? dueIfResumed(run, c, after.at()) : null;
        if (was != null && now != null && now.isAfter(was)) {
          fail(run, UPGRADE_NOT_LATER, c.key() + " was due " + was + " (" + b.target().reason()
              + ") and is due " + now + " after '" + after.label() + "' ("
              + c.target().reason() + ")");
        }
      }
    }
  }

  private static boolean isUpgrade(StoryRun run, Observation before, Observation after) {
    if (after.step() == 0 || before.step() == after.step() || after.label().endsWith("(not allowed now)")) {
      return false;
    }
    StoryAction action = run.story().steps().get(after.step() - 1).action();
    return action instanceof StoryAction.ChangePriority p
        && p.to().compareTo(before.ticket().priority()) < 0;
  }

  private static @Nullable Instant dueIfResumed(StoryRun run, SlaClock c, Instant at) {
    if (c.dueAt() != null) {
      return c.dueAt();
    }
    Duration left = c.target().target().minus(c.elapsed());
    return left.isNegative() ? null : run.calendar(c).plus(at, left);
  }

  /**
   * Checks that no clock counted more business time than the wall-clock time it ran, pauses
   * excluded (engine/store).
   *
   * @param run the run
   * @throws AssertionError if a clock's elapsed time exceeds its running wall time
   */
  public static void elapsedNeverExceedsWallTime(StoryRun run) {
    played(run, ELAPSED_WITHIN_WALL);
    for (Observation o : run.observations()) {
      for (SlaClock c : o.clocks()) {
        Duration wall = Duration.between(c.startedAt(), c.asOf());
        for (PauseInterval p : c.pauses()) {
          Instant end = p.end() != null ? p.end() : c.asOf();
          wall = wall.minus(end.isAfter(p.start()) ? Duration.between(p.start(), end) : Duration.ZERO);
        }
        if (c.elapsed().compareTo(wall) > 0) {
          fail(run, ELAPSED_WITHIN_WALL, c.key() + " counted " + c.elapsed()
              + " of business time but ran only " + wall + " of wall time from " + c.startedAt()
              + " to " + c.asOf() + " (pauses " + c.pauses() + "), after '" + o.label() + "'");
        }
      }
    }
  }

  /**
   * Checks that every open clock that has not breached counts toward the target that the
   * policies choose for the ticket as it is now (the first matching policy, the first rule whose
   * arrival condition holds at the clock's start), and that {@code explain()} names that rule; a
   * stopped or breached clock keeps the target it was measured against, and its explanation must
   * name that one. So a change that leaves a ticket matched by no policy, or by one without a
   * target for a running metric, fails (policy).
   *
   * @param run the run
   * @throws AssertionError if a clock counts toward a rule the policies no longer choose, or its
   *     explanation does not name the rule
   */
  public static void explainNamesTheChosenRule(StoryRun run) {
    played(run, EXPLAIN_NAMES_RULE);
    for (Observation o : run.observations()) {
      Ticket t = o.ticket();
      Optional<SlaPolicy> policy = run.policies().match(t);
      for (SlaClock c : o.clocks()) {
        if (!c.isOpen() || c.state() == ClockState.BREACHED || c.key().metric().isHandoff()) {
          // A stopped clock, or one that has breached, keeps the target it was measured
          // against; so do a handoff's clocks, whose target is the one the department was asked
          // under when the handoff opened. Their explanation names that rule (checked below for
          // every other clock against what the policies choose now).
          if (!run.explain(c).contains(c.target().reason())) {
            fail(run, EXPLAIN_NAMES_RULE, "explain() of " + c.key() + " does not name \""
                + c.target().reason() + "\":\n" + run.explain(c));
          }
          continue;
        }
        String counts = c.key() + " counts toward \"" + c.target().reason() + "\"";
        if (policy.isEmpty()) {
          fail(run, EXPLAIN_NAMES_RULE, "after '" + o.label() + "' the ticket (" + t.priority()
              + ", tags " + t.tags() + ", category " + t.category()
              + ") matches no policy, yet " + counts);
        }
        Optional<TargetChoice> choice = policy.get().target(c.key().metric(), t.priority(),
            c.startedAt(), run.policies().calendars());
        if (choice.isEmpty()) {
          fail(run, EXPLAIN_NAMES_RULE, "after '" + o.label() + "' policy '" + policy.get().id()
              + "' sets no " + c.key().metric() + " target for " + t.priority() + ", yet "
              + counts);
        }
        String chosen = choice.get().target().reason();
        if (!chosen.equals(c.target().reason())) {
          fail(run, EXPLAIN_NAMES_RULE, "after '" + o.label() + "' " + counts
              + " but the policies choose \"" + chosen + "\"");
        }
        String text = run.explain(c);
        if (!text.contains(chosen)) {
          fail(run, EXPLAIN_NAMES_RULE, "explain() of " + c.key() + " does not name \"" + chosen
              + "\":\n" + text);
        }
      }
    }
  }

  /**
   * Checks that every clock the policies start gets a due instant: no calendar of the policies
   * fails to place one (a calendar with no working time within its supported range makes opening
   * or changing the ticket fail), and every due instant lies within
   * {@link BusinessCalendar#MAX_INSTANT} (policy).
   *
   * @param run the run
   * @throws AssertionError if a due instant could not be computed or lies out of range
   */
  public static void everyClockGetsADueInstant(StoryRun run) {
    Optional<RuntimeException> failure = run.failure();
    if (failure.isPresent() && causedBy(failure.get(), DateTimeException.class)) {
      fail(run, DUE_IN_RANGE, "no due instant could be computed at '" + run.failedAt()
          + "': a calendar of the policies has no working time within reach ("
          + rootMessage(failure.get()) + ")");
    }
    played(run, DUE_IN_RANGE);
    for (Observation o : run.observations()) {
      for (SlaClock c : o.clocks()) {
        if (c.dueAt() != null && c.dueAt().isAfter(BusinessCalendar.MAX_INSTANT)) {
          fail(run, DUE_IN_RANGE, c.key() + " is due " + c.dueAt() + ", past the range");
        }
      }
    }
  }

  /**
   * Checks that once a clock is breached (its state at an observation, by
   * {@link SlaClock#stateAt(Instant)}), it stays breached at every later observation, whatever
   * happens to the ticket: a later priority change, pause or stop (engine).
   *
   * @param run the run
   * @throws AssertionError if a breached clock stops being breached
   */
  public static void breachedClockStaysBreached(StoryRun run) {
    played(run, BREACHED_STAYS);
    Map<ClockKey, Observation> breachedAt = new HashMap<>();
    for (Observation o : run.observations()) {
      for (SlaClock c : o.clocks()) {
        ClockState state = c.stateAt(o.at());
        Observation since = breachedAt.get(c.key());
        if (since != null && state != ClockState.BREACHED) {
          fail(run, BREACHED_STAYS, c.key() + " was BREACHED after '" + since.label() + "' at "
              + since.at() + " but is " + state + " (due " + c.dueAt() + ") after '" + o.label()
              + "' at " + o.at());
        }
        if (since == null && state == ClockState.BREACHED) {
          breachedAt.put(c.key(), o);
        }
      }
    }
  }

  /**
   * Checks that a clock stopped or paused exactly at its due instant did not breach: a target is
   * met "within" its time, and breach is strictly after the due instant (engine).
   *
   * @param run the run
   * @throws AssertionError if a clock stopped or paused at its due instant is BREACHED
   */
  public static void stopAtDueIsMet(StoryRun run) {
    played(run, STOP_AT_DUE_IS_MET);
    for (Observation o : run.observations()) {
      for (SlaClock c : o.clocks()) {
        if (c.state() != ClockState.BREACHED || c.dueAt() == null) {
          continue;
        }
        Instant stop = c.stoppedAt() != null ? c.stoppedAt()
            : c.isPaused() ? c.pauses().get(c.pauses().size() - 1).start() : null;
        if (stop != null && !stop.isAfter(c.dueAt())) {
          fail(run, STOP_AT_DUE_IS_MET, c.key() + " stopped or paused at " + stop
              + ", its due instant, and is BREACHED, after '" + o.label() + "'");
        }
      }
    }
  }

  private static @Nullable SlaClock find(List<SlaClock> clocks, ClockKey key) {
    for (SlaClock c : clocks) {
      if (c.key().equals(key)) {
        return c;
      }
    }
    return null;
  }

  static void played(StoryRun run, String title) {
    if (run.failure().isPresent()) {
      AssertionError e = new AssertionError("[" + title + "] the story could not be played: '"
          + run.failedAt() + "' threw " + run.failure().get() + "\n  story: " + run.story()
          + "  what happened:\n" + run.log());
      e.initCause(run.failure().get());
      throw e;
    }
  }

  private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c.toString();
  }

  static void fail(StoryRun run, String title, String detail) {
    throw new AssertionError("[" + title + "] " + detail + "\n  story: " + run.story()
        + "  what happened:\n" + run.log());
  }
}
