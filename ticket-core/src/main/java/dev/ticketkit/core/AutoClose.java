package dev.ticketkit.core;

import dev.ticketkit.core.event.TicketRatingExpired;
import dev.ticketkit.core.store.Page;
import dev.ticketkit.core.store.PageCursor;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.core.workflow.Transition;
import dev.ticketkit.core.workflow.Trigger;
import dev.ticketkit.core.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The auto-close sweep: fires the workflow's AUTO_CLOSE transition on every ticket of a tenant
 * that has been idle in its from-states for the configured delay. Stateless and thread-safe.
 */
final class AutoClose {

  /** The actor the sweep fires as. */
  static final Actor ACTOR = Actor.system("auto-close");

  /** The cause recorded when a ticket closes without the requester's rating. */
  static final ChangeCause RATING_EXPIRED =
      () -> "rating request expired: the requester did not rate the resolution";

  private AutoClose() {}

  static List<Ticket> sweep(
      TicketService service, TicketStore store, Workflow workflow, TenantId tenant, Instant now) {
    String name = workflow.triggers().get(Trigger.AUTO_CLOSE);
    Optional<Transition> transition = name == null ? Optional.empty() : workflow.transition(name);
    if (transition.isEmpty()) {
      return List.of();
    }
    Instant idleSince = now.minus(workflow.autoCloseAfter());
    TicketQuery query = TicketQuery.builder()
        .statuses(transition.get().from().toArray(String[]::new))
        .limit(TicketQuery.MAX_LIMIT)
        .build();
    List<Ticket> closed = new ArrayList<>();
    PageCursor cursor = null;
    do {
      Page<Ticket> page = store.query(tenant, query.withAfter(cursor));
      for (Ticket t : page.items()) {
        if (!t.statusChangedAt().isAfter(idleSince)) {
          closeOne(service, t, name).ifPresent(closed::add);
        }
      }
      cursor = page.next();
    } while (cursor != null);
    return closed;
  }

  /**
   * Closes one ticket; a ticket without a rating for its cycle also records that the rating
   * request expired (a cause in the history and {@code TicketRatingExpired}).
   */
  private static Optional<Ticket> closeOne(TicketService service, Ticket t, String transition) {
    try {
      return Optional.of(service.write(t.tenant(), ACTOR, t.id(), t.version(), d -> {
        if (d.current().rating() == null
            && d.current().status().category() == StatusCategory.RESOLVED) {
          d.cause(RATING_EXPIRED);
          d.addLeadEvent(TicketRatingExpired::new);
        }
        d.fire(transition);
      }));
    } catch (TicketConflictException | TicketStateException e) {
      return Optional.empty();
    }
  }
}
