package dev.ticketkit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The rules' JSON form: defaults load, bad documents name the path, nothing else escapes. */
class SuggestionRulesTest {

  private static final String ONE = """
      { "rules": [ { "id": "r", "action": "A", "scope": "category",
        "when": [ { "figure": "received", "atLeast": 3 } ], "advice": { "en": "x" } } ] }""";

  @Test
  void theDefaultsLoad() {
    SuggestionRules d = SuggestionRules.defaults();
    assertThat(d.rules()).hasSize(10).extracting(SuggestionRule::id).doesNotHaveDuplicates();
    assertThat(d.rules()).allMatch(r -> r.advice().containsKey("en")
        && r.advice().containsKey("zh"));
  }

  @Test
  void aRuleReadsBack() {
    SuggestionRule r = SuggestionRules.fromJson(ONE).rules().get(0);
    assertThat(r.when()).containsExactly(new SuggestionRule.Condition("received", true, 3));
    assertThat(r.adviceFor("zh")).isEqualTo("x");
  }

  @Test
  void badDocumentsNameThePath() {
    assertThatThrownBy(() -> SuggestionRules.fromJson(ONE.replace("\"atLeast\"", "\"above\"")))
        .isInstanceOf(SuggestionRulesFormatException.class)
        .hasMessageContaining("rules[0].when[0].above");
    assertThatThrownBy(() -> SuggestionRules.fromJson(ONE.replace("category", "planet")))
        .isInstanceOf(SuggestionRulesFormatException.class)
        .hasMessageContaining("rules[0]").hasMessageContaining("planet");
    assertThatThrownBy(() -> SuggestionRules.fromJson(ONE.replace("3 }", "\"3\" }")))
        .isInstanceOf(SuggestionRulesFormatException.class)
        .hasMessageContaining("rules[0].when[0].atLeast");
    assertThatThrownBy(() -> SuggestionRules.fromJson("{\"rules\": [" + ONE.substring(12,
        ONE.length() - 3) + ", " + ONE.substring(12, ONE.length() - 3) + "]}"))
        .isInstanceOf(SuggestionRulesFormatException.class).hasMessageContaining("duplicate");
    assertThatThrownBy(() -> SuggestionRules.fromJson("[1"))
        .isInstanceOf(SuggestionRulesFormatException.class).hasMessageContaining("$");
  }

  @Property(tries = 400)
  void onlyTheFormatExceptionEscapes(@ForAll("mutations") String json) {
    try {
      SuggestionRules.fromJson(json);
    } catch (SuggestionRulesFormatException expected) {
      assertThat(expected.path()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<String> mutations() {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, ONE.length() - 1);
    Arbitrary<String> junk = Arbitraries.of("", "{", "}", "[", "]", ",", "\"", ":", "null",
        "-1e999", "1e999", "true", "\"\"", "{}", "[]", "NaN", "\u0000");
    return Arbitraries.oneOf(
        at.flatMap(i -> junk.map(j -> ONE.substring(0, i) + j + ONE.substring(i))),
        at.flatMap(i -> at.map(k -> ONE.substring(0, Math.min(i, k))
            + ONE.substring(Math.max(i, k)))),
        Arbitraries.strings().ofMaxLength(40));
  }
}
