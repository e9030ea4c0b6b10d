package dev.ticketkit.core.workflow;

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
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes a workflow's JSON form, so hosts can keep their own workflow as data.
 *
 * <p>The form, with every key shown ({@code autoCloseAfter} is an ISO-8601 duration and optional,
 * as are {@code guards}, {@code effects}, {@code triggers} and {@code dissatisfaction}, whose form
 * {@link DissatisfactionPolicy} describes):
 *
 * <pre>{@code
 * {
 *   "name": "standard",
 *   "initial": "NEW",
 *   "autoCloseAfter": "P7D",
 *   "states": [ { "name": "NEW", "category": "NEW" }, ... ],
 *   "transitions": [
 *     { "name": "propose_resolution", "from": ["RESOLVING"], "to": "AWAITING_CONFIRMATION",
 *       "actors": ["AGENT"], "guards": [ { "requiredField": "resolutionSummary" } ],
 *       "effects": [] },
 *     { "name": "confirm", ..., "guards": [ { "ratingIn": ["SATISFIED", "NEUTRAL"] } ] },
 *     ...
 *   ],
 *   "triggers": { "REQUESTER_REPLIED": "requester_answered", ... },
 *   "dissatisfaction": {
 *     "default": { "fire": "not_fixed" },
 *     "reasons": { "POOR_COMMUNICATION": { "notifyTeamLead": true, "fire": "confirm_with_complaint" } }
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #read(String)} rejects unknown keys, duplicate keys, wrong types and trailing
 * content, and validates the workflow as {@link WorkflowBuilder#build()} does; every failure is a
 * {@link WorkflowFormatException} naming the JSON path and value. {@link #write(Workflow)} writes
 * the same form, which reads back equal. Stateless and thread-safe.
 */
public final class WorkflowJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private WorkflowJson() {}

  /**
   * Reads a workflow from its JSON form.
   *
   * @param json the JSON text
   * @return the validated workflow
   * @throws WorkflowFormatException if the text is null, not JSON, not of the documented form,
   *     or describes a workflow that does not validate
   */
  public static Workflow read(@Nullable String json) {
    if (json == null) {
      throw new WorkflowFormatException("$", null, "must not be null", -1, -1);
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new WorkflowFormatException("$", excerpt(json), "is not valid JSON: "
          + e.getOriginalMessage(), at == null ? -1 : at.getLineNr(),
          at == null ? -1 : at.getColumnNr());
    }
    if (root == null || root.isMissingNode()) {
      throw new WorkflowFormatException("$", json, "must be a JSON object", -1, -1);
    }
    return WorkflowJsonReader.workflow(root);
  }

  /**
   * Writes a workflow's JSON form.
   *
   * @param workflow the workflow
   * @return the JSON text, indented
   */
  public static String write(Workflow workflow) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("name", workflow.name());
    root.put("initial", workflow.initialStatus().name());
    root.put("autoCloseAfter", workflow.autoCloseAfter().toString());
    ArrayNode states = root.putArray("states");
    workflow.states().forEach(s ->
        states.addObject().put("name", s.name()).put("category", s.category().name()));
    ArrayNode transitions = root.putArray("transitions");
    workflow.transitions().forEach(t -> writeTransition(transitions.addObject(), t));
    ObjectNode triggers = root.putObject("triggers");
    workflow.triggers().forEach((trigger, name) -> triggers.put(trigger.name(), name));
    workflow.explicitDissatisfaction().ifPresent(p -> writePolicy(root.putObject("dissatisfaction"), p));
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  private static void writeTransition(ObjectNode node, Transition t) {
    node.put("name", t.name());
    ArrayNode from = node.putArray("from");
    t.from().forEach(from::add);
    node.put("to", t.to());
    ArrayNode actors = node.putArray("actors");
    t.actors().forEach(a -> actors.add(a.name()));
    ArrayNode guards = node.putArray("guards");
    for (Guard g : t.guards()) {
      if (g instanceof Guard.RequiredField) {
        guards.addObject().put("requiredField", ((Guard.RequiredField) g).field());
      } else {
        ArrayNode levels = guards.addObject().putArray("ratingIn");
        ((Guard.RatingIn) g).levels().stream().sorted().forEach(l -> levels.add(l.name()));
      }
    }
    ArrayNode effects = node.putArray("effects");
    t.effects().forEach(e -> effects.add(e.name()));
  }

  private static void writePolicy(ObjectNode node, DissatisfactionPolicy policy) {
    writeReaction(node.putObject("default"), policy.otherwise());
    ObjectNode reasons = node.putObject("reasons");
    policy.reactions().forEach((reason, r) -> writeReaction(reasons.putObject(reason.code()), r));
  }

  private static void writeReaction(ObjectNode node, DissatisfactionPolicy.Reaction r) {
    if (r.notifyTeamLead()) {
      node.put("notifyTeamLead", true);
    }
    if (r.transition() != null) {
      node.put("fire", r.transition());
    }
  }

  private static String excerpt(String json) {
    return json.length() <= 60 ? json : json.substring(0, 60);
  }
}
