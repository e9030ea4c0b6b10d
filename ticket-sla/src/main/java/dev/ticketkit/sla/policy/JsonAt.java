package dev.ticketkit.sla.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A JSON node with its path, and the reading steps of the policy reader: every failure becomes a
 * {@link PolicyFormatException} naming the path and the value. Immutable and thread-safe.
 */
final class JsonAt {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  final JsonNode node;
  final String path;

  private JsonAt(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  static JsonAt parse(String json) {
    try {
      JsonNode root = MAPPER.readTree(json);
      if (root == null || root.isMissingNode()) {
        throw new PolicyFormatException("$", "", "must be a JSON object");
      }
      return new JsonAt(root, "$");
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "$"
          : "$ (line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr() + ")";
      throw new PolicyFormatException(where, String.valueOf(e.getOriginalMessage()),
          "is not valid JSON");
    }
  }

  PolicyFormatException error(String reason) {
    return new PolicyFormatException(path, node.toString(), reason);
  }

  JsonAt object(Set<String> allowed) {
    if (!node.isObject()) {
      throw error("must be an object");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        throw field(name).error("is not a known field; known: " + new java.util.TreeSet<>(allowed));
      }
    }
    return this;
  }

  JsonAt field(String name) {
    return new JsonAt(node.path(name), path + "." + name);
  }

  boolean has(String name) {
    return node.has(name) && !node.get(name).isNull();
  }

  @Nullable JsonAt optional(String name) {
    return has(name) ? field(name) : null;
  }

  JsonAt required(String name) {
    if (!has(name)) {
      throw field(name).error("is required");
    }
    return field(name);
  }

  List<JsonAt> elements() {
    if (!node.isArray()) {
      throw error("must be an array");
    }
    List<JsonAt> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      out.add(new JsonAt(node.get(i), path + "[" + i + "]"));
    }
    return out;
  }

  List<Map.Entry<String, JsonAt>> entries() {
    if (!node.isObject()) {
      throw error("must be an object");
    }
    List<Map.Entry<String, JsonAt>> out = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      out.add(Map.entry(name, field(name)));
    }
    return out;
  }

  String text() {
    if (!node.isTextual()) {
      throw error("must be a string");
    }
    return node.textValue();
  }

  boolean bool() {
    if (!node.isBoolean()) {
      throw error("must be true or false");
    }
    return node.booleanValue();
  }

  int integer() {
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw error("must be a whole number");
    }
    return node.intValue();
  }

  /** Converts this node's text with a factory that may reject it. */
  <T> T as(Function<String, T> factory) {
    String text = text();
    try {
      return factory.apply(text);
    } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
      throw error(reason(e));
    } catch (dev.ticketkit.core.TicketKitException e) {
      throw error(reason(e));
    }
  }

  /** Builds a value that may reject its parts, reporting the failure at this node. */
  <T> T build(java.util.function.Supplier<T> factory) {
    try {
      return factory.get();
    } catch (PolicyFormatException e) {
      throw e;
    } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
      throw error(reason(e));
    } catch (dev.ticketkit.core.TicketKitException e) {
      throw error(reason(e));
    }
  }

  <T> List<T> list(Function<JsonAt, T> reader) {
    return elements().stream().map(reader).toList();
  }

  <T> List<T> texts(Function<String, T> factory) {
    return list(e -> e.as(factory));
  }

  private static String reason(RuntimeException e) {
    return "is not valid: " + e.getMessage();
  }
}
