package dev.ticketkit.kb.store;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.kb.Article;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.ArticleNotFoundException;
import dev.ticketkit.kb.ArticleRevision;
import dev.ticketkit.kb.ArticleStats;
import dev.ticketkit.kb.ArticleVersionConflictException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory {@link ArticleStore}.
 *
 * <p>Thread-safe: every method holds the store's monitor, so each is atomic and sees the effects
 * of every method that returned before it.
 */
final class InMemoryArticleStore implements ArticleStore {

  private final TreeMap<ArticleRef, Article> articles = new TreeMap<>();
  private final Map<ArticleId, TenantId> owners = new HashMap<>();
  private final Map<ArticleRef, List<ArticleRevision>> revisions = new HashMap<>();
  private final Map<ArticleRef, Map<String, Boolean>> votes = new HashMap<>();
  private final Map<ArticleRef, Long> views = new HashMap<>();
  private final Map<TenantId, Map<LinkKey, ArticleTicketLink>> links = new HashMap<>();

  private final List<ArticleChange> changes = new ArrayList<>();

  private record LinkKey(ArticleId articleId, TicketId ticketId) {}

  @Override
  public synchronized void save(Article article, @Nullable ArticleRevision revision) {
    ArticleRef ref = new ArticleRef(article.tenant(), article.id());
    TenantId owner = owners.get(article.id());
    long stored = owner == null ? 0 : owner.equals(article.tenant()) ? articles.get(ref).version()
        : Long.MAX_VALUE;
    if (stored != article.version() - 1) {
      throw new ArticleVersionConflictException(article.id(), article.version() - 1,
          stored == Long.MAX_VALUE ? 0 : stored);
    }
    if (revision != null) {
      checkRevision(ref, revision);
      revisions.computeIfAbsent(ref, k -> new ArrayList<>()).add(revision);
    }
    articles.put(ref, article);
    owners.put(article.id(), article.tenant());
    changes.add(new ArticleChange(changes.size() + 1L, article.tenant(), article.id(),
        article.version()));
  }

  @Override
  public synchronized void saveAll(List<Article> batch, List<ArticleRevision> firstRevisions) {
    Map<ArticleId, Article> byId = new LinkedHashMap<>();
    for (Article article : batch) {
      if (article.version() != 1 || owners.containsKey(article.id())) {
        ArticleRef ref = new ArticleRef(article.tenant(), article.id());
        long stored = articles.containsKey(ref) ? articles.get(ref).version() : 0;
        throw new ArticleVersionConflictException(article.id(), article.version() - 1, stored);
      }
      if (byId.put(article.id(), article) != null) {
        throw new InvalidInputException("articles", article.id(), "appears twice");
      }
    }
    Map<ArticleId, ArticleRevision> revisionOf = new HashMap<>();
    for (ArticleRevision revision : firstRevisions) {
      Article article = byId.get(revision.articleId());
      if (article == null || !article.tenant().equals(revision.tenant())) {
        throw new InvalidInputException("revision", revision.articleId(),
            "belongs to none of the articles");
      }
      if (revision.number() != 1 || revisionOf.put(revision.articleId(), revision) != null) {
        throw new InvalidInputException("revision.number", revision.number(), "must be 1, once");
      }
    }
    for (Article article : batch) {
      save(article, revisionOf.get(article.id()));
    }
  }

  @Override
  public synchronized List<ArticleChange> changesAfter(long afterSequence, int limit) {
    if (limit < 1) {
      throw new InvalidInputException("limit", limit, "must be positive");
    }
    int from = (int) Math.max(0, Math.min(afterSequence, changes.size()));
    return List.copyOf(changes.subList(from, Math.min(changes.size(), from + limit)));
  }

  @Override
  public synchronized long lastChangeSequence() {
    return changes.size();
  }

  private void checkRevision(ArticleRef ref, ArticleRevision revision) {
    if (!revision.tenant().equals(ref.tenant()) || !revision.articleId().equals(ref.id())) {
      throw new InvalidInputException("revision", revision.articleId(), "belongs to another article");
    }
    int next = revisions.getOrDefault(ref, List.of()).size() + 1;
    if (revision.number() != next) {
      throw new InvalidInputException("revision.number", revision.number(), "must be " + next);
    }
  }

  @Override
  public synchronized Optional<Article> find(TenantId tenant, ArticleId id) {
    return Optional.ofNullable(articles.get(new ArticleRef(tenant, id)));
  }

  @Override
  public synchronized List<Article> list(TenantId tenant, ArticleQuery query) {
    ArticleRef from = new ArticleRef(tenant, query.afterId() == null ? MIN_ID : query.afterId());
    return articles.tailMap(from, query.afterId() == null).values().stream()
        .takeWhile(a -> a.tenant().equals(tenant))
        .filter(a -> query.matches(a.status(), a.reviewBy()))
        .limit(query.limit())
        .collect(Collectors.toList());
  }

  private static final ArticleId MIN_ID = ArticleId.of(new java.util.UUID(0, 0));

  @Override
  public synchronized List<Article> scan(@Nullable ArticleRef after, int limit) {
    if (limit < 1) {
      throw new InvalidInputException("limit", limit, "must be positive");
    }
    Map<ArticleRef, Article> tail = after == null ? articles : articles.tailMap(after, false);
    return tail.values().stream().limit(limit).collect(Collectors.toList());
  }

