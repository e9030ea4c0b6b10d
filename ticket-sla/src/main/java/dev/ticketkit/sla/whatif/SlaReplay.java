package dev.ticketkit.sla.whatif;

import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.escalation.EscalationLadder;
import dev.ticketkit.sla.internal.Calendars;
import dev.ticketkit.sla.internal.ClockMachine;
import dev.ticketkit.sla.internal.EscalationPlanner;
import dev.ticketkit.sla.internal.Explainer;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.policy.SlaPolicy;
import dev.ticketkit.sla.store.LadderLevelDue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Recomputes a ticket's SLA clocks from its recorded history under a set of policies, as if those
 * policies had been in force: every stored change is applied, in order, by the same rules the
 * {@code SlaEngine} applies inside each commit, so replaying under the policies that were in
 * force gives exactly the clocks the engine stored. Nothing is read from or written to any SLA
 * store. Immutable and thread-safe.
 *
 * <p>Escalations: after each change the clock's ladder is planned as the engine plans it, and a
 * level counts as fired, once per clock and level, as an engine ticking without delay would fire
 * it: when it is due at or before the change that planned it (a target already passed in part),
 * or strictly before the ticket's next change, or at or before {@code asOf}. The engine fires
 * every such level at its next tick, so a replay's levels include every level the engine fired;
 * it may count more when no tick ran between a level's due instant and the change that stopped
 * the clock. The recorded changes are replayed as they happened, including those an actual escalation
 * made; the replay does not invent the effects of escalations that only the other policy fires.
 *
 * <pre>{@code
 * SlaReplay replay = SlaReplay.of(policies);
 * ReplayedTicket t = replay.replay(ticketStore.history(tenant, id), periodEnd);
 * }</pre>
 */
public final class SlaReplay {

  private final SlaPolicies policies;
  private final Calendars calendars;

  private SlaReplay(SlaPolicies policies) {
    this.policies = policies;
    this.calendars = new Calendars(policies.calendars());
  }

  /**
   * Creates a replay under a set of policies.
   *
   * @param policies the policies, with their calendars
   * @return the replay
   */
  public static SlaReplay of(SlaPolicies policies) {
    return new SlaReplay(Objects.requireNonNull(policies, "policies"));
  }

  /**
   * Returns the policies of this replay.
   *
   * @return the policies
   */
  public SlaPolicies policies() {
    return policies;
  }

  /**
   * Replays one ticket's history up to an instant.
   *
   * @param history the ticket's history in {@code (ticketVersion, position)} order, as
   *     {@code TicketStore.history} returns it; changes made after {@code asOf} are left out
   * @param asOf the instant to replay to
   * @return the clocks and escalations
   * @throws dev.ticketkit.core.InvalidInputException if the history is empty, out of order or
   *     does not parse
   */
  public ReplayedTicket replay(List<HistoryEntry> history, Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    List<HistoryEntry> h = Objects.requireNonNull(history, "history");
    if (h.isEmpty()) {
      throw new dev.ticketkit.core.InvalidInputException("history", "[]", "must not be empty");
    }
    return replay(HistoryChanges.of(h, asOf), h.get(0), asOf);
  }

  ReplayedTicket replay(List<HistoryChanges.Change> changes, HistoryEntry first, Instant asOf) {
    Map<ClockKey, SlaClock> clocks = new LinkedHashMap<>();
    Map<ClockKey, Schedule> schedules = new LinkedHashMap<>();
    Set<FiredLevel> firedKeys = new HashSet<>();
    List<LadderLevelDue> fired = new ArrayList<>();
    for (HistoryChanges.Change change : changes) {
      fire(schedules, change.at(), false, firedKeys, fired);
      Ticket ticket = change.ticket();
      SlaPolicy policy = policies.match(ticket).orElse(null);
      List<SlaClock> changed = new ClockMachine(ticket, policy, calendars,
          new ArrayList<>(clocks.values())).apply(change.events());
      for (SlaClock c : changed) {
        clocks.put(c.key(), c);
        schedules.put(c.key(), new Schedule(
            EscalationPlanner.schedule(c, calendars.of(c), ladder(c))));
      }
      fire(schedules, change.at(), true, firedKeys, fired);
    }
    fire(schedules, asOf, true, firedKeys, fired);
    fired.sort(Comparator.comparing(LadderLevelDue::dueAt));
    return new ReplayedTicket(first.tenant(), first.ticketId(), asOf,
        new ArrayList<>(clocks.values()), fired);
  }

  /** A ladder level of a clock that fired, the key of the exactly-once rule. */
  private record FiredLevel(ClockKey clock, int level) {}

  /**
   * A clock's planned ladder levels in due order, and how many of them were already due at an
   * earlier call of {@link #fire}: the instants fire is called with never go back, so those need
   * no second look.
   */
  private static final class Schedule {
    final List<LadderLevelDue> levels;
    int next;

    Schedule(List<LadderLevelDue> planned) {
      List<LadderLevelDue> sorted = new ArrayList<>(planned);
      sorted.sort(Comparator.comparing(LadderLevelDue::dueAt)); // stable: ties keep their order
      this.levels = sorted;
    }
  }

  private static void fire(Map<ClockKey, Schedule> schedules, Instant until,
      boolean inclusive, Set<FiredLevel> firedKeys, List<LadderLevelDue> fired) {
    for (Schedule schedule : schedules.values()) {
      while (schedule.next < schedule.levels.size()) {
        LadderLevelDue d = schedule.levels.get(schedule.next);
        boolean due = inclusive ? !d.dueAt().isAfter(until) : d.dueAt().isBefore(until);
        if (!due) {
          break;
        }
        schedule.next++;
        if (firedKeys.add(new FiredLevel(d.clock(), d.level()))) {
          fired.add(d);
        }
      }
    }
  }

  private EscalationLadder ladder(SlaClock c) {
    SlaPolicy p = policies.byId(c.target().policyId()).orElse(null);
    return p == null ? EscalationLadder.NONE : p.ladder(c);
  }

  /**
   * Explains a clock this replay computed: start, target and why, calendar, pauses, elapsed time,
   * due instant, and the holidays and make-up days passed (as {@code SlaEngine.explain}).
   *
   * @param clock the clock
   * @param asOf the instant to report elapsed and remaining time at
   * @return the account, several lines
   */
  public String explain(SlaClock clock, Instant asOf) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(asOf, "asOf");
    return Explainer.explain(clock, calendars.of(clock), asOf.isBefore(clock.asOf())
        ? clock.asOf() : asOf);
  }
}
