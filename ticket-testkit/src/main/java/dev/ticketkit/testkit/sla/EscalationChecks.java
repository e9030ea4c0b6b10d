package dev.ticketkit.testkit.sla;

import dev.ticketkit.sla.escalation.EscalationAction;
import dev.ticketkit.sla.escalation.EscalationContext;
import dev.ticketkit.sla.escalation.Notification;
import dev.ticketkit.sla.escalation.EscalationCause;
import dev.ticketkit.sla.store.DoneWork;
import dev.ticketkit.sla.store.LadderLevelDue;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The invariants of escalation firing, checks of a {@link StoryRun} like those of
 * {@link SlaChecks} (same message form). Both answer for the engine and the SLA store: they hold
 * whatever the policies say.
 *
 * <p>Stateless and thread-safe.
 */
public final class EscalationChecks {

  /** Title of {@link #levelFiresAtMostOnce}. */
  public static final String FIRES_AT_MOST_ONCE =
      "each escalation level fires at most once per clock and cycle";
  /** Title of {@link #onlyRunningClocksEscalate}. */
  public static final String ONLY_RUNNING_ESCALATES =
      "only a running clock escalates, and never before the level is due";

  private EscalationChecks() {}

  /**
   * Checks that the SLA store handed each (clock, level) to an engine at most once, recorded it
   * as fired at most once, and that no level notified a recipient more often than its actions
   * say; the story's ticks come late, repeated, out of order and from two nodes (engine/store).
   *
   * @param run the run
   * @throws AssertionError if a level fired twice
   */
  public static void levelFiresAtMostOnce(StoryRun run) {
    SlaChecks.played(run, FIRES_AT_MOST_ONCE);
    Map<String, HandOver> first = new HashMap<>();
    for (HandOver h : run.handOvers()) {
      HandOver earlier = first.putIfAbsent(h.due().key(), h);
      if (earlier != null) {
        SlaChecks.fail(run, FIRES_AT_MOST_ONCE, "handed over twice: " + earlier + ", then " + h);
      }
    }
    Set<String> fired = new HashSet<>();
    for (DoneWork f : run.fired()) {
      if (!fired.add(f.work().key())) {
        SlaChecks.fail(run, FIRES_AT_MOST_ONCE, "recorded as fired twice: " + f);
      }
    }
    Map<String, Integer> sent = new HashMap<>();
    for (Notification n : run.notifications()) {
      EscalationContext ctx = n.context();
      if (!(ctx.cause() instanceof EscalationCause.LevelReached reached)) {
        continue;
      }
      String level = LadderLevelDue.key(reached.clock().key(), reached.level().number());
      int count = sent.merge(level + " to " + n.recipient(), 1, Integer::sum);
      long allowed = reached.level().actions().stream().filter(a -> a instanceof
          EscalationAction.Notify nt && nt.recipient().equals(n.recipient())).count()
          * (first.containsKey(level) ? 1 : 0);
      if (count > allowed) {
        SlaChecks.fail(run, FIRES_AT_MOST_ONCE, level + " notified " + n.recipient() + " " + count
            + " times; its actions allow " + allowed + ": " + ctx.summary());
      }
    }
  }

  /**
   * Checks that the store hands over a ladder level only while its clock runs (never while it is
   * paused or after it stopped) and never before the level is due, and records no level as fired
   * before it was due (engine/store).
   *
   * @param run the run
   * @throws AssertionError if a paused or stopped clock escalated, or a level fired early
   */
  public static void onlyRunningClocksEscalate(StoryRun run) {
    SlaChecks.played(run, ONLY_RUNNING_ESCALATES);
    for (HandOver h : run.handOvers()) {
      if (h.due().dueAt().isAfter(h.tickAt())) {
        SlaChecks.fail(run, ONLY_RUNNING_ESCALATES, "handed over before it was due: " + h);
      }
      if (h.due() instanceof LadderLevelDue l && run.isClock(l.clock())
          && (h.clock() == null || !h.clock().isRunning())) {
        SlaChecks.fail(run, ONLY_RUNNING_ESCALATES, "handed over while its clock was "
            + (h.clock() == null ? "missing" : h.clock().state() + " (pauses "
            + h.clock().pauses() + ", stopped " + h.clock().stoppedAt() + ")") + ": " + h);
      }
    }
    for (DoneWork f : run.fired()) {
      if (f.work().dueAt().isAfter(f.doneAt())) {
        SlaChecks.fail(run, ONLY_RUNNING_ESCALATES, "recorded as fired before it was due: " + f);
      }
    }
  }
}
