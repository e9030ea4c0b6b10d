package dev.ticketkit.core.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticketkit.core.ActorKind;
import dev.ticketkit.core.DissatisfactionReason;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.StatusCategory;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads a workflow from a JSON tree, naming the JSON path of every problem. Stateless and
 * thread-safe.
 */
final class WorkflowJsonReader {

  private static final Set<String> ROOT_KEYS =
      Set.of("name", "initial", "autoCloseAfter", "states", "transitions", "triggers",
          "dissatisfaction");
  private static final Set<String> STATE_KEYS = Set.of("name", "category");
  private static final Set<String> TRANSITION_KEYS =
      Set.of("name", "from", "to", "actors", "guards", "effects");

  private WorkflowJsonReader() {}

  static Workflow workflow(JsonNode root) {
    object(root, "$", ROOT_KEYS);
    WorkflowBuilder b = at("$.name", root.get("name"),
        () -> Workflow.builder(text(root.get("name"), "$.name")));
    JsonNode states = array(root.get("states"), "$.states");
    for (int i = 0; i < states.size(); i++) {
      state(b, states.get(i), "$.states[" + i + "]");
    }
    b.initial(text(root.get("initial"), "$.initial"));
    if (root.has("autoCloseAfter")) {
      String path = "$.autoCloseAfter";
      String text = text(root.get(path.substring(2)), path);
      at(path, text, () -> b.autoCloseAfter(duration(text, path)));
    }
    JsonNode transitions = array(root.get("transitions"), "$.transitions");
    for (int i = 0; i < transitions.size(); i++) {
      String path = "$.transitions[" + i + "]";
      JsonNode node = transitions.get(i);
      at(path, node, () -> b.transition(transition(node, path)));
    }
    if (root.has("triggers")) {
      triggers(b, root.get("triggers"));
    }
    if (root.has("dissatisfaction")) {
      DissatisfactionPolicy policy = dissatisfaction(root.get("dissatisfaction"));
      at("$.dissatisfaction", null, () -> b.dissatisfaction(policy));
    }
    return at("$", null, b::build);
  }

  private static void state(WorkflowBuilder b, JsonNode node, String path) {
    object(node, path, STATE_KEYS);
    String name = text(node.get("name"), path + ".name");
    String category = text(node.get("category"), path + ".category");
    StatusCategory parsed = at(path + ".category", category, () -> StatusCategory.parse(category));
    at(path + ".name", name, () -> b.state(name, parsed));
  }

  private static Transition transition(JsonNode node, String path) {
    object(node, path, TRANSITION_KEYS);
    Transition.Builder t = at(path + ".name", node.get("name"),
        () -> Transition.named(text(node.get("name"), path + ".name")));
    t.from(texts(array(node.get("from"), path + ".from"), path + ".from").toArray(String[]::new));
    t.to(text(node.get("to"), path + ".to"));
    for (String a : texts(array(node.get("actors"), path + ".actors"), path + ".actors")) {
      t.by(at(path + ".actors", a, () -> ActorKind.parse(a)));
    }
    if (node.has("guards")) {
      JsonNode guards = array(node.get("guards"), path + ".guards");
      for (int i = 0; i < guards.size(); i++) {
        t.guard(guard(guards.get(i), path + ".guards[" + i + "]"));
      }
    }
    if (node.has("effects")) {
      for (String e : texts(array(node.get("effects"), path + ".effects"), path + ".effects")) {
        t.effect(at(path + ".effects", e, () -> parseEnum(Effect.class, e)));
      }
    }
    return t.build();
  }

  private static Guard guard(JsonNode node, String path) {
    object(node, path, Set.of("requiredField", "ratingIn"));
    if (node.size() != 1) {
      throw new WorkflowFormatException(path, node, "must have exactly one key", -1, -1);
    }
    if (node.has("requiredField")) {
      String field = text(node.get("requiredField"), path + ".requiredField");
      return at(path + ".requiredField", field, () -> Guard.requiredField(field));
    }
    String levelsPath = path + ".ratingIn";
    List<Satisfaction> levels = new ArrayList<>();
    for (String l : texts(array(node.get("ratingIn"), levelsPath), levelsPath)) {
      levels.add(at(levelsPath, l, () -> Satisfaction.parse(l)));
    }
    return at(levelsPath, levels, () -> Guard.ratingIn(levels.toArray(Satisfaction[]::new)));
  }

