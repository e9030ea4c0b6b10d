package dev.ticketkit.report;

import java.util.List;

/**
 * What the period's tickets were mostly about. Instances are immutable and thread-safe.
 *
 * @param categories the top-level categories with the most received tickets
 * @param tags the tags with the most received tickets
 * @param knowledgeBase whether a knowledge base was available to the report
 * @param faqCandidates FAQ candidates among the resolved tickets (empty without a knowledge base)
 * @param solvingArticles the articles that solved the most tickets in the period (empty without)
 */
public record FrequentIssues(
    List<FrequentIssue> categories,
    List<FrequentIssue> tags,
    boolean knowledgeBase,
    List<FaqSuggestion> faqCandidates,
    List<SolvingArticle> solvingArticles) {

  /** Copies the lists. */
  public FrequentIssues {
    categories = List.copyOf(categories);
    tags = List.copyOf(tags);
    faqCandidates = List.copyOf(faqCandidates);
    solvingArticles = List.copyOf(solvingArticles);
  }
}
