package dev.ticketkit.macro;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketkit.core.Category;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Tag;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes a macro's JSON form, so a team keeps its canned responses as data.
 *
 * <p>The form, with every key shown ({@code defaultLocale} and all of {@code changes} are
 * optional; without {@code defaultLocale} the first template's locale is the default):
 *
 * <pre>{@code
 * {
 *   "id": "refund-approved",
 *   "title": "退款已批准 / Refund approved",
 *   "defaultLocale": "zh-CN",
 *   "reply": {
 *     "zh-CN": "{{requesterName}}您好，工单 #{{ticketNumber}} 的退款已批准，预计在 {{dueTime}} 前到账。客服 {{agentName}}",
 *     "en": "Hello {{requesterName}}, the refund of ticket #{{ticketNumber}} is approved and due by {{dueTime}}. {{agentName}}"
 *   },
 *   "changes": {
 *     "transition": "wait_on_requester",
 *     "addTags": ["refund"],
 *     "removeTags": ["triage"],
 *     "priority": "HIGH",
 *     "category": "payment/refund"
 *   }
 * }
 * }</pre>
 *
 * <p>The keys of {@code reply} are BCP 47 language tags; the templates are Mustache templates
 * that may use {@code requesterName}, {@code ticketNumber}, {@code dueTime} and
 * {@code agentName} ({@link MacroVariable}) and nothing else: no sections, no partials.
 * {@link #read(String)} rejects unknown keys, duplicate keys, wrong types and trailing content,
 * and checks every value as {@link Macro.Builder} does; every failure is a
 * {@link MacroFormatException} naming the JSON path (such as {@code $.changes.priority}) and the
 * value. {@link #write(Macro)} writes the same form, which reads back equal. Stateless and
 * thread-safe.
 */
public final class MacroJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private static final Set<String> ROOT_KEYS =
      Set.of("id", "title", "defaultLocale", "reply", "changes");
  private static final Set<String> CHANGE_KEYS =
      Set.of("transition", "addTags", "removeTags", "priority", "category");

  private MacroJson() {}

  /**
   * Reads a macro from its JSON form.
   *
   * @param json the JSON text
   * @return the checked macro
   * @throws MacroFormatException if the text is null, not JSON, or not of the documented form
   */
  public static Macro read(@Nullable String json) {
    if (json == null) {
      throw new MacroFormatException("$", null, "must not be null");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new MacroFormatException("$", json.length() <= 60 ? json : json.substring(0, 60),
          "is not valid JSON at line " + (at == null ? -1 : at.getLineNr()) + ", column "
          + (at == null ? -1 : at.getColumnNr()) + ": " + e.getOriginalMessage());
    }
    object(root, "$", ROOT_KEYS);
    Macro.Builder b = Macro.builder(text(root.get("id"), "$.id"));
    b.title(text(root.get("title"), "$.title"));
    if (root.has("defaultLocale")) {
      b.defaultLocale(Macro.locale("$.defaultLocale",
          text(root.get("defaultLocale"), "$.defaultLocale")));
    }
    JsonNode reply = root.get("reply");
    object(reply, "$.reply", null);
    for (Map.Entry<String, JsonNode> e : reply.properties()) {
      String path = "$.reply." + e.getKey();
      Locale locale = Macro.locale(path, e.getKey());
      b.reply(locale, text(e.getValue(), path));
    }
    if (root.has("changes")) {
      changes(b, root.get("changes"));
    }
    return b.build();
  }

  private static void changes(Macro.Builder b, JsonNode node) {
    String path = "$.changes";
    object(node, path, CHANGE_KEYS);
    if (node.has("transition")) {
      b.transition(text(node.get("transition"), path + ".transition"));
    }
    for (String key : new String[] {"addTags", "removeTags"}) {
      JsonNode tags = node.get(key);
      if (tags == null) {
        continue;
      }
      if (!tags.isArray()) {
        throw new MacroFormatException(path + "." + key, tags.toString(), "must be a JSON array");
      }
      for (int i = 0; i < tags.size(); i++) {
        String at = path + "." + key + "[" + i + "]";
        Tag tag = parse(at, text(tags.get(i), at), Tag::of);
        if (key.equals("addTags")) {
          b.addTag(tag);
        } else {
          b.removeTag(tag);
        }
      }
    }
    if (node.has("priority")) {
      String at = path + ".priority";
      b.priority(parse(at, text(node.get("priority"), at), Priority::parse));
    }
    if (node.has("category")) {
      String at = path + ".category";
      b.category(parse(at, text(node.get("category"), at), Category::parse));
    }
  }

  /**
   * Writes a macro's JSON form.
   *
   * @param macro the macro
   * @return the JSON text, indented
   * @throws NullPointerException if the macro is null
   */
  public static String write(Macro macro) {
    if (macro == null) {
      throw new NullPointerException("macro");
    }
    ObjectNode root = MAPPER.createObjectNode();
    root.put("id", macro.id()).put("title", macro.title())
        .put("defaultLocale", macro.defaultLocale().toLanguageTag());
    ObjectNode reply = root.putObject("reply");
    macro.replies().forEach((l, t) -> reply.put(l.toLanguageTag(), t));
    ObjectNode changes = root.putObject("changes");
    macro.transition().ifPresent(t -> changes.put("transition", t));
    ArrayNode add = changes.putArray("addTags");
    macro.addTags().forEach(t -> add.add(t.value()));
    ArrayNode remove = changes.putArray("removeTags");
    macro.removeTags().forEach(t -> remove.add(t.value()));
    macro.priority().ifPresent(p -> changes.put("priority", p.name()));
    macro.category().ifPresent(c -> changes.put("category", c.toString()));
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  private static <T> T parse(String path, String text, Function<String, T> parser) {
    try {
      return parser.apply(text);
    } catch (InvalidInputException e) {
      throw new MacroFormatException(path, text, e.getMessage());
    }
  }

  private static void object(@Nullable JsonNode node, String path, @Nullable Set<String> keys) {
    if (node == null || !node.isObject()) {
      throw new MacroFormatException(path, node == null ? null : node.toString(),
          "must be a JSON object");
    }
    if (keys != null) {
      node.fieldNames().forEachRemaining(k -> {
        if (!keys.contains(k)) {
          throw new MacroFormatException(path + "." + k, k,
              "is not a known key; known keys are " + keys.stream().sorted().toList());
        }
      });
    }
  }

  private static String text(@Nullable JsonNode node, String path) {
    if (node == null || !node.isTextual()) {
      throw new MacroFormatException(path, node == null ? null : node.toString(),
          "must be a JSON string");
    }
    return node.textValue();
  }
}
