package dev.ticketkit.report;

import dev.ticketkit.core.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One process-improvement rule: for every value of a scope (each category, each agent...), if all
 * its conditions hold, suggest the action. Instances are immutable and thread-safe.
 *
 * @param id the rule's id, unique within its rule set
 * @param action the action word, such as {@code WRITE_FAQ}
 * @param scope {@code overall}, {@code category}, {@code channel}, {@code agent},
 *     {@code hourOfWeek} or {@code reason}
 * @param when the conditions, all of which must hold, at least one
 * @param advice the advice text by language tag, with {@code {scope}} and {@code {figure}}
 *     placeholders
 */
public record SuggestionRule(
    String id, String action, String scope, List<Condition> when, Map<String, String> advice) {

  /** The scopes a rule may range over. */
  public static final Set<String> SCOPES =
      Set.of("overall", "category", "channel", "agent", "hourOfWeek", "reason");

  /**
   * Validates the rule and copies its parts.
   *
   * @throws InvalidInputException if a part is blank, the scope unknown or there is no condition
   */
  public SuggestionRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(advice, "advice");
    for (var part : Map.of("id", String.valueOf(id), "action", String.valueOf(action))
        .entrySet()) {
      if (part.getValue().isBlank() || part.getValue().equals("null")) {
        throw new InvalidInputException(part.getKey(), part.getValue(), "must not be blank");
      }
    }
    if (!SCOPES.contains(scope)) {
      throw new InvalidInputException("scope", scope, "must be one of " + SCOPES);
    }
    when = List.copyOf(when);
    if (when.isEmpty()) {
      throw new InvalidInputException("when", when, "must hold at least one condition");
    }
    advice = Map.copyOf(advice);
  }

  /**
   * A condition on one figure: at least, or below, a threshold. A figure that cannot be computed
   * (no data, no knowledge base) fails every condition.
   *
   * @param figure the figure's name
   * @param atLeast true for {@code value >= threshold}, false for {@code value < threshold}
   * @param threshold the threshold
   */
  public record Condition(String figure, boolean atLeast, double threshold) {

    /**
     * Validates the condition.
     *
     * @throws InvalidInputException if the figure is blank or the threshold not finite
     */
    public Condition {
      Objects.requireNonNull(figure, "figure");
      if (figure == null || figure.isBlank()) {
        throw new InvalidInputException("figure", figure, "must not be blank");
      }
      if (!Double.isFinite(threshold)) {
        throw new InvalidInputException("threshold", threshold, "must be finite");
      }
    }

    /**
     * Returns the comparison's name as the JSON form writes it.
     *
     * @return {@code atLeast} or {@code below}
     */
    public String comparison() {
      return atLeast ? "atLeast" : "below";
    }
  }

  /**
   * Returns the advice for a language tag, falling back to English.
   *
   * @param language the tag, such as {@code zh}
   * @return the text, or the action word if the rule has none
   */
  public String adviceFor(String language) {
    return Objects.requireNonNullElse(advice.get(language),
        advice.getOrDefault("en", action));
  }
}
