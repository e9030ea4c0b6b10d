package dev.ticketkit.core.workflow;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Status;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.workflow.IllegalTransitionException.Reason;
import java.util.Map;
import java.util.Optional;

/** The legality checks of {@link Workflow#target}. Stateless and thread-safe. */
final class TransitionCheck {

  private TransitionCheck() {}

  static Status target(Workflow w, Ticket ticket, Actor actor, Transition t) {
    Status from = ticket.status();
    if (!w.hasStatus(from)) {
      throw refuse(ticket, t, Reason.UNKNOWN_STATE, "not a state of workflow " + w.name());
    }
    if (w.table().getOrDefault(from.name(), Map.of()).get(t.name()) != t) {
      throw refuse(ticket, t, Reason.NOT_FROM_STATE, "fires only from " + t.from());
    }
    if (!t.actors().contains(actor.kind())) {
      throw refuse(ticket, t, Reason.ACTOR_NOT_ALLOWED,
          actor + " may not fire it; allowed kinds are " + t.actors());
    }
    for (Guard guard : t.guards()) {
      Optional<String> violation = guard.violation(ticket);
      if (violation.isPresent()) {
        throw refuse(ticket, t, Reason.GUARD_FAILED, violation.get());
      }
    }
    return t.returnsToPrevious() ? previous(w, ticket, t) : w.status(t.to());
  }

  private static Status previous(Workflow w, Ticket ticket, Transition t) {
    Status back = ticket.returnStatus();
    if (back == null || !w.hasStatus(back)) {
      throw refuse(ticket, t, Reason.NO_RETURN_STATE, "no state to return to is remembered");
    }
    return back;
  }

  private static IllegalTransitionException refuse(
      Ticket ticket, Transition t, Reason reason, String detail) {
    return new IllegalTransitionException(ticket.id(), ticket.status(), t.name(), reason, detail);
  }
}
