package dev.ticketkit.jdbc;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.jdbc.internal.ArticleRows;
import dev.ticketkit.jdbc.internal.Database;
import dev.ticketkit.jdbc.internal.KbTables.Article;
import dev.ticketkit.jdbc.internal.KbTables.Change;
import dev.ticketkit.jdbc.internal.KbTables.Revision;
import dev.ticketkit.jdbc.internal.SqlErrors;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.ArticleRevision;
import dev.ticketkit.kb.ArticleStats;
import dev.ticketkit.kb.ArticleVersionConflictException;
import dev.ticketkit.kb.store.ArticleChange;
import dev.ticketkit.kb.store.ArticleQuery;
import dev.ticketkit.kb.store.ArticleRef;
import dev.ticketkit.kb.store.ArticleStore;
import dev.ticketkit.kb.store.KbStorageException;
import dev.ticketkit.kb.store.ArticleTicketLink;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jOOQ {@link ArticleStore}: articles, revisions, votes, views, ticket links and the change
 * sequence in {@code tk_kb_} tables. Each method is one transaction (or one auto-commit read);
 * failures of the database are thrown as {@code KbStorageException}. Votes, views and links live
 * in {@link ArticleFeedback}.
 *
 * <p>A row that cannot be read back as an article (written by hand or by an older version that
 * accepted a malformed locale) never fails a read of other rows: reads skip it with a logged
 * warning, and {@code find} of it returns empty. Thread-safe: it keeps no connection between
 * calls.
 */
