package dev.ticketkit.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns a ticket into named text values and back: the form history entries record.
 *
 * <p>Scalar fields map to one text each (absent when null); the set-valued fields (attachments,
 * tags, links) map to ordered sets of element texts. {@link #diff} compares two flat forms the way
 * history records a change, and {@link TicketReplay} applies such entries to rebuild a ticket.
 * Stateless and thread-safe.
 */
final class FieldCodec {

  /** The scalar fields in the order history records them; custom fields follow, by key. */
  static final List<String> SCALARS = List.of(TicketField.NUMBER, TicketField.REQUESTER,
      TicketField.CHANNEL, TicketField.SUBJECT, TicketField.DESCRIPTION, TicketField.SCENARIO,
      TicketField.ERROR_MESSAGE, TicketField.REPRODUCTION_STEPS, TicketField.ACCOUNT_REFERENCE,
      TicketField.CATEGORY, TicketField.PRIORITY, TicketField.STATUS, TicketField.RETURN_STATUS,
      TicketField.ACCEPTED_BY, TicketField.ASSIGNEE, TicketField.TIER, TicketField.RATING,
      TicketField.RESOLUTION_SUMMARY, TicketField.CYCLE);
  /** The set-valued fields. */
  static final List<String> SETS =
      List.of(TicketField.ATTACHMENTS, TicketField.TAGS, TicketField.LINKS);

  private static final ObjectMapper JSON = new ObjectMapper();

  private FieldCodec() {}

  /** One recorded change of one field. */
  record Change(String field, @Nullable String before, @Nullable String after) {}

  /** A ticket's fields as text. */
  record Flat(Map<String, String> scalars, Map<String, Set<String>> sets) {

    static Flat empty() {
      Map<String, Set<String>> sets = new LinkedHashMap<>();
      SETS.forEach(f -> sets.put(f, new LinkedHashSet<>()));
      return new Flat(new LinkedHashMap<>(), sets);
    }
  }

  static Flat flatten(Ticket t) {
    Flat flat = Flat.empty();
    Map<String, String> s = flat.scalars();
    put(s, TicketField.NUMBER, t.number());
    put(s, TicketField.REQUESTER, requesterJson(t.requester()));
    put(s, TicketField.CHANNEL, t.channel());
    put(s, TicketField.SUBJECT, t.subject());
    put(s, TicketField.DESCRIPTION, t.description());
    put(s, TicketField.SCENARIO, t.scenario());
    put(s, TicketField.ERROR_MESSAGE, t.errorMessage());
    put(s, TicketField.REPRODUCTION_STEPS, t.reproductionSteps());
    put(s, TicketField.ACCOUNT_REFERENCE, t.accountReference());
    put(s, TicketField.CATEGORY, t.category());
    put(s, TicketField.PRIORITY, t.priority());
    put(s, TicketField.STATUS, t.status());
    put(s, TicketField.RETURN_STATUS, t.returnStatus());
    put(s, TicketField.ACCEPTED_BY, t.acceptedBy());
    put(s, TicketField.ASSIGNEE, t.assignee());
    put(s, TicketField.TIER, t.tier());
    put(s, TicketField.RATING, t.rating());
    put(s, TicketField.RESOLUTION_SUMMARY, t.resolutionSummary());
    put(s, TicketField.CYCLE, t.cycle());
    t.customFields().forEach((k, v) -> put(s, TicketField.CUSTOM_PREFIX + k, v));
    t.attachments().forEach(a -> flat.sets().get(TicketField.ATTACHMENTS).add(a.toString()));
    t.tags().forEach(g -> flat.sets().get(TicketField.TAGS).add(g.toString()));
    t.links().forEach(l -> flat.sets().get(TicketField.LINKS).add(l.toString()));
    return flat;
  }

  private static void put(Map<String, String> scalars, String field, @Nullable Object value) {
    if (value != null) {
      scalars.put(field, value.toString());
    }
  }

  /** Returns the changes from one flat form to another, scalars first, then set elements. */
  static List<Change> diff(Flat before, Flat after) {
    List<Change> changes = new ArrayList<>();
    Set<String> fields = new LinkedHashSet<>(SCALARS);
    before.scalars().keySet().stream().filter(f -> !SCALARS.contains(f)).sorted()
        .forEach(fields::add);
    after.scalars().keySet().stream().filter(f -> !SCALARS.contains(f)).sorted()
        .forEach(fields::add);
    for (String f : fields) {
      String b = before.scalars().get(f);
      String a = after.scalars().get(f);
      if (!java.util.Objects.equals(b, a)) {
        changes.add(new Change(f, b, a));
      }
    }
    for (String f : SETS) {
      before.sets().get(f).stream().filter(e -> !after.sets().get(f).contains(e))
          .forEach(e -> changes.add(new Change(f, e, null)));
      after.sets().get(f).stream().filter(e -> !before.sets().get(f).contains(e))
          .forEach(e -> changes.add(new Change(f, null, e)));
    }
    return changes;
  }

  static String requesterJson(Requester r) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", r.id());
    node.put("displayName", r.displayName());
    ArrayNode handles = node.putArray("handles");
    r.handles().forEach(h -> handles.add(h.toString()));
    return node.toString();
  }

  static Requester parseRequester(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      List<ContactHandle> handles = new ArrayList<>();
      node.path("handles").forEach(h -> handles.add(ContactHandle.parse(h.textValue())));
      return new Requester(
          node.path("id").textValue(), node.path("displayName").textValue(), handles);
    } catch (JsonProcessingException | RuntimeException e) {
      if (e instanceof InvalidInputException) {
        throw (InvalidInputException) e;
      }
      throw new InvalidInputException(TicketField.REQUESTER, json, "is not a requester's JSON form");
    }
  }
}
