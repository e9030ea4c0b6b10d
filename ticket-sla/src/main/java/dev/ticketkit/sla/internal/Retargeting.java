package dev.ticketkit.sla.internal;

import dev.ticketkit.core.TicketField;
import dev.ticketkit.core.event.TicketCategoryChanged;
import dev.ticketkit.core.event.TicketEdited;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.event.TicketPriorityChanged;
import dev.ticketkit.core.event.TicketTagged;
import dev.ticketkit.core.event.TicketUntagged;

/** Tells which events may change a ticket's policy match or targets. Stateless, thread-safe. */
final class Retargeting {

  private Retargeting() {}

  static boolean mayRetarget(TicketEvent e) {
    return e instanceof TicketPriorityChanged || e instanceof TicketCategoryChanged
        || e instanceof TicketTagged || e instanceof TicketUntagged
        || (e instanceof TicketEdited ed && ed.fields().stream().anyMatch(f -> f.startsWith(TicketField.CUSTOM_PREFIX)));
  }
}
