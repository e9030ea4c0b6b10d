package dev.ticketkit.jdbc;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TextRule;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.jdbc.internal.Database;
import dev.ticketkit.jdbc.internal.KbTables.Article;
import dev.ticketkit.jdbc.internal.KbTables.Link;
import dev.ticketkit.jdbc.internal.KbTables.Vote;
import dev.ticketkit.jdbc.internal.SqlErrors;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.ArticleNotFoundException;
import dev.ticketkit.kb.ArticleStats;
import dev.ticketkit.kb.store.ArticleTicketLink;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The reader-feedback half of {@link JdbcArticleStore}: votes, views and ticket links. Each
 * method is one transaction or one read. Thread-safe.
 */
final class ArticleFeedback {

  private static final int MAX_TEXT = 255;
  private static final int IN_LIST_CHUNK = 500;

  private final Database db;

  ArticleFeedback(Database db) {
    this.db = db;
  }

  /** Thrown inside a transaction when an insert hits a unique key; handled by the caller. */
  private static final class Duplicate extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Duplicate(DataAccessException cause) {
      super(cause);
    }
  }

  ArticleStats recordVote(TenantId tenant, ArticleId id, String voter, boolean helpful) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    checkText("voter", voter);
    try {
      return vote(tenant, id, voter, helpful);
    } catch (Duplicate e) {
      return vote(tenant, id, voter, helpful); // a concurrent first vote of the same voter
    }
  }

  private ArticleStats vote(TenantId tenant, ArticleId id, String voter, boolean helpful) {
    return db.transaction("record a vote on article " + id, sql -> {
      requireArticle(sql, tenant, id);
      int updated = sql.update(Vote.TABLE).set(Vote.HELPFUL, helpful)
          .where(Vote.ARTICLE_ID.eq(id.value())).and(Vote.VOTER.eq(voter)).execute();
      if (updated == 0) {
        insertOrDuplicate(() -> sql.insertInto(Vote.TABLE).set(Vote.ARTICLE_ID, id.value())
            .set(Vote.VOTER, voter).set(Vote.TENANT_ID, tenant.value())
            .set(Vote.HELPFUL, helpful).execute());
      }
      return stats(sql, id);
    });
  }

  /**
   * Gives a requester's votes to the pseudonym (a vote the pseudonym already has on the same
   * article, from an earlier erasure of the same person, is replaced, as a new vote of the same
   * voter replaces the old one) and names the pseudonym in the links they made, in one
   * transaction.
   */
  int eraseRequester(TenantId tenant, String requesterId, String pseudonym) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(requesterId, "requesterId");
    Objects.requireNonNull(pseudonym, "pseudonym");
    String by = dev.ticketkit.core.Actor.requester(requesterId).toString();
    String pseudonymBy = dev.ticketkit.core.Actor.requester(pseudonym).toString();
    return db.transaction("erase a requester's votes and links of tenant " + tenant, sql -> {
      List<UUID> voted = sql.select(Vote.ARTICLE_ID).from(Vote.TABLE)
          .where(Vote.TENANT_ID.eq(tenant.value())).and(Vote.VOTER.eq(requesterId))
          .fetch(Vote.ARTICLE_ID);
      if (!voted.isEmpty()) {
        sql.deleteFrom(Vote.TABLE).where(Vote.TENANT_ID.eq(tenant.value()))
            .and(Vote.VOTER.eq(pseudonym)).and(Vote.ARTICLE_ID.in(voted)).execute();
      }
      int votes = sql.update(Vote.TABLE).set(Vote.VOTER, pseudonym)
          .where(Vote.TENANT_ID.eq(tenant.value())).and(Vote.VOTER.eq(requesterId)).execute();
      int links = sql.update(Link.TABLE).set(Link.LINKED_BY, pseudonymBy)
          .where(Link.TENANT_ID.eq(tenant.value())).and(Link.LINKED_BY.eq(by)).execute()
          + sql.update(Link.TABLE).set(Link.LINKED_BY, pseudonym)
          .where(Link.TENANT_ID.eq(tenant.value())).and(Link.LINKED_BY.eq(requesterId))
          .execute();
      return votes + links;
    });
  }

  ArticleStats recordView(TenantId tenant, ArticleId id) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    return db.transaction("record a view of article " + id, sql -> {
      int updated = sql.update(Article.TABLE).set(Article.VIEWS, Article.VIEWS.plus(1))
          .where(JdbcArticleStore.key(tenant, id)).execute();
      if (updated == 0) {
        throw new ArticleNotFoundException(tenant, id);
      }
      return stats(sql, id);
    });
  }

  ArticleStats stats(TenantId tenant, ArticleId id) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    return db.read("read the stats of article " + id, sql -> {
      requireArticle(sql, tenant, id);
      return stats(sql, id);
    });
  }

  private static void requireArticle(DSLContext sql, TenantId tenant, ArticleId id) {
    if (!sql.fetchExists(Article.TABLE, JdbcArticleStore.key(tenant, id))) {
      throw new ArticleNotFoundException(tenant, id);
    }
  }

  private static ArticleStats stats(DSLContext sql, ArticleId id) {
    long views = sql.select(Article.VIEWS).from(Article.TABLE)
        .where(Article.ID.eq(id.value())).fetchSingle(Article.VIEWS);
    Record2<Integer, Integer> votes = sql.select(
            DSL.count().filterWhere(Vote.HELPFUL.isTrue()), DSL.count())
        .from(Vote.TABLE).where(Vote.ARTICLE_ID.eq(id.value())).fetchSingle();
    return new ArticleStats(votes.value1(), votes.value2() - votes.value1(), views);
  }

  boolean link(ArticleTicketLink link) {
    Objects.requireNonNull(link, "link");
    checkText("linkedBy", link.linkedBy());
    try {
      return db.transaction("link article " + link.articleId() + " to ticket "
          + link.ticketId(), sql -> {
            requireArticle(sql, link.tenant(), link.articleId());
            insertOrDuplicate(() -> sql.insertInto(Link.TABLE)
                .set(Link.ARTICLE_ID, link.articleId().value())
                .set(Link.TICKET_ID, link.ticketId().value())
                .set(Link.TENANT_ID, link.tenant().value()).set(Link.LINKED_BY, link.linkedBy())
                .set(Link.LINKED_AT, link.linkedAt()).set(Link.REOPENED, link.reopened())
                .execute());
            return true;
          });
    } catch (Duplicate e) {
      return false;
    }
  }

  boolean unlink(TenantId tenant, ArticleId articleId, TicketId ticketId) {
    return db.transaction("unlink article " + articleId + " from ticket " + ticketId,
        sql -> sql.deleteFrom(Link.TABLE).where(Link.TENANT_ID.eq(tenant.value()))
            .and(Link.ARTICLE_ID.eq(articleId.value()))
            .and(Link.TICKET_ID.eq(ticketId.value())).execute() > 0);
  }

  List<ArticleTicketLink> linksOfArticle(TenantId tenant, ArticleId articleId) {
    return db.read("read the links of article " + articleId, sql -> sql.select(Link.ALL)
        .from(Link.TABLE).where(Link.TENANT_ID.eq(tenant.value()))
        .and(Link.ARTICLE_ID.eq(articleId.value())).orderBy(Link.ID)
        .fetch(r -> link(tenant, r)));
  }

  List<ArticleTicketLink> linksOfTicket(TenantId tenant, TicketId ticketId) {
    return db.read("read the links of ticket " + ticketId, sql -> sql.select(Link.ALL)
        .from(Link.TABLE).where(Link.TENANT_ID.eq(tenant.value()))
        .and(Link.TICKET_ID.eq(ticketId.value())).orderBy(Link.ID)
        .fetch(r -> link(tenant, r)));
  }

  private static ArticleTicketLink link(TenantId tenant, Record r) {
    return new ArticleTicketLink(tenant, ArticleId.of(r.get(Link.ARTICLE_ID)),
        TicketId.of(r.get(Link.TICKET_ID)), r.get(Link.LINKED_BY), r.get(Link.LINKED_AT),
        r.get(Link.REOPENED));
  }

  Set<TicketId> linkedTickets(TenantId tenant, Collection<TicketId> ticketIds) {
    List<UUID> ids = ticketIds.stream().map(TicketId::value).distinct().toList();
    Set<TicketId> linked = new HashSet<>();
    for (int from = 0; from < ids.size(); from += IN_LIST_CHUNK) {
      List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST_CHUNK));
      linked.addAll(db.read("find linked tickets", sql -> sql.selectDistinct(Link.TICKET_ID)
          .from(Link.TABLE).where(Link.TENANT_ID.eq(tenant.value()))
          .and(Link.TICKET_ID.in(chunk)).fetch(r -> TicketId.of(r.value1()))));
    }
    return Set.copyOf(linked);
  }

  int markReopened(TenantId tenant, TicketId ticketId) {
    return db.transaction("mark the links of ticket " + ticketId + " reopened",
        sql -> sql.update(Link.TABLE).set(Link.REOPENED, true)
            .where(Link.TENANT_ID.eq(tenant.value())).and(Link.TICKET_ID.eq(ticketId.value()))
            .and(Link.REOPENED.isFalse()).execute());
  }

  private static void insertOrDuplicate(Runnable insert) {
    try {
      insert.run();
    } catch (DataAccessException e) {
      if (SqlErrors.isUniqueViolation(e)) {
        throw new Duplicate(e);
      }
      throw e;
    }
  }

  private static void checkText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, value, "must not be blank");
    }
    if (TextRule.length(value) > MAX_TEXT) {
      throw new InvalidInputException(field, value, "must be at most " + MAX_TEXT + " chars");
    }
  }
}
