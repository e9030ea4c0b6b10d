package dev.ticketkit.kb.ticket;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TextRule;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.ArticleNotFoundException;
import dev.ticketkit.kb.ArticleStatus;
import dev.ticketkit.kb.Viewer;
import dev.ticketkit.kb.internal.KbAnalyzer;
import dev.ticketkit.kb.search.ArticleSearchIndex;
import dev.ticketkit.kb.search.SearchHit;
import dev.ticketkit.kb.search.SearchRequest;
import dev.ticketkit.kb.store.ArticleStore;
import dev.ticketkit.kb.store.ArticleTicketLink;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The knowledge base seen from tickets: suggests articles for a ticket's text (deflection at
 * intake, help for the agent), links the article that solved a ticket, counts tickets solved per
 * article, and mines FAQ candidates from resolved tickets that no article answered.
 *
 * <p>Thread-safe if the store and the index are (the built-in ones are).
 */
public final class TicketSolutions {

  private final ArticleStore store;
  private final ArticleSearchIndex index;
  private final Clock clock;

  /**
   * Creates the ticket view over a store and its index.
   *
   * @param store the article store
   * @param index the search index kept in step with the store
   * @param clock the clock that stamps links
   */
  public TicketSolutions(ArticleStore store, ArticleSearchIndex index, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.index = Objects.requireNonNull(index, "index");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Suggests published articles for a ticket: its subject ranks above its description.
   *
   * @param tenant the tenant
   * @param ticket the ticket's text
   * @param viewer who will read the suggestions (a requester gets public articles only)
   * @param locale if set, only articles in this locale
   * @param limit the most suggestions, 1 to {@value SearchRequest#MAX_LIMIT}
   * @return the suggestions, best first
   * @throws InvalidInputException if the limit is out of range
   */
  public List<SearchHit> suggest(
      TenantId tenant, TicketText ticket, Viewer viewer, @Nullable Locale locale, int limit) {
    return suggest(tenant, ticket.subject(), ticket.description(), viewer, locale, limit);
  }

  /**
   * Suggests published articles for a ticket being written, before it exists (deflection at
   * intake): the subject ranks above the description. With hybrid search the meaning of the
   * text counts too.
   *
   * @param tenant the tenant
   * @param subject the subject typed so far (may be empty)
   * @param description the description typed so far (may be empty)
   * @param viewer who will read the suggestions (a requester gets public articles only)
   * @param locale if set, only articles in this locale
   * @param limit the most suggestions, 1 to {@value SearchRequest#MAX_LIMIT}
   * @return the suggestions, best first; each says whether it is a confident answer
   * @throws InvalidInputException if the limit is out of range or a text is longer than
   *     {@value TicketText#MAX_TEXT} chars
   */
  public List<SearchHit> suggest(TenantId tenant, String subject, String description,
      Viewer viewer, @Nullable Locale locale, int limit) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(description, "description");
    for (String[] text : new String[][] {{"subject", subject}, {"description", description}}) {
      if (TextRule.length(text[1]) > TicketText.MAX_TEXT) {
        throw new InvalidInputException(text[0], text[1],
            "must be at most " + TicketText.MAX_TEXT + " chars");
      }
    }
    boolean hasSubject = !subject.isBlank();
    SearchRequest request = SearchRequest.of(tenant, hasSubject ? subject : description)
        .withContext(hasSubject ? description : "")
        .withViewer(viewer)
        .withLocale(locale)
        .withStatuses(ArticleStatus.PUBLISHED)
        .withLimit(limit);
    return index.search(request).hits();
  }

  /**
   * Links a published article to a ticket as its solution.
   *
   * @param tenant the tenant
   * @param articleId the article
   * @param ticketId the ticket
   * @param linkedBy who links them
   * @return true if the link is new, false if it existed
   * @throws ArticleNotFoundException if there is no such article
   * @throws InvalidInputException if the article is not published or {@code linkedBy} is blank
   */
  public boolean linkSolution(
      TenantId tenant, ArticleId articleId, TicketId ticketId, String linkedBy) {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(linkedBy, "linkedBy");
    var article = store.find(tenant, articleId)
        .orElseThrow(() -> new ArticleNotFoundException(tenant, articleId));
    if (article.status() != ArticleStatus.PUBLISHED) {
      throw new InvalidInputException("articleId", articleId, "is not published");
    }
    return store.link(new ArticleTicketLink(tenant, articleId, ticketId, linkedBy, clock.instant(),
        false));
  }

  /**
   * Removes a solution link.
   *
   * @param tenant the tenant
   * @param articleId the article
   * @param ticketId the ticket
   * @return true if a link was removed
   */
  public boolean unlink(TenantId tenant, ArticleId articleId, TicketId ticketId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(articleId, "articleId");
    return store.unlink(tenant, articleId, ticketId);
  }

  /**
   * Returns how many tickets an article solved.
   *
   * @param tenant the tenant
   * @param articleId the article
   * @return the number of linked tickets
   */
  public long ticketsSolved(TenantId tenant, ArticleId articleId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(articleId, "articleId");
    return store.linksOfArticle(tenant, articleId).size();
  }

  /**
   * Records that a ticket was reopened, which flags the articles linked to it for review.
   *
   * @param tenant the tenant
   * @param ticketId the reopened ticket
   * @return how many links were marked
   */
  public int ticketReopened(TenantId tenant, TicketId ticketId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(ticketId, "ticketId");
    return store.markReopened(tenant, ticketId);
  }

  /**
   * Groups resolved tickets that have no linked article by text similarity, largest and most
   * recent groups first. Tickets without a resolution instant, or that were reopened, are
   * skipped.
   *
   * @param tenant the tenant the tickets belong to
   * @param tickets the tickets to mine, typically last month's resolved tickets
   * @param options the thresholds and sizes
   * @return the FAQ candidates
   */
  public List<FaqCandidate> faqCandidates(
      TenantId tenant, Collection<TicketText> tickets, FaqOptions options) {
    Set<TicketId> linked = store.linkedTickets(tenant,
        tickets.stream().map(TicketText::id).toList());
    List<TicketText> open = tickets.stream()
        .filter(t -> t.resolvedAt() != null && !t.reopened() && !linked.contains(t.id()))
        .toList();
    return new FaqClustering(KbAnalyzer.smart(), options, index.embedding().orElse(null))
        .candidates(open);
  }

  /**
   * Ranks tickets by how similar their text is to a ticket's (for "similar tickets" beside a
   * ticket, duplicates, known incidents): by the cosine of their embeddings with hybrid search,
   * else of their TF-IDF vectors over these tickets.
   *
   * @param ticket the ticket
   * @param candidates the tickets to rank (the ticket itself, if present, is skipped)
   * @param limit the most returned, positive
   * @return the most similar first, with their similarity (-1 to 1)
   * @throws InvalidInputException if the limit is not positive
   */
  public List<SimilarTicket> similarTickets(TicketText ticket, Collection<TicketText> candidates,
      int limit) {
    Objects.requireNonNull(candidates, "candidates");
    Objects.requireNonNull(ticket, "ticket");
    if (limit < 1) {
      throw new InvalidInputException("limit", limit, "must be positive");
    }
    List<TicketText> others = candidates.stream().filter(t -> !t.id().equals(ticket.id()))
        .toList();
    double[] similarity = new FaqClustering(KbAnalyzer.smart(), FaqOptions.defaults(),
        index.embedding().orElse(null)).similarities(ticket, others);
    List<SimilarTicket> ranked = new java.util.ArrayList<>();
    for (int i = 0; i < others.size(); i++) {
      ranked.add(new SimilarTicket(others.get(i).id(), similarity[i]));
    }
    ranked.sort(java.util.Comparator.comparingDouble(SimilarTicket::similarity).reversed()
        .thenComparing(SimilarTicket::ticketId));
    return List.copyOf(ranked.subList(0, Math.min(limit, ranked.size())));
  }
}
