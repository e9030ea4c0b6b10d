package dev.ticketkit.report;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.report.source.CycleFact;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The knowledge-base figures a report can show: which tickets an article solved, the articles
 * that solved most, and FAQ candidates. {@code dev.ticketkit.report.kb.KbKnowledge} implements it
 * over ticket-kb; the report engine works without one. Implementations must be thread-safe.
 */
public interface KnowledgeSource {

  /**
   * Returns which of some tickets have an article linked as their solution.
   *
   * @param tenant the tenant
   * @param tickets the tickets
   * @return those with a solution link
   */
  Set<TicketId> solvedWithArticle(TenantId tenant, Collection<TicketId> tickets);

  /**
   * Returns the articles linked as solutions in a period, most tickets first.
   *
   * @param tenant the tenant
   * @param fromInclusive the period's start
   * @param toExclusive the period's end
   * @param limit the most articles
   * @return the articles
   */
  List<SolvingArticle> solvingArticles(
      TenantId tenant, Instant fromInclusive, Instant toExclusive, int limit);

  /**
   * Mines FAQ candidates from resolved cycles of the period that no article solved.
   *
   * @param tenant the tenant
   * @param resolved the resolved cycles (a bounded sample, latest first)
   * @param limit the most candidates
   * @return the candidates, largest first
   */
  List<FaqSuggestion> faqCandidates(TenantId tenant, List<CycleFact> resolved, int limit);
}
