package dev.ticketkit.kb.store;

import dev.ticketkit.core.privacy.RequesterData;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.kb.Article;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.ArticleNotFoundException;
import dev.ticketkit.kb.ArticleRevision;
import dev.ticketkit.kb.ArticleStats;
import dev.ticketkit.kb.ArticleVersionConflictException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The storage SPI of the knowledge base: articles with optimistic versions, their revisions,
 * reader votes and views, and ticket links.
 *
 * <p>Every method names the tenant, and nothing of another tenant is ever returned or changed: an
 * article of another tenant behaves as absent. Implementations must be thread-safe, and each
 * method is atomic: it either completes or leaves no trace. The contract suite
 * {@code dev.ticketkit.kb.store.ArticleStoreContract} (test-jar) pins this behaviour down; every
 * implementation runs it unchanged.
 *
 * <p>Storage failures are thrown as {@link KbStorageException}.
 */
public interface ArticleStore extends RequesterData {

  /**
   * Returns a new, empty, thread-safe store that keeps everything in memory.
   *
   * @return the store
   */
  static ArticleStore inMemory() {
    return new InMemoryArticleStore();
  }

  /**
   * Saves an article, optionally with a new revision, in one atomic step.
   *
   * <p>The article's {@link Article#version() version} must be one more than the stored version
   * (a new article has version 1 and nothing stored under its id in any tenant). The revision, if
   * given, must belong to the same tenant and article and be numbered one after the last stored
   * revision.
   *
   * @param article the article to store
   * @param revision the revision to append, or null
   * @throws ArticleVersionConflictException if the stored version is not {@code version - 1}
   * @throws InvalidInputException if the revision does not belong to the article or is not the
   *     next number
   */
  void save(Article article, @Nullable ArticleRevision revision);

  /**
   * Saves many new articles, each at version 1 and optionally with its first revision, in one
   * atomic step: all are stored or none (bulk import).
   *
   * @param articles the new articles, version 1, distinct ids none of which is stored
   * @param revisions first revisions (number 1) of some of these articles
   * @throws ArticleVersionConflictException if an article is not version 1 or its id is taken
   * @throws InvalidInputException if a revision belongs to none of the articles, is not number 1,
   *     or an id appears twice
   */
  void saveAll(List<Article> articles, List<ArticleRevision> revisions);

  /**
   * Returns the changes (saves) numbered after a sequence number, in sequence order, across all
   * tenants. Every save of {@link #save} and {@link #saveAll} adds one change per article in the
   * same atomic step.
   *
   * @param afterSequence the last sequence number already seen, 0 for all
   * @param limit the most changes returned, positive
   * @return up to {@code limit} changes
   * @throws InvalidInputException if the limit is not positive
   */
  List<ArticleChange> changesAfter(long afterSequence, int limit);

  /**
   * Returns the highest sequence number of a change committed so far, 0 if none.
   *
   * @return the sequence number
   */
  long lastChangeSequence();

  /**
   * Returns an article of a tenant.
   *
   * @param tenant the tenant
   * @param id the article id
   * @return the article, or empty if the tenant has no such article
   */
  Optional<Article> find(TenantId tenant, ArticleId id);

  /**
   * Returns a tenant's articles that match a query, in id order.
   *
   * @param tenant the tenant
   * @param query the statuses, review bound and page
   * @return the matching articles, at most {@code query.limit()}
   */
  List<Article> list(TenantId tenant, ArticleQuery query);

  /**
   * Returns articles of every tenant in {@link ArticleRef} order, for rebuilding a search index.
   *
   * @param after the key of the last article of the previous page, or null to start
   * @param limit the page size, positive
   * @return up to {@code limit} articles after {@code after}
   * @throws InvalidInputException if the limit is not positive
   */
  List<Article> scan(@Nullable ArticleRef after, int limit);

  /**
   * Returns an article's revisions, oldest first.
   *
   * @param tenant the tenant
   * @param id the article id
   * @return the revisions, empty if the article was never published or does not exist
   */
  List<ArticleRevision> revisions(TenantId tenant, ArticleId id);

  /**
   * Returns one revision of an article.
   *
   * @param tenant the tenant
   * @param id the article id
   * @param number the revision number
   * @return the revision, or empty if there is none with that number
   */
  Optional<ArticleRevision> revision(TenantId tenant, ArticleId id, int number);

  /**
   * Records a reader's vote, replacing the same voter's earlier vote on the article.
   *
   * @param tenant the tenant
   * @param id the article id
   * @param voter an opaque id of the voter, not blank
   * @param helpful true for "helpful", false for "not helpful"
   * @return the article's stats after the vote
   * @throws ArticleNotFoundException if the tenant has no such article
   * @throws InvalidInputException if the voter is blank
   */
  ArticleStats recordVote(TenantId tenant, ArticleId id, String voter, boolean helpful);

  /**
   * Counts one view of an article.
   *
   * @param tenant the tenant
   * @param id the article id
   * @return the article's stats after the view
   * @throws ArticleNotFoundException if the tenant has no such article
   */
  ArticleStats recordView(TenantId tenant, ArticleId id);

  /**
   * Returns an article's votes and views.
   *
   * @param tenant the tenant
   * @param id the article id
   * @return the stats, {@link ArticleStats#NONE} for an article without any
   * @throws ArticleNotFoundException if the tenant has no such article
   */
  ArticleStats stats(TenantId tenant, ArticleId id);

  /**
   * Links an article to a ticket it solved.
   *
   * @param link the link
   * @return true if the link was added, false if the pair was already linked (nothing changes)
   * @throws ArticleNotFoundException if the link's tenant has no such article
   */
  boolean link(ArticleTicketLink link);

  /**
   * Removes a link.
   *
   * @param tenant the tenant
   * @param articleId the article
   * @param ticketId the ticket
   * @return true if a link was removed
   */
  boolean unlink(TenantId tenant, ArticleId articleId, TicketId ticketId);

  /**
   * Returns the links of an article, oldest first.
   *
   * @param tenant the tenant
   * @param articleId the article
   * @return the links
   */
  List<ArticleTicketLink> linksOfArticle(TenantId tenant, ArticleId articleId);

  /**
   * Returns the links of a ticket, oldest first.
   *
   * @param tenant the tenant
   * @param ticketId the ticket
   * @return the links
   */
  List<ArticleTicketLink> linksOfTicket(TenantId tenant, TicketId ticketId);

  /**
   * Returns which of the given tickets have at least one link.
   *
   * @param tenant the tenant
   * @param ticketIds the tickets to check
   * @return the subset of {@code ticketIds} that are linked to an article
   */
  Set<TicketId> linkedTickets(TenantId tenant, Collection<TicketId> ticketIds);

  /**
   * Marks every link of a ticket as reopened, because the ticket was reopened.
   *
   * @param tenant the tenant
   * @param ticketId the ticket
   * @return how many links changed
   */
  int markReopened(TenantId tenant, TicketId ticketId);

  /**
   * Erases a requester from the knowledge base (see
   * {@code dev.ticketkit.core.privacy.Privacy.Builder#requesterData}): their votes become the
   * pseudonym's (an article's helpful and not-helpful counts stay the same) and the article-ticket
   * links they made name the pseudonym as who linked them.
   *
   * @param tenant the tenant
   * @param requesterId the requester's id, as the voter id and in {@code requester:id} links
   * @param pseudonym what replaces it
   * @return how many votes and links were rewritten
   */
  @Override
  int eraseRequester(TenantId tenant, String requesterId, String pseudonym);
}