final class JdbcArticleStore implements ArticleStore {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcArticleStore.class);

  private final Database db;
  private final ArticleFeedback feedback;

  /**
   * Returns the store over a kit's database, with this store's own exception type.
   *
   * <p>Declared to return the interface, so that a caller can be verified by the JVM without
   * loading the optional module this store implements (see {@code JdbcTicketKit}).
   */
  static ArticleStore create(Database db) {
    return new JdbcArticleStore(db.withFailures(KbStorageException::new));
  }

  JdbcArticleStore(Database db) {
    this.db = db;
    this.feedback = new ArticleFeedback(db);
  }

  /** Thrown inside a save when a new article's id is taken; diagnosed afterwards. */
  private static final class Taken extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Taken(DataAccessException cause) {
      super(cause);
    }
  }

  @Override
  public void save(dev.ticketkit.kb.Article article, @Nullable ArticleRevision revision) {
    Objects.requireNonNull(article, "article");
    try {
      db.transaction("save article " + article.id() + " of tenant " + article.tenant(), sql -> {
        write(sql, article);
        if (revision != null) {
          appendRevision(sql, article, revision);
        }
        recordChange(sql, article);
        return null;
      });
    } catch (Taken e) {
      long actual = storedVersion(article.tenant(), article.id());
      throw new ArticleVersionConflictException(article.id(), 0, actual);
    }
  }

  private void write(DSLContext sql, dev.ticketkit.kb.Article article) {
    if (article.version() == 1) {
      try {
        sql.insertInto(Article.TABLE).set(ArticleRows.values(db.kind(), article)).execute();
      } catch (DataAccessException e) {
        if (SqlErrors.isUniqueViolation(e)) {
          throw new Taken(e);
        }
        throw e;
      }
      return;
    }
    int updated = sql.update(Article.TABLE).set(ArticleRows.values(db.kind(), article))
        .where(key(article.tenant(), article.id()))
        .and(Article.VERSION.eq(article.version() - 1)).execute();
    if (updated == 0) {
      Long actual = sql.select(Article.VERSION).from(Article.TABLE)
          .where(key(article.tenant(), article.id())).fetchOne(Article.VERSION);
      throw new ArticleVersionConflictException(
          article.id(), article.version() - 1, actual == null ? 0 : actual);
    }
  }

  private void appendRevision(
      DSLContext sql, dev.ticketkit.kb.Article article, ArticleRevision revision) {
    if (!revision.tenant().equals(article.tenant())
        || !revision.articleId().equals(article.id())) {
      throw new InvalidInputException("revision", revision.articleId(),
          "belongs to another article");
    }
    Integer last = sql.select(DSL.max(Revision.NUMBER)).from(Revision.TABLE)
        .where(Revision.ARTICLE_ID.eq(article.id().value())).fetchOne(0, Integer.class);
    int next = last == null ? 1 : last + 1;
    if (revision.number() != next) {
      throw new InvalidInputException("revision.number", revision.number(), "must be " + next);
    }
    sql.insertInto(Revision.TABLE).set(ArticleRows.values(db.kind(), revision)).execute();
  }

  private static void recordChange(DSLContext sql, dev.ticketkit.kb.Article article) {
    sql.insertInto(Change.TABLE).set(Change.TENANT_ID, article.tenant().value())
        .set(Change.ARTICLE_ID, article.id().value()).set(Change.VERSION, article.version())
        .execute();
  }

  @Override
  public void saveAll(List<dev.ticketkit.kb.Article> articles, List<ArticleRevision> revisions) {
    Map<ArticleId, ArticleRevision> first = checkBatch(articles, revisions);
    if (articles.isEmpty()) {
      return;
    }
    try {
      db.transaction("import " + articles.size() + " articles", sql -> {
        for (dev.ticketkit.kb.Article article : articles) {
          write(sql, article);
          ArticleRevision revision = first.get(article.id());
          if (revision != null) {
            sql.insertInto(Revision.TABLE).set(ArticleRows.values(db.kind(), revision)).execute();
          }
          recordChange(sql, article);
        }
        return null;
      });
    } catch (Taken e) {
      for (dev.ticketkit.kb.Article article : articles) {
        long stored = storedVersion(article.tenant(), article.id());
        if (stored > 0 || isTaken(article.id())) {
          throw new ArticleVersionConflictException(article.id(), 0, stored);
        }
      }
      throw e;
    }
  }

  /** Checks a batch before anything is written; returns the revisions by article. */
  private static Map<ArticleId, ArticleRevision> checkBatch(
      List<dev.ticketkit.kb.Article> articles, List<ArticleRevision> revisions) {
    Map<ArticleId, dev.ticketkit.kb.Article> byId = new HashMap<>();
    for (dev.ticketkit.kb.Article article : articles) {
      if (article.version() != 1) {
        throw new ArticleVersionConflictException(article.id(), article.version() - 1, 0);
      }
      if (byId.put(article.id(), article) != null) {
        throw new InvalidInputException("articles", article.id(), "appears twice");
      }
    }
    Map<ArticleId, ArticleRevision> first = new HashMap<>();
    for (ArticleRevision revision : revisions) {
      dev.ticketkit.kb.Article article = byId.get(revision.articleId());
      if (article == null || !article.tenant().equals(revision.tenant())) {
        throw new InvalidInputException("revision", revision.articleId(),
            "belongs to none of the articles");
      }
      if (revision.number() != 1 || first.put(revision.articleId(), revision) != null) {
        throw new InvalidInputException("revision.number", revision.number(), "must be 1, once");
      }
    }
    return first;
  }

  private boolean isTaken(ArticleId id) {
    return db.read("read article " + id, sql -> sql.fetchExists(
        sql.selectOne().from(Article.TABLE).where(Article.ID.eq(id.value()))));
  }

  @Override
  public List<ArticleChange> changesAfter(long afterSequence, int limit) {
    if (limit < 1) {
      throw new InvalidInputException("limit", limit, "must be positive");
    }
    return db.read("read article changes", sql -> sql.select(Change.SEQ, Change.TENANT_ID,
            Change.ARTICLE_ID, Change.VERSION).from(Change.TABLE).where(Change.SEQ.gt(afterSequence))
        .orderBy(Change.SEQ).limit(limit)
        .fetch(r -> new ArticleChange(r.get(Change.SEQ), TenantId.of(r.get(Change.TENANT_ID)),
            ArticleId.of(r.get(Change.ARTICLE_ID)), r.get(Change.VERSION))));
  }

  @Override
  public long lastChangeSequence() {
    Long last = db.read("read the last article change",
        sql -> sql.select(DSL.max(Change.SEQ)).from(Change.TABLE).fetchOne(0, Long.class));
    return last == null ? 0 : last;
  }

  /** Reads a row as an article, or logs a warning and returns null if it cannot be read. */
  private static dev.ticketkit.kb.@Nullable Article readable(Record r) {
    try {
      return ArticleRows.article(r);
    } catch (RuntimeException e) {
      LOG.warn("skipping unreadable article row {} of tenant {}: {}", r.get(Article.ID),
          r.get(Article.TENANT_ID), e.toString());
      return null;
    }
  }

  private long storedVersion(TenantId tenant, ArticleId id) {
    Long version = db.read("read article " + id, sql -> sql.select(Article.VERSION)
        .from(Article.TABLE).where(key(tenant, id)).fetchOne(Article.VERSION));
    return version == null ? 0 : version;
  }

  static Condition key(TenantId tenant, ArticleId id) {
    return Article.ID.eq(id.value()).and(Article.TENANT_ID.eq(tenant.value()));
  }

  @Override
  public Optional<dev.ticketkit.kb.Article> find(TenantId tenant, ArticleId id) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    return db.read("read article " + id + " of tenant " + tenant, sql -> sql.select(Article.ALL)
        .from(Article.TABLE).where(key(tenant, id)).fetchOptional()
        .map(JdbcArticleStore::readable));
  }

  @Override
  public List<dev.ticketkit.kb.Article> list(TenantId tenant, ArticleQuery query) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(query, "query");
    Condition where = Article.TENANT_ID.eq(tenant.value());
    if (!query.statuses().isEmpty()) {
      where = where.and(Article.STATUS.in(query.statuses().stream().map(Enum::name).toList()));
    }
    if (query.reviewByBefore() != null) {
      where = where.and(Article.REVIEW_BY.lt(query.reviewByBefore()));
    }
    if (query.afterId() != null) {
      where = where.and(Article.ID.gt(query.afterId().value()));
    }
    Condition filter = where;
    List<dev.ticketkit.kb.Article> found = new ArrayList<>();
    java.util.UUID after = null;
    while (found.size() < query.limit()) {
      Condition page = after == null ? filter : filter.and(Article.ID.gt(after));
      List<Record> rows = db.read("list articles of tenant " + tenant, sql -> sql
          .select(Article.ALL).from(Article.TABLE).where(page).orderBy(Article.ID)
          .limit(query.limit()).fetch().stream().map(r -> (Record) r).toList());
      rows.stream().map(JdbcArticleStore::readable).filter(Objects::nonNull)
          .limit(query.limit() - found.size()).forEach(found::add);
      if (rows.size() < query.limit()) {
        break;
      }
      after = rows.get(rows.size() - 1).get(Article.ID);
    }
    return found;
  }

  @Override
  public List<dev.ticketkit.kb.Article> scan(@Nullable ArticleRef after, int limit) {
    if (limit < 1) {
      throw new InvalidInputException("limit", limit, "must be positive");
    }
    List<dev.ticketkit.kb.Article> found = new ArrayList<>();
    String afterTenant = after == null ? null : after.tenant().value();
    java.util.UUID afterId = after == null ? null : after.id().value();
    while (found.size() < limit) {
      Condition where = afterTenant == null ? DSL.noCondition()
          : DSL.row(Article.TENANT_ID, Article.ID).gt(afterTenant, afterId);
      List<Record> rows = db.read("scan articles", sql -> sql.select(Article.ALL)
          .from(Article.TABLE).where(where).orderBy(Article.TENANT_ID, Article.ID).limit(limit)
          .fetch().stream().map(r -> (Record) r).toList());
      rows.stream().map(JdbcArticleStore::readable).filter(Objects::nonNull)
          .limit(limit - found.size()).forEach(found::add);
      if (rows.size() < limit) {
        break;
      }
      Record last = rows.get(rows.size() - 1);
      afterTenant = last.get(Article.TENANT_ID);
      afterId = last.get(Article.ID);
    }
    return found;
  }

  @Override
  public List<ArticleRevision> revisions(TenantId tenant, ArticleId id) {
    return readRevisions(tenant, id, DSL.noCondition());
  }

  @Override
  public Optional<ArticleRevision> revision(TenantId tenant, ArticleId id, int number) {
    return readRevisions(tenant, id, Revision.NUMBER.eq(number)).stream().findFirst();
  }

  private List<ArticleRevision> readRevisions(TenantId tenant, ArticleId id, Condition extra) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    return db.read("read revisions of article " + id, sql -> sql.select(Revision.ALL).from(Revision.TABLE)
        .where(Revision.ARTICLE_ID.eq(id.value())).and(Revision.TENANT_ID.eq(tenant.value()))
        .and(extra).orderBy(Revision.NUMBER)
        .fetch(r -> ArticleRows.revision(tenant, id, r)));
  }

  @Override
  public int eraseRequester(TenantId tenant, String requesterId, String pseudonym) {
    return feedback.eraseRequester(tenant, requesterId, pseudonym);
  }

  @Override
  public ArticleStats recordVote(TenantId tenant, ArticleId id, String voter, boolean helpful) {
    Objects.requireNonNull(voter, "voter");
    return feedback.recordVote(tenant, id, voter, helpful);
  }

  @Override
  public ArticleStats recordView(TenantId tenant, ArticleId id) {
    return feedback.recordView(tenant, id);
  }

  @Override
  public ArticleStats stats(TenantId tenant, ArticleId id) {
    return feedback.stats(tenant, id);
  }

  @Override
  public boolean link(ArticleTicketLink link) {
    return feedback.link(link);
  }

  @Override
  public boolean unlink(TenantId tenant, ArticleId articleId, TicketId ticketId) {
    return feedback.unlink(tenant, articleId, ticketId);
  }

  @Override
  public List<ArticleTicketLink> linksOfArticle(TenantId tenant, ArticleId articleId) {
    return feedback.linksOfArticle(tenant, articleId);
  }

  @Override
  public List<ArticleTicketLink> linksOfTicket(TenantId tenant, TicketId ticketId) {
    return feedback.linksOfTicket(tenant, ticketId);
  }

  @Override
  public Set<TicketId> linkedTickets(TenantId tenant, Collection<TicketId> ticketIds) {
    Objects.requireNonNull(tenant, "tenant");
    return feedback.linkedTickets(tenant, ticketIds);
  }

  @Override
  public int markReopened(TenantId tenant, TicketId ticketId) {
    return feedback.markReopened(tenant, ticketId);
  }
}
