package dev.ticketkit.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.report.Suggestion;
import dev.ticketkit.report.SuggestionRules;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Rules fire exactly when all their conditions hold, with the figures that triggered them. */
class SuggestionEvaluatorTest {

  private static final SuggestionRules RULES = SuggestionRules.fromJson("""
      { "rules": [ { "id": "faq", "action": "WRITE_FAQ", "scope": "category",
        "when": [ { "figure": "received", "atLeast": 20 },
                  { "figure": "solutionArticleShare", "below": 0.2 } ] } ] }""");

  @Test
  void aRuleFiresPerScopeValueWhoseConditionsAllHold() {
    FigureTables t = FigureTables.empty();
    put(t, "category", "payment", "received", 20.0);
    put(t, "category", "payment", "solutionArticleShare", 0.1);
    put(t, "category", "account", "received", 19.0);
    put(t, "category", "account", "solutionArticleShare", 0.0);
    put(t, "category", "shipping", "received", 50.0);
    put(t, "category", "shipping", "solutionArticleShare", 0.2);
    put(t, "category", "app", "received", 50.0);
    List<Suggestion> s = SuggestionEvaluator.evaluate(RULES, t);
    assertThat(s).extracting(Suggestion::scopeValue).containsExactly("payment");
    assertThat(s.get(0).triggers()).containsExactly(
        new Suggestion.Trigger("received", 20.0, "atLeast", 20),
        new Suggestion.Trigger("solutionArticleShare", 0.1, "below", 0.2));
    assertThat(s.get(0).figures()).containsEntry("received", 20.0);
  }

  @Test
  void theDefaultStaffingRuleNeedsConcentratedBreaches() {
    FigureTables t = FigureTables.empty();
    put(t, "hourOfWeek", "MONDAY 09", "breaches", 12.0);
    put(t, "hourOfWeek", "MONDAY 09", "breachShare", 0.12);
    put(t, "hourOfWeek", "MONDAY 10", "breaches", 7.0);
    put(t, "hourOfWeek", "MONDAY 10", "breachShare", 0.5);
    assertThat(SuggestionEvaluator.evaluate(SuggestionRules.defaults(), t))
        .extracting(Suggestion::ruleId, Suggestion::scopeValue)
        .containsExactly(Tuple.tuple("staff-breach-hours", "MONDAY 09"));
  }

  private static void put(FigureTables t, String scope, String value, String figure, Double v) {
    t.row(scope, value).put(figure, v);
  }
}