  @Override
  public synchronized List<ArticleRevision> revisions(TenantId tenant, ArticleId id) {
    return List.copyOf(revisions.getOrDefault(new ArticleRef(tenant, id), List.of()));
  }

  @Override
  public synchronized Optional<ArticleRevision> revision(TenantId tenant, ArticleId id, int number) {
    List<ArticleRevision> all = revisions.getOrDefault(new ArticleRef(tenant, id), List.of());
    return number < 1 || number > all.size() ? Optional.empty() : Optional.of(all.get(number - 1));
  }

  @Override
  public synchronized ArticleStats recordVote(
      TenantId tenant, ArticleId id, String voter, boolean helpful) {
    Objects.requireNonNull(voter, "voter");
    ArticleRef ref = existing(tenant, id);
    if (voter == null || voter.isBlank()) {
      throw new InvalidInputException("voter", voter, "must not be blank");
    }
    votes.computeIfAbsent(ref, k -> new HashMap<>()).put(voter, helpful);
    return statsOf(ref);
  }

  @Override
  public synchronized ArticleStats recordView(TenantId tenant, ArticleId id) {
    ArticleRef ref = existing(tenant, id);
    views.merge(ref, 1L, Long::sum);
    return statsOf(ref);
  }

  @Override
  public synchronized ArticleStats stats(TenantId tenant, ArticleId id) {
    return statsOf(existing(tenant, id));
  }

  private ArticleRef existing(TenantId tenant, ArticleId id) {
    ArticleRef ref = new ArticleRef(tenant, id);
    if (!articles.containsKey(ref)) {
      throw new ArticleNotFoundException(tenant, id);
    }
    return ref;
  }

  private ArticleStats statsOf(ArticleRef ref) {
    Map<String, Boolean> cast = votes.getOrDefault(ref, Map.of());
    long helpful = cast.values().stream().filter(Boolean::booleanValue).count();
    return new ArticleStats(helpful, cast.size() - helpful, views.getOrDefault(ref, 0L));
  }

  @Override
  public synchronized int eraseRequester(TenantId tenant, String requesterId, String pseudonym) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(requesterId, "requesterId");
    Objects.requireNonNull(pseudonym, "pseudonym");
    int rewritten = 0;
    for (Map.Entry<ArticleRef, Map<String, Boolean>> e : votes.entrySet()) {
      if (e.getKey().tenant().equals(tenant) && e.getValue().containsKey(requesterId)) {
        e.getValue().put(pseudonym, e.getValue().remove(requesterId));
        rewritten++;
      }
    }
    String by = Actor.requester(requesterId).toString();
    Map<LinkKey, ArticleTicketLink> ofTenant = links.getOrDefault(tenant, Map.of());
    for (Map.Entry<LinkKey, ArticleTicketLink> e : ofTenant.entrySet()) {
      ArticleTicketLink l = e.getValue();
      if (l.linkedBy().equals(by) || l.linkedBy().equals(requesterId)) {
        e.setValue(new ArticleTicketLink(l.tenant(), l.articleId(), l.ticketId(),
            l.linkedBy().equals(by) ? Actor.requester(pseudonym).toString() : pseudonym,
            l.linkedAt(), l.reopened()));
        rewritten++;
      }
    }
    return rewritten;
  }

  @Override
  public synchronized boolean link(ArticleTicketLink link) {
    existing(link.tenant(), link.articleId());
    Map<LinkKey, ArticleTicketLink> ofTenant = links.computeIfAbsent(link.tenant(), k -> new LinkedHashMap<>());
    return ofTenant.putIfAbsent(new LinkKey(link.articleId(), link.ticketId()), link) == null;
  }

  @Override
  public synchronized boolean unlink(TenantId tenant, ArticleId articleId, TicketId ticketId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(articleId, "articleId");
    Map<LinkKey, ArticleTicketLink> ofTenant = links.get(tenant);
    return ofTenant != null && ofTenant.remove(new LinkKey(articleId, ticketId)) != null;
  }

  @Override
  public synchronized List<ArticleTicketLink> linksOfArticle(TenantId tenant, ArticleId articleId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(articleId, "articleId");
    return linksOf(tenant).stream().filter(l -> l.articleId().equals(articleId)).toList();
  }

  @Override
  public synchronized List<ArticleTicketLink> linksOfTicket(TenantId tenant, TicketId ticketId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(ticketId, "ticketId");
    return linksOf(tenant).stream().filter(l -> l.ticketId().equals(ticketId)).toList();
  }

  @Override
  public synchronized Set<TicketId> linkedTickets(TenantId tenant, Collection<TicketId> ticketIds) {
    Objects.requireNonNull(tenant, "tenant");
    Set<TicketId> linked = linksOf(tenant).stream().map(ArticleTicketLink::ticketId)
        .collect(Collectors.toSet());
    return ticketIds.stream().filter(linked::contains).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public synchronized int markReopened(TenantId tenant, TicketId ticketId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(ticketId, "ticketId");
    int changed = 0;
    for (Map.Entry<LinkKey, ArticleTicketLink> e : links.getOrDefault(tenant, Map.of()).entrySet()) {
      if (e.getKey().ticketId().equals(ticketId) && !e.getValue().reopened()) {
        e.setValue(e.getValue().asReopened());
        changed++;
      }
    }
    return changed;
  }

  private List<ArticleTicketLink> linksOf(TenantId tenant) {
    return List.copyOf(links.getOrDefault(tenant, Map.of()).values());
  }
}
