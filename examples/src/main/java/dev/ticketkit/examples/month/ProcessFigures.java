package dev.ticketkit.examples.month;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the month simulation did of the support process beyond the tier ladder, counted as it did
 * it: handoffs to other departments, the morning follow-up rounds, the outages' problems and
 * their incidents, and dissatisfied ratings by reason. A test compares them with counts taken
 * from the stores. Immutable.
 *
 * @param handoffsOpened tickets handed to a department (the technical team, finance)
 * @param handoffsAnswered handoffs the department answered
 * @param handoffsReturned handoffs the department gave back without an answer
 * @param departmentChecks times an owner chased a department for news of an open handoff
 * @param followUpUpdates updates sent to requesters whose twice-weekly update was due
 * @param incidentsPerProblem per outage (in order), the incidents linked to its problem
 * @param incidentsProposed incidents on which resolving a problem proposed the fix
 * @param dissatisfiedByReason dissatisfied ratings by reason code
 */
public record ProcessFigures(int handoffsOpened, int handoffsAnswered, int handoffsReturned,
    int departmentChecks, int followUpUpdates, List<Integer> incidentsPerProblem,
    int incidentsProposed, SortedMap<String, Integer> dissatisfiedByReason) {

  /**
   * Copies the lists.
   *
   * @throws NullPointerException if a list is null
   */
  public ProcessFigures {
    incidentsPerProblem = List.copyOf(incidentsPerProblem);
    dissatisfiedByReason = java.util.Collections.unmodifiableSortedMap(
        new TreeMap<>(Objects.requireNonNull(dissatisfiedByReason, "dissatisfiedByReason")));
  }

  static ProcessFigures of(Counters c, List<Outage> outages, Map<String, Integer> reasons) {
    return new ProcessFigures(c.handoffsOpened, c.handoffsAnswered, c.handoffsReturned,
        c.handoffChecks, c.followUps, outages.stream().map(o -> o.linked).toList(),
        c.incidentsProposed, new TreeMap<>(reasons));
  }
}
