package dev.ticketkit.report.internal;

import dev.ticketkit.report.Suggestion;
import dev.ticketkit.report.SuggestionRule;
import dev.ticketkit.report.SuggestionRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Evaluates suggestion rules over a report's figure tables. Stateless and thread-safe. */
final class SuggestionEvaluator {

  private SuggestionEvaluator() {}

  static List<Suggestion> evaluate(SuggestionRules rules, FigureTables tables) {
    List<Suggestion> out = new ArrayList<>();
    for (SuggestionRule rule : rules.rules()) {
      Map<String, Map<String, Double>> scope = tables.tables.getOrDefault(rule.scope(), Map.of());
      scope.forEach((value, figures) -> {
        List<Suggestion.Trigger> triggers = triggers(rule, figures);
        if (triggers != null) {
          out.add(new Suggestion(rule.id(), rule.action(), rule.scope(),
              rule.scope().equals("overall") ? null : value, triggers, known(figures),
              rule.advice()));
        }
      });
    }
    return out;
  }

  private static Map<String, Double> known(Map<String, Double> figures) {
    Map<String, Double> out = new java.util.TreeMap<>();
    figures.forEach((k, v) -> {
      if (v != null) {
        out.put(k, v);
      }
    });
    return out;
  }

  /** The triggers if every condition holds, else null. */
  private static List<Suggestion.Trigger> triggers(SuggestionRule rule,
      Map<String, Double> figures) {
    List<Suggestion.Trigger> out = new ArrayList<>();
    for (SuggestionRule.Condition c : rule.when()) {
      Double v = figures.get(c.figure());
      if (v == null || (c.atLeast() ? v < c.threshold() : v >= c.threshold())) {
        return null;
      }
      out.add(new Suggestion.Trigger(c.figure(), v, c.comparison(), c.threshold()));
    }
    return out;
  }
}
