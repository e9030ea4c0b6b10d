package dev.ticketkit.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ticketkit.core.Attachment;
import dev.ticketkit.core.CustomFieldValue;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TicketField;
import dev.ticketkit.core.TicketFields;
import dev.ticketkit.core.TicketLink;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The JSON forms of a ticket's structured values, as the JSON columns hold them, for the places
 * that need one value outside a whole ticket row (tag and link rows, conversation entries,
 * events). The forms themselves are ticket-core's, written once in the field table
 * ({@link TicketFields}, see {@link TicketField#toStored}); this class only reaches them by
 * field. Also the shared Jackson mapper of the jdbc module. Stateless and thread-safe.
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

  private static <T> String write(TicketField<T> field, T value) {
    Map<String, @Nullable Object> row = new HashMap<>();
    field.toStored(value, row);
    return (String) row.get(field.columns().get(0).name());
  }

  private static <T> T read(TicketField<T> field, String json) {
    String column = field.columns().get(0).name();
    T value = field.fromStored(name -> name.equals(column) ? json : null);
    if (value == null) {
      throw new IllegalStateException("a JSON column of " + field + " holds nothing");
    }
    return value;
  }

  /**
   * Returns the requester's JSON form.
   *
   * @param requester the value
   * @return the requester's JSON form
   */
  public static String requester(Requester requester) {
    return write(TicketFields.REQUESTER, requester);
  }

  /**
   * Returns the requester read from its JSON form.
   *
   * @param json the JSON text
   * @return the requester read from its JSON form
   */
  public static Requester requester(String json) {
    return read(TicketFields.REQUESTER, json);
  }

  /**
   * Returns the attachments' JSON form.
   *
   * @param attachments the value
   * @return the attachments' JSON form
   */
  public static String attachments(List<Attachment> attachments) {
    return write(TicketFields.ATTACHMENTS, attachments);
  }

  /**
   * Returns the attachments' JSON form as a tree.
   *
   * @param attachments the value
   * @return the attachments' JSON form as a tree
   */
  public static ArrayNode attachmentsNode(List<Attachment> attachments) {
    return (ArrayNode) parse(attachments(attachments));
  }

  /**
   * Returns the attachments read from their JSON form.
   *
   * @param json the JSON text
   * @return the attachments read from their JSON form
   */
  public static List<Attachment> attachments(String json) {
    return read(TicketFields.ATTACHMENTS, json);
  }

  /**
   * Returns the attachments read from their JSON tree.
   *
   * @param array the JSON tree
   * @return the attachments read from their JSON tree
   */
  public static List<Attachment> attachments(JsonNode array) {
    return attachments(array.toString());
  }

  /**
   * Returns the tags' JSON form.
   *
   * @param tags the value
   * @return the tags' JSON form
   */
  public static String tags(Collection<Tag> tags) {
    return write(TicketFields.TAGS, new TreeSet<>(tags));
  }

  /**
   * Returns the tags read from their JSON form.
   *
   * @param json the JSON text
   * @return the tags read from their JSON form
   */
  public static SortedSet<Tag> tags(String json) {
    return read(TicketFields.TAGS, json);
  }

  /**
   * Returns the custom fields' JSON form.
   *
   * @param fields the custom fields by key
   * @return the custom fields' JSON form
   */
  public static String customFields(Map<String, CustomFieldValue> fields) {
    SortedMap<String, CustomFieldValue> sorted = new TreeMap<>(fields);
    return write(TicketFields.CUSTOM_FIELDS, sorted);
  }

  /**
   * Returns the custom fields read from their JSON form.
   *
   * @param json the JSON text
   * @return the custom fields read from their JSON form
   */
  public static Map<String, CustomFieldValue> customFields(String json) {
    return read(TicketFields.CUSTOM_FIELDS, json);
  }

  /**
   * Returns the links' JSON form.
   *
   * @param links the value
   * @return the links' JSON form
   */
  public static String links(List<TicketLink> links) {
    return write(TicketFields.LINKS, links);
  }

  /**
   * Returns the links read from their JSON form.
   *
   * @param json the JSON text
   * @return the links read from their JSON form
   */
  public static List<TicketLink> links(String json) {
    return read(TicketFields.LINKS, json);
  }
}
