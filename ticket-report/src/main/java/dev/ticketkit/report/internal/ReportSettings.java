package dev.ticketkit.report.internal;

import dev.ticketkit.report.KnowledgeSource;
import dev.ticketkit.report.SuggestionRules;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The report engine's settings. Immutable and thread-safe.
 *
 * @param agingBounds the backlog age bucket bounds, ascending whole days
 * @param topIssues how many frequent categories, tags, FAQ candidates and articles to show
 * @param examples how many example tickets per frequent issue
 * @param comments how many rating comments to show
 * @param knowledge the knowledge-base figures, or null
 * @param rules the suggestion rules
 * @param ignoredTags tags left out of the frequent tags (markers set by SLA actions)
 * @param followUpCadence the follow-up rule's interval (84 hours: twice a week)
 */
public record ReportSettings(
    List<Duration> agingBounds, int topIssues, int examples, int comments,
    @Nullable KnowledgeSource knowledge, SuggestionRules rules,
    java.util.Set<String> ignoredTags, Duration followUpCadence) {

  /** Copies the bounds. */
  public ReportSettings {
    agingBounds = List.copyOf(agingBounds);
    ignoredTags = java.util.Set.copyOf(ignoredTags);
  }
}
