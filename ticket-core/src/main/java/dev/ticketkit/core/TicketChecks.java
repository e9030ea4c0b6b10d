package dev.ticketkit.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** The collection and ordering checks of {@link Ticket}, kept apart to keep it short. */
final class TicketChecks {

  private TicketChecks() {}

  static long positive(String field, long value) {
    if (value < 1) {
      throw new InvalidInputException(field, value, "must be 1 or more");
    }
    return value;
  }

  static Instant notBefore(String field, @Nullable Instant value, Instant earliest) {
    Texts.notNull(field, value);
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

  static List<TicketLink> links(Collection<TicketLink> links, TicketId self) {
    checkSize("links", links, Ticket.MAX_LINKS);
    List<TicketLink> seen = new ArrayList<>();
    for (TicketLink link : links) {
      Texts.notNull("links[" + seen.size() + "]", link);
      if (link.target().equals(self) || seen.contains(link)) {
        throw new InvalidInputException(
            "links[" + seen.size() + "]", link, "must not repeat or point to the ticket itself");
      }
      seen.add(link);
    }
    return List.copyOf(seen);
  }

  private static void checkSize(String field, Collection<?> values, int max) {
    if (values.size() > max) {
      throw new InvalidInputException(field, values.size(), "must hold at most " + max);
    }
  }

  static boolean sameValues(Ticket a, Ticket b) {
    return a.version() == b.version()
        && a.number() == b.number()
        && a.cycle() == b.cycle()
        && a.tenant().equals(b.tenant())
        && a.id().equals(b.id())
        && a.requester().equals(b.requester())
        && a.channel().equals(b.channel())
        && a.subject().equals(b.subject())
        && a.description().equals(b.description())
        && Objects.equals(a.scenario(), b.scenario())
        && Objects.equals(a.errorMessage(), b.errorMessage())
        && Objects.equals(a.reproductionSteps(), b.reproductionSteps())
        && a.attachments().equals(b.attachments())
        && Objects.equals(a.accountReference(), b.accountReference())
        && sameWork(a, b);
  }

  private static boolean sameWork(Ticket a, Ticket b) {
    return Objects.equals(a.category(), b.category())
        && a.priority() == b.priority()
        && a.status().equals(b.status())
        && Objects.equals(a.returnStatus(), b.returnStatus())
        && a.statusChangedAt().equals(b.statusChangedAt())
        && Objects.equals(a.acceptedBy(), b.acceptedBy())
        && Objects.equals(a.assignee(), b.assignee())
        && a.tier().equals(b.tier())
        && a.tags().equals(b.tags())
        && a.customFields().equals(b.customFields())
        && a.links().equals(b.links())
        && Objects.equals(a.rating(), b.rating())
        && Objects.equals(a.resolutionSummary(), b.resolutionSummary())
        && a.createdAt().equals(b.createdAt())
        && a.updatedAt().equals(b.updatedAt());
  }
}
