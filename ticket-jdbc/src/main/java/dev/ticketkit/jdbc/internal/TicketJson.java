package dev.ticketkit.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketkit.core.Attachment;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.CustomFieldValue;
import dev.ticketkit.core.LinkType;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketLink;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The JSON forms of a ticket's structured values, as the JSON columns hold them.
 *
 * <ul>
 *   <li>requester: {@code {"id":..., "displayName":..., "handles":["email:a@b.cn", ...]}}
 *   <li>attachments: {@code [{"uri":..., "name":..., "mediaType":..., "sizeBytes":4821}, ...]}
 *   <li>tags: {@code ["vip", "退款"]}
 *   <li>custom fields: {@code {"amount": "decimal:12.50", "device": "text:X1"}} (each value in its
 *       exact text form, so decimals keep their scale)
 *   <li>links: {@code [{"type":"RELATED", "target":"uuid"}, ...]}
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class TicketJson {

  /** The shared mapper; Jackson's mappers are thread-safe once configured. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private TicketJson() {}

  /**
   * Parses JSON text.
   *
   * @param json the text
   * @return the tree
   * @throws IllegalStateException if the text is not JSON (a corrupt row)
   */
  public static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON column holds malformed JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Returns the requester's JSON form.
   *
   * @param requester the value
   * @return the requester's JSON form
   */
  public static String requester(Requester requester) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", requester.id());
    node.put("displayName", requester.displayName());
    ArrayNode handles = node.putArray("handles");
    requester.handles().forEach(h -> handles.add(h.toString()));
    return node.toString();
  }

  /**
   * Returns the requester read from its JSON form.
   *
   * @param json the JSON text
   * @return the requester read from its JSON form
   */
  public static Requester requester(String json) {
    JsonNode node = parse(json);
    List<ContactHandle> handles = new ArrayList<>();
    node.path("handles").forEach(h -> handles.add(ContactHandle.parse(h.asText())));
    return new Requester(node.path("id").asText(), node.path("displayName").asText(), handles);
  }

  /**
   * Returns the attachments' JSON form.
   *
   * @param attachments the value
   * @return the attachments' JSON form
   */
  public static String attachments(List<Attachment> attachments) {
    return attachmentsNode(attachments).toString();
  }

  /**
   * Returns the attachments' JSON form as a tree.
   *
   * @param attachments the value
   * @return the attachments' JSON form as a tree
   */
  public static ArrayNode attachmentsNode(List<Attachment> attachments) {
    ArrayNode array = MAPPER.createArrayNode();
    for (Attachment a : attachments) {
      array.addObject().put("uri", a.uri().toString()).put("name", a.name())
          .put("mediaType", a.mediaType()).put("sizeBytes", a.sizeBytes());
    }
    return array;
  }

  /**
   * Returns the attachments read from their JSON form.
   *
   * @param json the JSON text
   * @return the attachments read from their JSON form
   */
  public static List<Attachment> attachments(String json) {
    return attachments(parse(json));
  }

  /**
   * Returns the attachments read from their JSON tree.
   *
   * @param array the JSON text
   * @return the attachments read from their JSON tree
   */
  public static List<Attachment> attachments(JsonNode array) {
    List<Attachment> list = new ArrayList<>();
    for (JsonNode a : array) {
      list.add(Attachment.of(URI.create(a.path("uri").asText()), a.path("name").asText(),
          a.path("mediaType").asText(), a.path("sizeBytes").asLong()));
    }
    return list;
  }

  /**
   * Returns the tags' JSON form.
   *
   * @param tags the value
   * @return the tags' JSON form
   */
  public static String tags(Collection<Tag> tags) {
    ArrayNode array = MAPPER.createArrayNode();
    tags.forEach(t -> array.add(t.value()));
    return array.toString();
  }

  /**
   * Returns the tags read from their JSON form.
   *
   * @param json the JSON text
   * @return the tags read from their JSON form
   */
  public static SortedSet<Tag> tags(String json) {
    SortedSet<Tag> tags = new TreeSet<>();
    parse(json).forEach(t -> tags.add(Tag.of(t.asText())));
    return tags;
  }

  /**
   * Returns the custom fields' JSON form.
   *
   * @param fields the custom fields by key
   * @return the custom fields' JSON form
   */
  public static String customFields(Map<String, CustomFieldValue> fields) {
    ObjectNode node = MAPPER.createObjectNode();
    fields.forEach((k, v) -> node.put(k, v.toString()));
    return node.toString();
  }

  /**
   * Returns the custom fields read from their JSON form.
   *
   * @param json the JSON text
   * @return the custom fields read from their JSON form
   */
  public static Map<String, CustomFieldValue> customFields(String json) {
    Map<String, CustomFieldValue> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : parse(json).properties()) {
      fields.put(e.getKey(), CustomFieldValue.parse(e.getValue().asText()));
    }
    return fields;
  }

  /**
   * Returns the links' JSON form.
   *
   * @param links the value
   * @return the links' JSON form
   */
  public static String links(List<TicketLink> links) {
    ArrayNode array = MAPPER.createArrayNode();
    links.forEach(l -> array.addObject().put("type", l.type().name())
        .put("target", l.target().toString()));
    return array.toString();
  }

  /**
   * Returns the links read from their JSON form.
   *
   * @param json the JSON text
   * @return the links read from their JSON form
   */
  public static List<TicketLink> links(String json) {
    List<TicketLink> links = new ArrayList<>();
    for (JsonNode l : parse(json)) {
      links.add(TicketLink.of(LinkType.parse(l.path("type").asText()),
          TicketId.parse(l.path("target").asText())));
    }
    return links;
  }
}
