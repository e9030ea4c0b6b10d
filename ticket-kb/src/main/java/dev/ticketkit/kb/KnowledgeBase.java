package dev.ticketkit.kb;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.search.ArticleSearchIndex;
import dev.ticketkit.kb.search.SearchRequest;
import dev.ticketkit.kb.search.SearchResults;
import dev.ticketkit.kb.store.ArticleQuery;
import dev.ticketkit.kb.store.ArticleStore;
import dev.ticketkit.kb.store.KbStorageException;
import dev.ticketkit.kb.ticket.TicketSolutions;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The knowledge base of a host application: writes articles through their lifecycle, keeps the
 * search index in step with the store, and answers reads, searches, votes and diffs.
 *
 * <p>Every call names the tenant; nothing of another tenant is ever returned. Every write names
 * the version it was based on and fails with {@link ArticleVersionConflictException} if someone
 * else saved first. A failed write leaves no trace in the store. The index is updated after the
 * store; if that update fails the store keeps the change and {@link #rebuildIndex()} brings the
 * index back in step. Time comes from the injected {@link Clock} only.
 *
 * <p>Thread-safe, provided the store and the index are (the built-in ones are).
 */
public final class KnowledgeBase {

  private final ArticleStore store;
  private final ArticleSearchIndex index;
  private final Clock clock;
  private final ReviewPolicy policy;
  private final boolean fourEyes;
  private final ArticleIdSource ids;
  private final ArticleWrites writes;

  KnowledgeBase(KnowledgeBaseBuilder builder) {
    this.store = builder.store();
    this.index = builder.index();
    this.clock = builder.clock();
    this.policy = builder.policy();
    this.fourEyes = builder.fourEyes();
    this.ids = builder.ids();
    this.writes = new ArticleWrites(store, index, clock, policy);
  }

  /**
   * Returns a builder; only the clock is required.
   *
   * @param clock the clock every instant is read from
   * @return a builder with an in-memory store and index, the monthly review policy, random ids
   *     and no four-eyes rule
   */
  public static KnowledgeBaseBuilder builder(Clock clock) {
    return new KnowledgeBaseBuilder(clock);
  }

  /**
   * Creates a draft article.
   *
   * @param tenant the tenant
   * @param content the content
   * @param locale the language it is written in
   * @param audience who may read it once published
   * @param owner who is responsible for it
   * @return the stored draft, version 1
   * @throws InvalidInputException if the owner is blank or the locale is not a well-formed BCP 47
   *     tag of at most 35 chars (nothing is stored)
   */
  public Article createDraft(
      TenantId tenant, ArticleContent content, Locale locale, Audience audience, String owner) {
    Objects.requireNonNull(owner, "owner");
    var now = clock.instant();
    Article draft = new Article(ids.next(), tenant, content, locale, audience, owner,
        ArticleStatus.DRAFT, null, 0, 1, now, now);
    return writes.commit(draft, null);
  }

  /**
   * Imports many articles as published in one call: each becomes a public or internal article
   * at its first revision, all stored in one atomic step (all or none) and indexed together.
   *
   * @param tenant the tenant
   * @param articles the articles to import
   * @param reviewer who publishes them
   * @param changeNote the note of their first revision
   * @return the stored articles, in the given order
   * @throws InvalidInputException if an article, the reviewer or the note is not acceptable
   *     (nothing is stored)
   */
  public List<Article> importPublished(TenantId tenant, List<ArticleImport> articles,
      String reviewer, String changeNote) {
    Objects.requireNonNull(reviewer, "reviewer");
    Objects.requireNonNull(changeNote, "changeNote");
    return writes.importPublished(tenant, articles, ids, reviewer, changeNote);
  }

  /**
   * Returns a follower that keeps this node's index in step with changes saved through other
   * nodes sharing the store: schedule its {@link IndexFollower#catchUp()}. It starts at the
   * store's current change sequence, so call {@link #rebuildIndex()} first on a fresh index
   * (changes during the rebuild are applied again, which is harmless).
   *
   * @return the follower
   */
  public IndexFollower followChanges() {
    return new IndexFollower(store, index, clock,
        Math.max(0, store.lastChangeSequence() - IndexFollower.START_MARGIN));
  }

  /**
   * Replaces a draft's content.
   *
   * @param tenant the tenant
   * @param id the article
   * @param expectedVersion the version the edit is based on
   * @param content the new content
   * @return the stored article
   * @throws ArticleNotFoundException if there is no such article
   * @throws ArticleVersionConflictException if the version is not the stored one
   * @throws IllegalArticleTransitionException if the article is not a draft
   */
  public Article edit(TenantId tenant, ArticleId id, long expectedVersion, ArticleContent content) {
    Objects.requireNonNull(content, "content");
    Article current = writes.load(tenant, id, expectedVersion, ArticleAction.EDIT);
    return writes.commit(current.next(content, ArticleStatus.DRAFT, current.reviewBy(),
        current.revision(), clock.instant()), null);
  }

  /**
   * Submits a draft for review.
   *
   * @param tenant the tenant
   * @param id the article
   * @param expectedVersion the version the action is based on
   * @return the stored article, {@link ArticleStatus#IN_REVIEW}
   * @throws ArticleNotFoundException if there is no such article
   * @throws ArticleVersionConflictException if the version is not the stored one
   * @throws IllegalArticleTransitionException if the article is not a draft, or a FAQ, guide or
   *     troubleshooting manual has an empty body
   */
  public Article submit(TenantId tenant, ArticleId id, long expectedVersion) {
    Article current = writes.load(tenant, id, expectedVersion, ArticleAction.SUBMIT);
    ArticleType type = current.type();
    boolean needsBody = type != ArticleType.GLOSSARY && type != ArticleType.VIDEO;
    if (needsBody && current.content().body().isBlank()) {
      throw new IllegalArticleTransitionException(
          id, current.status(), ArticleAction.SUBMIT, "a " + type + " needs a body");
    }
    return writes.move(current, ArticleStatus.IN_REVIEW);
  }

  /**
   * Sends an article under review back to its author as a draft.
   *
   * @param tenant the tenant
   * @param id the article
   * @param expectedVersion the version the action is based on
   * @return the stored article, {@link ArticleStatus#DRAFT}
   * @throws ArticleNotFoundException if there is no such article
   * @throws ArticleVersionConflictException if the version is not the stored one
   * @throws IllegalArticleTransitionException if the article is not in review
   */
  public Article sendBack(TenantId tenant, ArticleId id, long expectedVersion) {
    Article current = writes.load(tenant, id, expectedVersion, ArticleAction.SEND_BACK);
    return writes.move(current, ArticleStatus.DRAFT);
  }

  /**
   * Publishes an article under review: adds a revision and sets the review date.
   *
   * @param tenant the tenant
   * @param id the article
   * @param expectedVersion the version the action is based on
   * @param reviewer who publishes it
   * @param changeNote what this publication is (for the revision history)
   * @return the stored article, {@link ArticleStatus#PUBLISHED}
   * @throws ArticleNotFoundException if there is no such article
   * @throws ArticleVersionConflictException if the version is not the stored one
   * @throws IllegalArticleTransitionException if the article is not in review, or the four-eyes
   *     rule is on and the reviewer owns the article
   * @throws InvalidInputException if the reviewer or the note is blank
   */
  public Article publish(
      TenantId tenant, ArticleId id, long expectedVersion, String reviewer, String changeNote) {
    Objects.requireNonNull(reviewer, "reviewer");
    Objects.requireNonNull(changeNote, "changeNote");
    Article current = writes.load(tenant, id, expectedVersion, ArticleAction.PUBLISH);
    if (fourEyes && current.owner().equals(reviewer)) {
      throw new IllegalArticleTransitionException(id, current.status(), ArticleAction.PUBLISH,
          "the owner " + reviewer + " may not publish their own article");
    }
    return writes.withRevision(current, current.content(), reviewer, changeNote);
  }

  /**
   * Changes a published article's content: adds a revision and moves the review date on.
   *
   * @param tenant the tenant
   * @param id the article
   * @param expectedVersion the version the change is based on
   * @param content the new content
   * @param author who makes the change
   * @param changeNote what changed and why
   * @return the stored article, still {@link ArticleStatus#PUBLISHED}
   * @throws ArticleNotFoundException if there is no such article
   * @throws ArticleVersionConflictException if the version is not the stored one
   * @throws IllegalArticleTransitionException if the article is not published or the content is
   *     unchanged
   * @throws InvalidInputException if the author or the note is blank
   */
  public Article revise(TenantId tenant, ArticleId id, long expectedVersion,
      ArticleContent content, String author, String changeNote) {
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(changeNote, "changeNote");
    Objects.requireNonNull(content, "content");
    Article current = writes.load(tenant, id, expectedVersion, ArticleAction.REVISE);
    if (current.content().equals(content)) {
      throw new IllegalArticleTransitionException(
          id, current.status(), ArticleAction.REVISE, "the content is unchanged");
    }
    return writes.withRevision(current, content, author, changeNote);
  }

  /**
   * Confirms that a published article is still correct and moves its review date on.
   *
   * @param tenant the tenant
   * @param id the article
   * @param expectedVersion the version the action is based on
   * @return the stored article
   * @throws ArticleNotFoundException if there is no such article
   * @throws ArticleVersionConflictException if the version is not the stored one
   * @throws IllegalArticleTransitionException if the article is not published
   */
  public Article confirmReviewed(TenantId tenant, ArticleId id, long expectedVersion) {
    Article current = writes.load(tenant, id, expectedVersion, ArticleAction.CONFIRM_REVIEW);
    var now = clock.instant();
    return writes.commit(current.next(current.content(), ArticleStatus.PUBLISHED,
        policy.nextReview(now), current.revision(), now), null);
  }

  /**
   * Archives an article: nobody but agents sees it any more.
   *
   * @param tenant the tenant
   * @param id the article
   * @param expectedVersion the version the action is based on
   * @return the stored article, {@link ArticleStatus#ARCHIVED}
   * @throws ArticleNotFoundException if there is no such article
   * @throws ArticleVersionConflictException if the version is not the stored one
   * @throws IllegalArticleTransitionException if the article is already archived
   */
  public Article archive(TenantId tenant, ArticleId id, long expectedVersion) {
    Article current = writes.load(tenant, id, expectedVersion, ArticleAction.ARCHIVE);
    return writes.move(current, ArticleStatus.ARCHIVED);
  }

  /**
   * Brings an archived article back as a draft (its revisions stay).
   *
   * @param tenant the tenant
   * @param id the article
   * @param expectedVersion the version the action is based on
   * @return the stored article, {@link ArticleStatus#DRAFT}
   * @throws ArticleNotFoundException if there is no such article
   * @throws ArticleVersionConflictException if the version is not the stored one
   * @throws IllegalArticleTransitionException if the article is not archived
   */
  public Article restore(TenantId tenant, ArticleId id, long expectedVersion) {
    Article current = writes.load(tenant, id, expectedVersion, ArticleAction.RESTORE);
    return writes.move(current, ArticleStatus.DRAFT);
  }

  /**
   * Returns an article if the viewer may see it.
   *
   * @param tenant the tenant
   * @param id the article
   * @param viewer who is reading
   * @return the article, or empty if there is none or the viewer may not see it
   */
  public Optional<Article> find(TenantId tenant, ArticleId id, Viewer viewer) {
    return store.find(tenant, id).filter(viewer::maySee);
  }

  /**
   * Returns an article for a viewer and counts the view.
   *
   * @param tenant the tenant
   * @param id the article
   * @param viewer who is reading
   * @return the article, or empty (and no view counted) if the viewer may not see it
   */
  public Optional<Article> view(TenantId tenant, ArticleId id, Viewer viewer) {
    Optional<Article> article = find(tenant, id, viewer);
    article.ifPresent(a -> store.recordView(tenant, id));
    return article;
  }

  /**
   * Records a reader's vote on a published article; a voter's new vote replaces the old one.
   *
   * @param tenant the tenant
   * @param id the article
   * @param voter an opaque id of the voter
   * @param helpful whether the article helped
   * @return the stats after the vote
   * @throws ArticleNotFoundException if there is no such article
   * @throws InvalidInputException if the article is not published or the voter is blank
   */
  public ArticleStats vote(TenantId tenant, ArticleId id, String voter, boolean helpful) {
    Objects.requireNonNull(voter, "voter");
    Article article = store.find(tenant, id)
        .orElseThrow(() -> new ArticleNotFoundException(tenant, id));
    if (article.status() != ArticleStatus.PUBLISHED) {
      throw new InvalidInputException("articleId", id, "is not published");
    }
    return store.recordVote(tenant, id, voter, helpful);
  }

  /**
   * Returns an article's votes and views.
   *
   * @param tenant the tenant
   * @param id the article
   * @return the stats
   * @throws ArticleNotFoundException if there is no such article
   */
  public ArticleStats stats(TenantId tenant, ArticleId id) {
    return store.stats(tenant, id);
  }

  /**
   * Returns a tenant's articles matching a query (agents' view).
   *
   * @param tenant the tenant
   * @param query the statuses, review bound and page
   * @return the articles in id order
   */
  public List<Article> list(TenantId tenant, ArticleQuery query) {
    return store.list(tenant, query);
  }

  /**
   * Returns an article's revisions, oldest first.
   *
   * @param tenant the tenant
   * @param id the article
   * @return the revisions, empty if it was never published
   */
  public List<ArticleRevision> revisions(TenantId tenant, ArticleId id) {
    return store.revisions(tenant, id);
  }

  /**
   * Returns the difference between two revisions of an article.
   *
   * @param tenant the tenant
   * @param id the article
   * @param fromRevision the older revision's number
   * @param toRevision the newer revision's number
   * @return the diff
   * @throws InvalidInputException if either revision does not exist
   */
  public RevisionDiff diff(TenantId tenant, ArticleId id, int fromRevision, int toRevision) {
    return RevisionDiff.between(revision(tenant, id, fromRevision), revision(tenant, id, toRevision));
  }

  private ArticleRevision revision(TenantId tenant, ArticleId id, int number) {
    return store.revision(tenant, id, number).orElseThrow(
        () -> new InvalidInputException("revision", number, "does not exist for article " + id));
  }

  /**
   * Searches the knowledge base.
   *
   * @param request the request; a requester finds only published public articles
   * @return the hits, best first
   * @throws KbStorageException if the index fails
   */
  public SearchResults search(SearchRequest request) {
    return index.search(request);
  }

  /**
   * Rebuilds the search index from the store.
   *
   * @return how many articles were indexed
   * @throws KbStorageException if the store or the index fails
   */
  public long rebuildIndex() {
    return index.rebuild(store);
  }

  /**
   * Returns the review cycle over this knowledge base's store, clock and policy.
   *
   * @return the review cycle
   */
  public ReviewCycle reviewCycle() {
    return new ReviewCycle(store, clock, policy);
  }

  /**
   * Returns the ticket view over this knowledge base: suggestions, solution links, FAQ
   * candidates.
   *
   * @return the ticket view
   */
  public TicketSolutions tickets() {
    return new TicketSolutions(store, index, clock);
  }

  /**
   * Returns the store this knowledge base writes to.
   *
   * @return the store
   */
  public ArticleStore store() {
    return store;
  }

  /**
   * Returns the search index this knowledge base keeps in step.
   *
   * @return the index
   */
  public ArticleSearchIndex index() {
    return index;
  }
}
