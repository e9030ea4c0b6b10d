package dev.ticketkit.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A process-improvement suggestion: a rule of {@link SuggestionRules} whose conditions held, with
 * the figures that triggered it. Instances are immutable and thread-safe.
 *
 * @param ruleId the rule's id
 * @param action what to do, the rule's action word ({@code WRITE_FAQ}, {@code STAFFING}...)
 * @param scope what the figures are of: {@code overall}, {@code category}, {@code channel},
 *     {@code agent}, {@code hourOfWeek} or {@code reason}
 * @param scopeValue the category, channel, agent, hour ({@code MONDAY 09}) or reason; null for
 *     overall
 * @param triggers the conditions that held, with the figures' values
 * @param figures every figure of the scope value (for the advice text), by name; a figure that
 *     cannot be computed is absent
 * @param advice the rule's advice text by language tag ({@code en}, {@code zh}), with
 *     {@code {scope}} and {@code {figureName}} placeholders for a renderer to fill
 */
public record Suggestion(
    String ruleId,
    String action,
    String scope,
    @Nullable String scopeValue,
    List<Trigger> triggers,
    Map<String, Double> figures,
    Map<String, String> advice) {

  /** Copies the triggers and the advice. */
  public Suggestion {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(scope, "scope");
    triggers = List.copyOf(triggers);
    figures = Map.copyOf(figures);
    advice = Map.copyOf(advice);
  }

  /**
   * A condition of a rule that held.
   *
   * @param figure the figure's name
   * @param value its value
   * @param comparison {@code atLeast} or {@code below}
   * @param threshold the rule's threshold
   */
  public record Trigger(String figure, double value, String comparison, double threshold) {

    /**
     * Validates the trigger.
     *
     * @throws NullPointerException if a part is null
     */
    public Trigger {
      Objects.requireNonNull(figure, "figure");
      Objects.requireNonNull(comparison, "comparison");
    }
  }
}
