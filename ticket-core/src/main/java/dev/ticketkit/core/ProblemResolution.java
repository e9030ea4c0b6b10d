package dev.ticketkit.core;

import java.util.List;
import java.util.Objects;

/**
 * What {@link ProblemDesk#resolve} did: the problem as resolved, the incidents on which it
 * proposed the resolution, those that changed since it read them (reported, not overwritten: run
 * {@code resolve} again to propose on them), and those whose workflow state has no way to a
 * RESOLVED state for the actor (a ticket waiting on its requester, for one). Incidents already
 * resolved or closed are in no list. Instances are immutable and thread-safe.
 *
 * @param problem the problem ticket after the call
 * @param proposed the incidents that got the proposal in this call, in number order
 * @param changed the incidents that changed meanwhile and were left alone
 * @param notProposable the incidents the workflow did not let the actor move to RESOLVED
 */
public record ProblemResolution(Ticket problem, List<TicketId> proposed, List<TicketId> changed,
    List<TicketId> notProposable) {

  /**
   * Copies the lists.
   *
   * @throws NullPointerException if a part is null
   */
  public ProblemResolution {
    Objects.requireNonNull(problem, "problem");
    proposed = List.copyOf(proposed);
    changed = List.copyOf(changed);
    notProposable = List.copyOf(notProposable);
  }

  /** @return true if every open incident got the proposal (none changed, none refused) */
  public boolean isComplete() {
    return changed.isEmpty() && notProposable.isEmpty();
  }
}
