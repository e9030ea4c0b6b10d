package dev.ticketkit.core;

import dev.ticketkit.core.event.EventHeader;
import dev.ticketkit.core.event.TicketAssigned;
import dev.ticketkit.core.event.TicketCategoryChanged;
import dev.ticketkit.core.event.TicketEdited;
import dev.ticketkit.core.event.TicketEscalated;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.event.TicketLinked;
import dev.ticketkit.core.event.TicketOpened;
import dev.ticketkit.core.event.TicketPriorityChanged;
import dev.ticketkit.core.event.TicketReopened;
import dev.ticketkit.core.event.TicketStatusChanged;
import dev.ticketkit.core.event.TicketTagged;
import dev.ticketkit.core.event.TicketUntagged;
import dev.ticketkit.core.event.TicketUrgentFlagged;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Derives the events of a change from the ticket before and after it, so every changed fact is
 * announced exactly once and in a fixed order. Stateless and thread-safe.
 */
final class EventDerivation {

  private EventDerivation() {}

  static List<TicketEvent> derive(Draft draft, @Nullable Ticket previous, Ticket after,
      EventHeader header, @Nullable String escalationReason) {
    List<TicketEvent> events = new ArrayList<>();
    if (previous == null) {
      events.add(new TicketOpened(header, after.number(), after.channel(), after.priority(),
          after.status(), after.tier(), after.category()));
      if (after.priority() == Priority.URGENT) {
        events.add(new TicketUrgentFlagged(header, after.tier(), after.priority()));
      }
      return events;
    }
    String lastTransition = null;
    for (Draft.Fired f : draft.fired()) {
      events.add(new TicketStatusChanged(header, f.from(), f.to(), f.name()));
      lastTransition = f.name();
    }
    workChanges(events, previous, after, header,
        escalationReason != null ? escalationReason : lastTransition, lastTransition);
    setChanges(events, previous, after, header);
    if (draft.mainAction() == HistoryAction.EDITED) {
      events.add(new TicketEdited(header, editedFields(previous, after)));
    }
    return events;
  }

  private static void workChanges(List<TicketEvent> events, Ticket before, Ticket after,
      EventHeader header, @Nullable String reason, @Nullable String transition) {
    if (after.cycle() != before.cycle()) {
      events.add(new TicketReopened(header, before.cycle(), Objects.toString(transition, "")));
    }
    if (!after.tier().equals(before.tier())) {
      events.add(new TicketEscalated(header, before.tier(), after.tier(), reason));
    }
    if (!Objects.equals(before.assignee(), after.assignee())) {
      events.add(new TicketAssigned(header, before.assignee(), after.assignee()));
    }
    if (before.priority() != after.priority()) {
      events.add(new TicketPriorityChanged(header, before.priority(), after.priority()));
      if (after.priority() == Priority.URGENT) {
        events.add(new TicketUrgentFlagged(header, after.tier(), after.priority()));
      }
    }
    if (!Objects.equals(before.category(), after.category())) {
      events.add(new TicketCategoryChanged(header, before.category(), after.category()));
    }
  }

  private static void setChanges(
      List<TicketEvent> events, Ticket before, Ticket after, EventHeader header) {
    after.tags().stream().filter(t -> !before.tags().contains(t))
        .forEach(t -> events.add(new TicketTagged(header, t)));
    before.tags().stream().filter(t -> !after.tags().contains(t))
        .forEach(t -> events.add(new TicketUntagged(header, t)));
    after.links().stream().filter(l -> !before.links().contains(l))
        .forEach(l -> events.add(new TicketLinked(header, l)));
  }

  private static Set<String> editedFields(Ticket before, Ticket after) {
    Set<String> fields = new LinkedHashSet<>();
    FieldCodec.diff(FieldCodec.flatten(before), FieldCodec.flatten(after))
        .forEach(c -> fields.add(c.field()));
    return fields;
  }
}
