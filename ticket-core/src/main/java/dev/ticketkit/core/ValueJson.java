package dev.ticketkit.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The one JSON form of the ticket's structured values, which history (the requester) and stores
 * (JSON columns) share:
 *
 * <ul>
 *   <li>requester: {@code {"id":..., "displayName":..., "handles":["email:a@b.cn", ...]}}
 *   <li>attachments: {@code [{"uri":..., "name":..., "mediaType":..., "sizeBytes":4821}, ...]}
 *   <li>tags: {@code ["vip", "退款"]}
 *   <li>custom fields: {@code {"amount": "decimal:12.50", "device": "text:X1"}} (each value in
 *       its exact text form, so decimals keep their scale)
 *   <li>links: {@code [{"type":"RELATED", "target":"uuid"}, ...]}
 * </ul>
 *
 * <p>Reading accepts any key order and spacing (PostgreSQL's {@code jsonb} rewrites both) and
 * throws {@link InvalidInputException} naming the field for text that is not the field's form.
 * Stateless and thread-safe.
 */
final class ValueJson {

  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * The text of an empty list or map, as Jackson writes it and PostgreSQL's {@code jsonb} gives
   * it back: written and read without the JSON tree (most tickets have no tags, links,
   * attachments or custom fields, and every commit writes and reads a ticket's row).
   */
  private static final String EMPTY_ARRAY = "[]";
  private static final String EMPTY_OBJECT = "{}";

  private ValueJson() {}

  static String requester(Requester r) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", r.id());
    node.put("displayName", r.displayName());
    ArrayNode handles = node.putArray("handles");
    r.handles().forEach(h -> handles.add(h.text()));
    return node.toString();
  }

  static Requester requester(String json) {
    Requester canonical = canonicalRequester(json);
    if (canonical != null) {
      return canonical;
    }
    return read(TicketField.REQUESTER, json, node -> {
      List<ContactHandle> handles = new ArrayList<>();
      node.path("handles").forEach(h -> handles.add(ContactHandle.parse(h.textValue())));
      return new Requester(node.path("id").textValue(), node.path("displayName").textValue(),
          handles);
    });
  }

  /**
   * Reads a requester in its canonical form (an object of exactly {@code id}, {@code displayName}
   * and {@code handles}, strings and an array of strings, in any order and spacing) with the
   * streaming parser, without building a JSON tree: every commit reads its ticket's requester.
   * Returns null for any other text, and for text that breaks a rule, so that the tree reading
   * decides (and fails) exactly as it always has.
   */
  private static @Nullable Requester canonicalRequester(String json) {
    String id = null;
    String name = null;
    List<ContactHandle> handles = null;
    try (JsonParser p = JSON.getFactory().createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if (field.equals("handles") && v == JsonToken.START_ARRAY && handles == null) {
          handles = new ArrayList<>();
          while ((v = p.nextToken()) == JsonToken.VALUE_STRING) {
            handles.add(ContactHandle.parse(p.getText()));
          }
          if (v != JsonToken.END_ARRAY) {
            return null;
          }
        } else if (field.equals("id") && v == JsonToken.VALUE_STRING && id == null) {
          id = p.getText();
        } else if (field.equals("displayName") && v == JsonToken.VALUE_STRING && name == null) {
          name = p.getText();
        } else {
          return null;
        }
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null || id == null || name == null
          || handles == null) {
        return null;
      }
      return new Requester(id, name, handles);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  static String attachments(List<Attachment> attachments) {
    if (attachments.isEmpty()) {
      return EMPTY_ARRAY;
    }
    ArrayNode array = JSON.createArrayNode();
    for (Attachment a : attachments) {
      array.addObject().put("uri", a.uri().toString()).put("name", a.name())
          .put("mediaType", a.mediaType()).put("sizeBytes", a.sizeBytes());
    }
    return array.toString();
  }

  static List<Attachment> attachments(String json) {
    if (EMPTY_ARRAY.equals(json)) {
      return new ArrayList<>();
    }
    return read(TicketField.ATTACHMENTS, json, array -> {
      List<Attachment> list = new ArrayList<>();
      for (JsonNode a : array) {
        list.add(Attachment.of(URI.create(a.path("uri").textValue()), a.path("name").textValue(),
            a.path("mediaType").textValue(), a.path("sizeBytes").asLong(-1)));
      }
      return list;
    });
  }

  static String tags(Collection<Tag> tags) {
    if (tags.isEmpty()) {
      return EMPTY_ARRAY;
    }
    ArrayNode array = JSON.createArrayNode();
    tags.forEach(t -> array.add(t.value()));
    return array.toString();
  }

  static SortedSet<Tag> tags(String json) {
    if (EMPTY_ARRAY.equals(json)) {
      return new TreeSet<>();
    }
    return read(TicketField.TAGS, json, array -> {
      SortedSet<Tag> tags = new TreeSet<>();
      array.forEach(t -> tags.add(Tag.of(t.textValue())));
      return tags;
    });
  }

  static String customFields(Map<String, CustomFieldValue> fields) {
    if (fields.isEmpty()) {
      return EMPTY_OBJECT;
    }
    ObjectNode node = JSON.createObjectNode();
    fields.forEach((k, v) -> node.put(k, v.toString()));
    return node.toString();
  }

  static Map<String, CustomFieldValue> customFields(String json) {
    if (EMPTY_OBJECT.equals(json)) {
      return new LinkedHashMap<>();
    }
    return read("customFields", json, node -> {
      Map<String, CustomFieldValue> fields = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        fields.put(e.getKey(), CustomFieldValue.parse(e.getValue().textValue()));
      }
      return fields;
    });
  }

  static String links(List<TicketLink> links) {
    if (links.isEmpty()) {
      return EMPTY_ARRAY;
    }
    ArrayNode array = JSON.createArrayNode();
    links.forEach(l -> array.addObject().put("type", l.type().name())
        .put("target", l.target().toString()));
    return array.toString();
  }

  static List<TicketLink> links(String json) {
    if (EMPTY_ARRAY.equals(json)) {
      return new ArrayList<>();
    }
    return read(TicketField.LINKS, json, array -> {
      List<TicketLink> links = new ArrayList<>();
      for (JsonNode l : array) {
        links.add(TicketLink.of(LinkType.parse(l.path("type").textValue()),
            TicketId.parse(l.path("target").textValue())));
      }
      return links;
    });
  }

  private static <T> T read(String field, String json, Function<JsonNode, T> reader) {
    try {
      return reader.apply(JSON.readTree(json));
    } catch (JsonProcessingException | RuntimeException e) {
      if (e instanceof InvalidInputException invalid) {
        throw invalid;
      }
      throw new InvalidInputException(field, json, "is not the field's JSON form");
    }
  }
}
