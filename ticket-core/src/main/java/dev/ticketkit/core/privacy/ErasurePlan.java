package dev.ticketkit.core.privacy;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Attachment;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketField;
import dev.ticketkit.core.TicketFields;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Plans one ticket's erasure from what the ticket holds: the requester's names and handles (now
 * and in history), the bodies and rating comments they wrote, the attachments of the ticket and
 * of their entries, and what the redactor recognises in any text. Stateless and thread-safe.
 */
final class ErasurePlan {

  /** What replaces a text the requester wrote. */
  static final String ERASED = "[erased]";

  private final Pseudonyms pseudonyms;
  private final Redactor redactor;

  ErasurePlan(Pseudonyms pseudonyms, Redactor redactor) {
    this.pseudonyms = pseudonyms;
    this.redactor = redactor;
  }

  Erasure plan(Ticket ticket, List<HistoryEntry> history, List<ConversationEntry> conversation) {
    String id = ticket.requester().id();
    String pseudonym = pseudonyms.of(ticket.tenant(), id);
    Actor author = Actor.requester(id);
    Map<String, String> replace = new LinkedHashMap<>();
    for (Requester r : requesters(ticket, history)) {
      if (r.displayName().codePointCount(0, r.displayName().length()) >= 2) {
        replace.put(r.displayName(), pseudonym);
      }
      for (ContactHandle h : r.handles()) {
        replace.put(h.value(), pseudonyms.of(ticket.tenant(), h.text()));
      }
    }
    Set<Attachment> files = new LinkedHashSet<>(ticket.attachments());
    for (ConversationEntry e : conversation) {
      if (e.author().equals(author)) {
        replace.put(e.body(), ERASED);
        files.addAll(e.attachments());
      }
    }
    history.stream().filter(e -> TicketField.ATTACHMENTS.equals(e.field()))
        .flatMap(e -> Stream.of(e.before(), e.after())).filter(v -> v != null)
        .forEach(v -> files.add(Attachment.parse(v)));
    Rating rating = ticket.rating();
    if (rating != null && rating.comment() != null) {
      replace.put(rating.comment(), ERASED);
    }
    List<URI> refs = new ArrayList<>();
    for (Attachment a : files) {
      if (!refs.contains(a.uri())) {
        refs.add(a.uri());
        replace.put(a.uri().toString(), "urn:erased:" + pseudonym + ":" + refs.size());
      }
      replace.putIfAbsent(a.name(), "erased-" + refs.size());
    }
    texts(ticket, history, conversation).forEach(t -> redactor.findings(t).forEach(
        replace::putIfAbsent));
    return Erasure.of(id, pseudonym, replace, refs);
  }

  private static Set<Requester> requesters(Ticket ticket, List<HistoryEntry> history) {
    Set<Requester> all = new LinkedHashSet<>();
    all.add(ticket.requester());
    for (HistoryEntry e : history) {
      if (TicketField.REQUESTER.equals(e.field())) {
        Stream.of(e.before(), e.after()).filter(v -> v != null)
            .map(ErasurePlan::requester)
            .filter(r -> r.id().equals(ticket.requester().id())).forEach(all::add);
      }
    }
    return all;
  }

  private static Requester requester(String json) {
    return TicketFields.REQUESTER.fromStored(
        column -> column.equals(TicketField.REQUESTER) ? json : null);
  }

  private static List<String> texts(Ticket t, List<HistoryEntry> history,
      List<ConversationEntry> conversation) {
    List<String> all = new ArrayList<>();
    Stream.of(t.subject(), t.description(), t.scenario(), t.errorMessage(),
        t.reproductionSteps(), t.accountReference(), t.resolutionSummary())
        .filter(v -> v != null).forEach(all::add);
    conversation.forEach(e -> all.add(e.body()));
    history.forEach(e -> Stream.of(e.before(), e.after()).filter(v -> v != null)
        .forEach(all::add));
    return all;
  }
}
