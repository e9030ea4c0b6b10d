package dev.ticketkit.sla.whatif;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.Handoff;
import dev.ticketkit.core.HistoryAction;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.Status;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketField;
import dev.ticketkit.core.TicketReplay;
import dev.ticketkit.core.Visibility;
import dev.ticketkit.core.event.EventHeader;
import dev.ticketkit.core.event.HandoffChecked;
import dev.ticketkit.core.event.HandoffClosed;
import dev.ticketkit.core.event.HandoffOpened;
import dev.ticketkit.core.event.TicketCategoryChanged;
import dev.ticketkit.core.event.TicketEdited;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.event.TicketOpened;
import dev.ticketkit.core.event.TicketPriorityChanged;
import dev.ticketkit.core.event.TicketReopened;
import dev.ticketkit.core.event.TicketReplied;
import dev.ticketkit.core.event.TicketStatusChanged;
import dev.ticketkit.core.event.TicketTagged;
import dev.ticketkit.core.event.TicketUntagged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a ticket's history back into its stored changes: the ticket after each version and the
 * events of that change that the SLA engine reads, in the order the service announced them
 * (public replies first, then the opening or the fired transitions, a reopen, the priority,
 * category, tag and custom-field changes). Stateless and thread-safe.
 */
final class HistoryChanges {

  /** The body given to replayed replies; the clocks never read it. */
  private static final String REPLAYED = "(replayed)";

  private HistoryChanges() {}

  /** One stored change: the ticket after it and its events. */
  record Change(Ticket ticket, Instant at, List<TicketEvent> events) {}

  /**
   * Returns the changes of a history made no later than {@code asOf}.
   *
   * @param history the ticket's whole history in order
   * @param asOf the last instant to replay
   * @return the changes in version order; empty if the ticket was opened after {@code asOf}
   */
  static List<Change> of(List<HistoryEntry> history, Instant asOf) {
    int end = 0;
    while (end < history.size() && !history.get(end).at().isAfter(asOf)) {
      end++;
    }
    while (end > 0 && end < history.size()
        && history.get(end).ticketVersion() == history.get(end - 1).ticketVersion()) {
      end--; // never cut a change in two
    }
    if (end == 0) {
      return List.of();
    }
    List<HistoryEntry> kept = history.subList(0, end);
    List<Ticket> versions = TicketReplay.versions(kept);
    List<Change> out = new ArrayList<>(versions.size());
    int from = 0;
    Ticket before = null;
    for (Ticket after : versions) {
      int to = from;
      while (to < kept.size() && kept.get(to).ticketVersion() == after.version()) {
        to++;
      }
      List<HistoryEntry> entries = kept.subList(from, to);
      out.add(new Change(after, entries.get(0).at(), events(before, after, entries)));
      before = after;
      from = to;
    }
    return out;
  }

  private static List<TicketEvent> events(Ticket before, Ticket after, List<HistoryEntry> entries) {
    HistoryEntry first = entries.get(0);
    Actor actor = first.actor();
    EventHeader h = new EventHeader(after.tenant(), after.id(), after.version(), actor,
        first.at(), after.cycle());
    List<TicketEvent> events = new ArrayList<>(4);
    HistoryAction main = null;
    String lastTransition = null;
    Set<String> edited = new LinkedHashSet<>();
    for (HistoryEntry e : entries) {
      if (e.field().equals(TicketField.CAUSE)) {
        continue;
      }
      if (main == null) {
        main = e.action();
      }
      if (e.action() == HistoryAction.REPLIED && e.field().equals(TicketField.CONVERSATION)) {
        events.add(new TicketReplied(h, new ConversationEntry(after.tenant(), after.id(),
            after.version(), Visibility.PUBLIC, e.actor(), after.channel(), e.at(), REPLAYED,
            List.of())));
      } else if (e.action() == HistoryAction.EDITED) {
        edited.add(e.field());
      }
    }
    if (before == null) {
      events.add(new TicketOpened(h, after.number(), after.channel(), after.priority(),
          after.status(), after.tier(), after.category()));
      return events;
    }
    for (HistoryEntry e : entries) {
      if (e.action() == HistoryAction.TRANSITIONED && e.field().equals(TicketField.TRANSITION)) {
        lastTransition = e.after();
      } else if (e.action() == HistoryAction.TRANSITIONED
          && e.field().equals(TicketField.STATUS)) {
        events.add(new TicketStatusChanged(h, Status.parse(e.before()), Status.parse(e.after()),
            Objects.requireNonNullElse(lastTransition, "")));
      }
    }
    if (after.cycle() != before.cycle()) {
      events.add(new TicketReopened(h, before.cycle(), Objects.toString(lastTransition, "")));
    }
    if (before.priority() != after.priority()) {
      events.add(new TicketPriorityChanged(h, before.priority(), after.priority()));
    }
    if (!Objects.equals(before.category(), after.category())) {
      events.add(new TicketCategoryChanged(h, before.category(), after.category()));
    }
    for (Tag t : after.tags()) {
      if (!before.tags().contains(t)) {
        events.add(new TicketTagged(h, t));
      }
    }
    for (Tag t : before.tags()) {
      if (!after.tags().contains(t)) {
        events.add(new TicketUntagged(h, t));
      }
    }
    if (main == HistoryAction.EDITED && !edited.isEmpty()) {
      events.add(new TicketEdited(h, edited));
    }
    handoffEvents(h, before, after, events);
    return events;
  }

  /**
   * Adds the events of the handoffs that changed: a new one opened, an open one closed (answered
   * or returned) or checked. Handoff changes are writes of their own, so their events come last.
   */
  private static void handoffEvents(EventHeader h, Ticket before, Ticket after,
      List<TicketEvent> events) {
    List<Handoff> was = before.handoffs();
    for (Handoff now : after.handoffs()) {
      Handoff old = was.stream().filter(b -> b.seq() == now.seq()).findFirst().orElse(null);
      if (old == null) {
        events.add(new HandoffOpened(h, now));
      } else if (old.state().isOpen() && !now.state().isOpen()) {
        events.add(new HandoffClosed(h, now));
      } else if (!Objects.equals(old.lastCheckedAt(), now.lastCheckedAt())) {
        events.add(new HandoffChecked(h, now));
      }
    }
  }
}