  private static void triggers(WorkflowBuilder b, JsonNode node) {
    object(node, "$.triggers", null);
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String path = "$.triggers." + e.getKey();
      Trigger trigger = at(path, e.getKey(), () -> parseEnum(Trigger.class, e.getKey()));
      String transition = text(e.getValue(), path);
      at(path, transition, () -> b.trigger(trigger, transition));
    }
  }

  private static DissatisfactionPolicy dissatisfaction(JsonNode node) {
    String path = "$.dissatisfaction";
    object(node, path, Set.of("default", "reasons"));
    DissatisfactionPolicy policy = DissatisfactionPolicy.of(node.has("default")
        ? reaction(node.get("default"), path + ".default") : DissatisfactionPolicy.Reaction.NOTHING);
    if (node.has("reasons")) {
      object(node.get("reasons"), path + ".reasons", null);
      for (Map.Entry<String, JsonNode> e : node.get("reasons").properties()) {
        String where = path + ".reasons." + e.getKey();
        DissatisfactionReason reason = at(where, e.getKey(), () -> DissatisfactionReason.of(e.getKey()));
        policy = policy.with(reason, reaction(e.getValue(), where));
      }
    }
    return policy;
  }

  private static DissatisfactionPolicy.Reaction reaction(JsonNode node, String path) {
    object(node, path, Set.of("fire", "notifyTeamLead"));
    String fire = node.has("fire") ? text(node.get("fire"), path + ".fire") : null;
    JsonNode notify = node.get("notifyTeamLead");
    if (notify != null && !notify.isBoolean()) {
      throw new WorkflowFormatException(path + ".notifyTeamLead", shown(notify),
          "must be true or false", -1, -1);
    }
    boolean lead = notify != null && notify.booleanValue();
    return at(path + ".fire", fire, () -> new DissatisfactionPolicy.Reaction(fire, lead));
  }

  private static Duration duration(String text, String path) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new WorkflowFormatException(path, text, "must be an ISO-8601 duration such as P7D",
          -1, -1);
    }
  }

  private static <E extends Enum<E>> E parseEnum(Class<E> type, String text) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(text.toUpperCase(Locale.ROOT))) {
        return constant;
      }
    }
    throw new InvalidInputException(type.getSimpleName(), text,
        "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
  }

  /** Runs a step, turning its input errors into format errors at the path. */
  private static <T> T at(String path, @Nullable Object value, Supplier<T> step) {
    try {
      return step.get();
    } catch (WorkflowFormatException e) {
      throw e;
    } catch (InvalidInputException e) {
      String where = path.equals("$") ? "$." + e.field() : path;
      throw new WorkflowFormatException(where, e.value() != null ? e.value() : value,
          e.getMessage(), -1, -1);
    } catch (IllegalStateException e) {
      throw new WorkflowFormatException(path, value, e.getMessage(), -1, -1);
    }
  }

  private static void at(String path, @Nullable Object value, Runnable step) {
    at(path, value, () -> {
      step.run();
      return null;
    });
  }

  private static void object(
      @Nullable JsonNode node, String path, @Nullable Set<String> allowedKeys) {
    if (node == null || !node.isObject()) {
      throw new WorkflowFormatException(path, shown(node), "must be a JSON object", -1, -1);
    }
    if (allowedKeys != null) {
      node.fieldNames().forEachRemaining(k -> {
        if (!allowedKeys.contains(k)) {
          throw new WorkflowFormatException(path + "." + k, k,
              "is not a known key; known keys are " + allowedKeys.stream().sorted().toList(), -1, -1);
        }
      });
    }
  }

  private static JsonNode array(@Nullable JsonNode node, String path) {
    if (node == null || !node.isArray()) {
      throw new WorkflowFormatException(path, shown(node), "must be a JSON array", -1, -1);
    }
    return node;
  }

  private static String text(@Nullable JsonNode node, String path) {
    if (node == null || !node.isTextual()) {
      throw new WorkflowFormatException(path, shown(node), "must be a JSON string", -1, -1);
    }
    return node.textValue();
  }

  private static List<String> texts(JsonNode array, String path) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      values.add(text(array.get(i), path + "[" + i + "]"));
    }
    return values;
  }

  private static @Nullable Object shown(@Nullable JsonNode node) {
    return node == null ? null : node.toString();
  }
}
