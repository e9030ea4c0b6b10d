package dev.ticketkit.report.kb;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.kb.Article;
import dev.ticketkit.kb.KnowledgeBase;
import dev.ticketkit.kb.store.ArticleQuery;
import dev.ticketkit.kb.store.ArticleTicketLink;
import dev.ticketkit.kb.ticket.FaqCandidate;
import dev.ticketkit.kb.ticket.FaqOptions;
import dev.ticketkit.kb.ticket.TicketText;
import dev.ticketkit.report.ExampleTicket;
import dev.ticketkit.report.FaqSuggestion;
import dev.ticketkit.report.KnowledgeSource;
import dev.ticketkit.report.SolvingArticle;
import dev.ticketkit.report.source.CycleFact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The report's {@link KnowledgeSource} over a ticket-kb {@link KnowledgeBase}: solution links
 * from its article store, solving articles by the links made in the period, and FAQ candidates
 * mined by {@link dev.ticketkit.kb.ticket.TicketSolutions#faqCandidates} from the period's resolved
 * tickets (their descriptions read from the ticket store). Cost of {@link #solvingArticles}:
 * one pass over the tenant's articles and their links. Thread-safe if the knowledge base and the
 * ticket store are (the built-in ones are).
 */
public final class KbKnowledge implements KnowledgeSource {

  private final KnowledgeBase kb;
  private final TicketStore tickets;
  private final FaqOptions options;

  private KbKnowledge(KnowledgeBase kb, TicketStore tickets, FaqOptions options) {
    this.kb = Objects.requireNonNull(kb, "kb");
    this.tickets = Objects.requireNonNull(tickets, "tickets");
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Returns the knowledge figures of a knowledge base, with the default FAQ mining options.
   *
   * @param kb the knowledge base
   * @param tickets the ticket store, for the resolved tickets' descriptions
   * @return the knowledge source
   */
  public static KbKnowledge of(KnowledgeBase kb, TicketStore tickets) {
    return new KbKnowledge(kb, tickets, FaqOptions.defaults());
  }

  /**
   * Returns a copy that mines FAQ candidates with other options.
   *
   * @param value the options
   * @return the copy
   */
  public KbKnowledge withFaqOptions(FaqOptions value) {
    return new KbKnowledge(kb, tickets, value);
  }

  @Override
  public Set<TicketId> solvedWithArticle(TenantId tenant, Collection<TicketId> ids) {
    return kb.store().linkedTickets(tenant, ids);
  }

  @Override
  public List<SolvingArticle> solvingArticles(
      TenantId tenant, Instant fromInclusive, Instant toExclusive, int limit) {
    List<SolvingArticle> out = new ArrayList<>();
    for (Article a : kb.store().list(tenant, ArticleQuery.all())) {
      long n = 0;
      for (ArticleTicketLink link : kb.store().linksOfArticle(tenant, a.id())) {
        if (!link.linkedAt().isBefore(fromInclusive) && link.linkedAt().isBefore(toExclusive)) {
          n++;
        }
      }
      if (n > 0) {
        out.add(new SolvingArticle(a.id().toString(), a.title(), n));
      }
    }
    out.sort(Comparator.comparingLong(SolvingArticle::ticketsSolved).reversed()
        .thenComparing(SolvingArticle::title));
    return List.copyOf(out.subList(0, Math.min(limit, out.size())));
  }

  @Override
  public List<FaqSuggestion> faqCandidates(TenantId tenant, List<CycleFact> resolved,
      int limit) {
    Map<TicketId, CycleFact> byId = new LinkedHashMap<>();
    resolved.forEach(c -> byId.putIfAbsent(c.ticketId(), c));
    List<TicketText> texts = new ArrayList<>();
    for (CycleFact c : byId.values()) {
      String description = tickets.get(tenant, c.ticketId()).map(t -> t.description()).orElse("");
      texts.add(new TicketText(c.ticketId(), c.subject(), description, c.resolvedAt(),
          c.reopenedAt() != null));
    }
    List<FaqSuggestion> out = new ArrayList<>();
    for (FaqCandidate f : kb.tickets().faqCandidates(tenant, texts, options)) {
      List<ExampleTicket> examples = new ArrayList<>();
      for (TicketId id : f.exampleTicketIds()) {
        CycleFact c = byId.get(id);
        if (c != null) {
          examples.add(new ExampleTicket(id, c.ticketNumber(), c.subject()));
        }
      }
      out.add(new FaqSuggestion(f.size(), f.commonTerms(), examples));
      if (out.size() == limit) {
        break;
      }
    }
    return out;
  }
}
