package dev.ticketkit.core.store;

import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.event.TicketEvent;
import java.util.List;

/** The consistency checks of {@link ChangeSet}. Stateless and thread-safe. */
final class ChangeSetChecks {

  private ChangeSetChecks() {}

  static void check(
      Ticket ticket,
      List<HistoryEntry> history,
      List<ConversationEntry> conversation,
      List<TicketEvent> events) {
    for (int i = 0; i < history.size(); i++) {
      HistoryEntry e = history.get(i);
      same("history[" + i + "]", ticket, e.tenant(), e.ticketId(), e.ticketVersion());
      if (e.position() != i) {
        throw new InvalidInputException("history[" + i + "].position", e.position(), "must be " + i);
      }
    }
    for (int i = 0; i < conversation.size(); i++) {
      ConversationEntry e = conversation.get(i);
      same("conversation[" + i + "]", ticket, e.tenant(), e.ticketId(), e.ticketVersion());
    }
    for (int i = 0; i < events.size(); i++) {
      TicketEvent e = events.get(i);
      same("events[" + i + "]", ticket, e.tenant(), e.ticketId(), e.ticketVersion());
    }
  }

  private static void same(
      String field, Ticket ticket, Object tenant, Object ticketId, long version) {
    if (!ticket.tenant().equals(tenant) || !ticket.id().equals(ticketId)
        || ticket.version() != version) {
      throw new InvalidInputException(field, tenant + "/" + ticketId + "/v" + version,
          "must belong to " + ticket.tenant() + "/" + ticket.id() + "/v" + ticket.version());
    }
  }
}
