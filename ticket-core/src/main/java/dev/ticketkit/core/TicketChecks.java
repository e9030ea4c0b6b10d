package dev.ticketkit.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** The collection and ordering checks the field table ({@link TicketFields}) uses. Stateless. */
final class TicketChecks {

  private TicketChecks() {}

  static long positive(String field, long value) {
    if (value < 1) {
      throw new InvalidInputException(field, value, "must be 1 or more");
    }
    return value;
  }

  static Instant notBefore(String field, Instant value, Instant earliest) {
    if (value.isBefore(earliest)) {
      throw new InvalidInputException(field, value, "must not be before createdAt " + earliest);
    }
    return value;
  }

  static List<Attachment> attachments(Collection<Attachment> attachments) {
    checkSize("attachments", attachments, Ticket.MAX_ATTACHMENTS);
    Set<java.net.URI> uris = new HashSet<>();
    int i = 0;
    for (Attachment a : attachments) {
      Texts.notNull("attachments[" + i + "]", a);
      if (!uris.add(a.uri())) {
        throw new InvalidInputException("attachments[" + i + "]", a.uri(), "is attached twice");
      }
      i++;
    }
    return List.copyOf(attachments);
  }

  static Collection<Tag> tags(Collection<Tag> tags) {
    checkSize("tags", tags, Ticket.MAX_TAGS);
    tags.forEach(t -> Texts.notNull("tags[]", t));
    return tags;
  }

  static TreeMap<String, CustomFieldValue> customFields(Map<String, CustomFieldValue> fields) {
    if (fields.size() > Ticket.MAX_CUSTOM_FIELDS) {
      throw new InvalidInputException(
          "customFields", fields.size(), "must hold at most " + Ticket.MAX_CUSTOM_FIELDS);
    }
    TreeMap<String, CustomFieldValue> copy = new TreeMap<>();
    fields.forEach((k, v) -> copy.put(CustomFieldValue.checkKey(k), Texts.notNull(k, v)));
    return copy;
  }

  static List<TicketLink> links(Collection<TicketLink> links) {
    checkSize("links", links, Ticket.MAX_LINKS);
    List<TicketLink> seen = new ArrayList<>();
    for (TicketLink link : links) {
      Texts.notNull("links[" + seen.size() + "]", link);
      if (seen.contains(link)) {
        throw new InvalidInputException("links[" + seen.size() + "]", link, "must not repeat");
      }
      seen.add(link);
    }
    return List.copyOf(seen);
  }

  /** Checks the handoffs: at most {@value Ticket#MAX_HANDOFFS}, numbers unique; sorted by number. */
  static List<Handoff> handoffs(Collection<Handoff> handoffs) {
    checkSize(TicketField.HANDOFFS, handoffs, Ticket.MAX_HANDOFFS);
    List<Handoff> sorted = new ArrayList<>();
    for (Handoff h : handoffs) {
      Texts.notNull(TicketField.HANDOFFS + "[" + sorted.size() + "]", h);
      sorted.add(h);
    }
    sorted.sort(java.util.Comparator.comparingInt(Handoff::seq));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).seq() == sorted.get(i - 1).seq()) {
        throw new InvalidInputException(TicketField.HANDOFFS, sorted.get(i).seq(),
            "must not repeat a handoff number");
      }
    }
    return List.copyOf(sorted);
  }

  /** The checks that relate two fields of a ticket: no link to itself, no instant before its creation. */
  static void invariants(Ticket t) {
    List<TicketLink> links = t.links();
    for (int i = 0; i < links.size(); i++) {
      if (links.get(i).target().equals(t.id())) {
        throw new InvalidInputException("links[" + i + "]", links.get(i),
            "must not point to the ticket itself");
      }
    }
    notBefore(TicketField.UPDATED_AT, t.updatedAt(), t.createdAt());
    notBefore(TicketField.STATUS_CHANGED_AT, t.statusChangedAt(), t.createdAt());
  }

  private static void checkSize(String field, Collection<?> values, int max) {
    if (values.size() > max) {
      throw new InvalidInputException(field, values.size(), "must hold at most " + max);
    }
  }
}
