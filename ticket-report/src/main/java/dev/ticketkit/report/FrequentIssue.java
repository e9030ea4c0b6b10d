package dev.ticketkit.report;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A category or tag many received tickets had, with recent examples. Instances are immutable and
 * thread-safe.
 *
 * @param key the top-level category or the tag
 * @param count tickets received in the period with it
 * @param share count over all tickets received
 * @param examples the latest few of them
 * @param solutionArticleShare of its tickets resolved in the period, the share solved with a
 *     knowledge-base article; null without a knowledge base or without resolved tickets
 */
public record FrequentIssue(
    String key, long count, double share, List<ExampleTicket> examples,
    @Nullable Double solutionArticleShare) {

  /** Copies the examples. */
  public FrequentIssue {
    Objects.requireNonNull(key, "key");
    examples = List.copyOf(examples);
  }
}
