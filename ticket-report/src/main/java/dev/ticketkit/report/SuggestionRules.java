package dev.ticketkit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticketkit.core.TicketKitException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Process-improvement rules as data: each {@link SuggestionRule} names a scope, conditions on the
 * scope's figures and an action; the report lists a {@link Suggestion} for every scope value
 * whose conditions all hold, with the figures that triggered it.
 *
 * <p>The JSON form, read by {@link #fromJson(String)} (unknown fields are rejected):
 *
 * <pre>{@code
 * { "rules": [
 *   { "id": "write-faq", "action": "WRITE_FAQ", "scope": "category",
 *     "when": [ { "figure": "received", "atLeast": 20 },
 *               { "figure": "solutionArticleShare", "below": 0.2 } ],
 *     "advice": { "en": "Write an FAQ for {scope}", "zh": "为{scope}编写常见问题" } } ] }
 * }</pre>
 *
 * <p>Figures by scope: <b>overall</b>: received, receivedChange (relative to the previous period),
 * resolved, backlog, backlogOver7Days, backlogOver7DaysShare, reopenRate,
 * firstContactResolutionRate, satisfiedShare, dissatisfiedShare, responseRate, slaCompliance,
 * breaches, and per metric {@code acceptanceCompliance}, {@code firstResponseCompliance},
 * {@code nextResponseCompliance}, {@code periodicUpdateCompliance}, {@code resolutionCompliance}
 * with the matching {@code ...Clocks} counts, and the support-process figures followUpOpenTickets,
 * followUpCompliance, followUpsMissed, handoffsStillOpen, ratingRequestsExpired,
 * ratingSettledResponseRate ({@link ProcessFigures}); <b>category</b> (top level): received,
 * receivedShare, receivedChange, ratings, dissatisfied, dissatisfiedShare, solutionArticleShare
 * (top categories, with a knowledge base only); <b>channel</b>: received, receivedShare,
 * receivedChange; <b>agent</b>: resolved, breaches, breachesPerResolved, breachesPerResolvedVsTeam (the agent's
 * breaches per resolution over the team's),
 * firstContactResolutionRate, ratings, dissatisfied, satisfiedShare; <b>hourOfWeek</b> (value
 * {@code MONDAY 09}): breaches, breachShare; <b>reason</b>: dissatisfied, dissatisfiedShare (no
 * values until dissatisfaction reasons exist). Shares and rates are fractions in [0, 1].
 *
 * <p>{@link #defaults()} holds ten rules: an FAQ for busy categories that articles rarely solve,
 * staffing for hours where breaches concentrate, training for a dissatisfaction reason and for a
 * category with many dissatisfied ratings, a quality review when many tickets reopen, staffing
 * when first responses miss their target, coaching for an agent with many breaches, staffing for
 * a channel that surges, a backlog clean-up when much of it is old, and a follow-up review when
 * fewer than 80% of at least 20 open tickets met the twice-a-week follow-up rule. Instances are immutable
 * and thread-safe.
 */
public final class SuggestionRules {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<SuggestionRule> rules;

  private SuggestionRules(List<SuggestionRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * Returns a rule set.
   *
   * @param rules the rules; ids must be distinct
   * @return the rule set
   * @throws SuggestionRulesFormatException if two rules share an id
   */
  public static SuggestionRules of(List<SuggestionRule> rules) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      if (!ids.add(rules.get(i).id())) {
        throw new SuggestionRulesFormatException("rules[" + i + "].id",
            "duplicate id " + rules.get(i).id());
      }
    }
    return new SuggestionRules(rules);
  }

  /**
   * Returns the default rules (the resource {@code default-suggestion-rules.json}).
   *
   * @return the rules
   */
  public static SuggestionRules defaults() {
    try (InputStream in = SuggestionRules.class.getResourceAsStream(
        "default-suggestion-rules.json")) {
      if (in == null) {
        throw new IllegalStateException("missing resource default-suggestion-rules.json");
      }
      return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads rules from their JSON form.
   *
   * @param json the document
   * @return the rules
   * @throws SuggestionRulesFormatException naming the JSON path if the document is malformed
   */
  public static SuggestionRules fromJson(String json) {
    Objects.requireNonNull(json, "json");
    JsonNode root;
    try {
      root = JSON.readTree(json == null ? "" : json);
    } catch (JsonProcessingException e) {
      throw new SuggestionRulesFormatException("$", "not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new SuggestionRulesFormatException("$", "must be an object, got " + root);
    }
    fields(root, "$", Set.of("rules"));
    JsonNode list = root.get("rules");
    if (list == null || !list.isArray()) {
      throw new SuggestionRulesFormatException("$.rules", "must be an array, got " + list);
    }
    List<SuggestionRule> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(rule(list.get(i), "rules[" + i + "]"));
    }
    return of(out);
  }

  private static SuggestionRule rule(JsonNode n, String path) {
    if (!n.isObject()) {
      throw new SuggestionRulesFormatException(path, "must be an object, got " + n);
    }
    fields(n, path, Set.of("id", "action", "scope", "when", "advice"));
    JsonNode when = n.get("when");
    if (when == null || !when.isArray()) {
      throw new SuggestionRulesFormatException(path + ".when", "must be an array, got " + when);
    }
    List<SuggestionRule.Condition> conditions = new ArrayList<>();
    for (int i = 0; i < when.size(); i++) {
      conditions.add(condition(when.get(i), path + ".when[" + i + "]"));
    }
    Map<String, String> advice = new LinkedHashMap<>();
    JsonNode a = n.get("advice");
    if (a != null) {
      if (!a.isObject()) {
        throw new SuggestionRulesFormatException(path + ".advice", "must be an object, got " + a);
      }
      a.properties().forEach(e -> advice.put(e.getKey(),
          text(e.getValue(), path + ".advice." + e.getKey())));
    }
    try {
      return new SuggestionRule(text(n.get("id"), path + ".id"),
          text(n.get("action"), path + ".action"), text(n.get("scope"), path + ".scope"),
          conditions, advice);
    } catch (TicketKitException e) {
      throw new SuggestionRulesFormatException(path, e.getMessage());
    }
  }

  private static SuggestionRule.Condition condition(JsonNode n, String path) {
    if (!n.isObject()) {
      throw new SuggestionRulesFormatException(path, "must be an object, got " + n);
    }
    fields(n, path, Set.of("figure", "atLeast", "below"));
    boolean atLeast = n.has("atLeast");
    if (atLeast == n.has("below")) {
      throw new SuggestionRulesFormatException(path, "needs exactly one of atLeast and below");
    }
    String key = atLeast ? "atLeast" : "below";
    JsonNode t = n.get(key);
    if (!t.isNumber() || !Double.isFinite(t.asDouble())) {
      throw new SuggestionRulesFormatException(path + "." + key, "must be a number, got " + t);
    }
    return new SuggestionRule.Condition(text(n.get("figure"), path + ".figure"), atLeast,
        t.asDouble());
  }

  private static String text(JsonNode n, String path) {
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      throw new SuggestionRulesFormatException(path, "must be a non-blank string, got " + n);
    }
    return n.asText();
  }

  private static void fields(JsonNode n, String path, Set<String> allowed) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        throw new SuggestionRulesFormatException(path + "." + name, "unknown field");
      }
    }
  }

  /**
   * Returns the rules.
   *
   * @return the rules in order
   */
  public List<SuggestionRule> rules() {
    return rules;
  }
}
