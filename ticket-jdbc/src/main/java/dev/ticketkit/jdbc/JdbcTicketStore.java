package dev.ticketkit.jdbc;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.HistoryAction;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketConflictException;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketKitException;
import dev.ticketkit.core.Visibility;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.core.store.CommitParticipant;
import dev.ticketkit.core.store.Page;
import dev.ticketkit.core.store.PageCursor;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.core.store.TicketStoreException;
import dev.ticketkit.jdbc.internal.Database;
import dev.ticketkit.jdbc.internal.ShapedSql;
import dev.ticketkit.jdbc.internal.SqlErrors;
import dev.ticketkit.jdbc.internal.TicketConditions;
import dev.ticketkit.jdbc.internal.TicketJson;
import dev.ticketkit.jdbc.internal.TicketRows;
import dev.ticketkit.jdbc.internal.TicketTables.Conversation;
import dev.ticketkit.jdbc.internal.TicketTables.History;
import dev.ticketkit.jdbc.internal.TicketTables.Number;
import dev.ticketkit.jdbc.internal.TicketTables.Tk;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.exception.DataAccessException;
import org.jspecify.annotations.Nullable;

/**
 * The jOOQ {@link TicketStore}: tickets, history, conversation, tags, links and the outbox in
 * {@code tk_} tables, every commit one database transaction.
 *
 * <p>A commit runs, in one transaction: the version check under a row lock (or the insert of a
 * new ticket), the ticket's row and its tag and link rows, the history, conversation and outbox
 * rows, and then every {@link CommitParticipant} with the transaction exposed as a jOOQ
 * {@code DSLContext}. Reads run in auto-commit and see committed data only. Thread-safe: it
 * keeps no connection between calls.
 */
final class JdbcTicketStore implements TicketStore {

  private static final int NUMBER_ATTEMPTS = 5;
  private static final List<Field<?>> KEY = List.of(Tk.ID, Tk.TENANT_ID);
  private static final List<Field<?>> TENANT = List.of(Number.TENANT_ID);

  private final Database db;
  private final TicketWrites writes;
  private final List<CommitParticipant> participants = new CopyOnWriteArrayList<>();

  JdbcTicketStore(Database db) {
    this.db = db;
    this.writes = new TicketWrites(db);
  }

  /** Thrown inside a commit when a new ticket's id or number is taken; diagnosed afterwards. */
  private static final class Taken extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Taken(Exception cause) {
      super(cause);
    }
  }

  @Override
  public void commit(ChangeSet changes) {
    Objects.requireNonNull(changes, "changes");
    JdbcTransaction tx = new JdbcTransaction();
    try {
      db.transaction("commit ticket " + changes.ticketId() + " of tenant " + changes.tenant(),
          sql -> {
            write(sql, changes);
            runParticipants(sql, changes, tx);
            return null;
          });
    } catch (Taken e) {
      tx.rollback(e);
      throw diagnose(changes, e);
    } catch (RuntimeException e) {
      tx.rollback(e);
      throw e;
    }
  }

  private void write(DSLContext sql, ChangeSet changes) throws SQLException {
    if (changes.isNewTicket()) {
      try {
        writes.insertTicket(sql, changes.ticket());
      } catch (SQLException e) {
        if (SqlErrors.isUniqueViolation(e)) {
          throw new Taken(e);
        }
        throw e;
      }
    } else {
      writes.updateTicket(sql, changes);
    }
    writes.appendRows(sql, changes);
  }

  private void runParticipants(DSLContext sql, ChangeSet changes, JdbcTransaction tx) {
    tx.bind(sql);
    for (CommitParticipant p : participants) {
      try {
        p.participate(changes, tx);
      } catch (TicketKitException e) {
        throw e;
      } catch (DataAccessException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new TicketStoreException("a commit participant failed for ticket "
            + changes.ticketId() + " of tenant " + changes.tenant() + "; nothing was stored", e);
      }
    }
  }

  /** Tells why a new ticket could not be inserted: its id is taken, or its number is. */
  private TicketKitException diagnose(ChangeSet changes, Taken e) {
    Ticket t = changes.ticket();
    Record owner = db.read("read ticket " + t.id(), sql -> sql.select(Tk.TENANT_ID, Tk.VERSION)
        .from(Tk.TABLE).where(Tk.ID.eq(t.id().value())).fetchOne());
    if (owner != null) {
      long actual = owner.get(Tk.TENANT_ID).equals(t.tenant().value()) ? owner.get(Tk.VERSION) : 0;
      return new TicketConflictException(t.tenant(), t.id(), ChangeSet.NEW_TICKET, actual);
    }
    InvalidInputException taken = new InvalidInputException("ticket.number", t.number(),
        "is already the number of another ticket of tenant " + t.tenant());
    taken.initCause(e.getCause());
    return taken;
  }

  @Override
  public Optional<Ticket> get(TenantId tenant, TicketId id) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    ShapedSql shaped = db.shaped();
    return db.read("read ticket " + id + " of tenant " + tenant, sql -> shaped.query(
        Database.connection(sql), "getTicket",
        () -> sql.select(Tk.ALL).from(Tk.TABLE).where(Tk.ID.eq(ShapedSql.param(Tk.ID)))
            .and(Tk.TENANT_ID.eq(ShapedSql.param(Tk.TENANT_ID))),
        KEY, List.of(id.value(), tenant.value()),
        rs -> rs.next() ? Optional.of(TicketRows.ticket(shaped.row(rs, Tk.ALL)::get))
            : Optional.<Ticket>empty()));
  }

  @Override
  public Page<Ticket> query(TenantId tenant, TicketQuery query) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(query, "query");
    List<Ticket> rows = db.read("query tickets of tenant " + tenant, sql -> sql.select(Tk.ALL)
        .from(Tk.TABLE).where(TicketConditions.filter(tenant, query))
        .and(TicketConditions.after(query)).orderBy(TicketConditions.order(query))
        .limit(query.limit() + 1).fetch(r -> TicketRows.ticket(r::get)));
    if (rows.size() <= query.limit()) {
      return new Page<>(rows, null);
    }
    List<Ticket> items = rows.subList(0, query.limit());
    return new Page<>(items, PageCursor.after(items.get(items.size() - 1).number()));
  }

  @Override
  public long count(TenantId tenant, TicketQuery query) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(query, "query");
    return db.read("count tickets of tenant " + tenant, sql -> sql.fetchCount(
        sql.selectOne().from(Tk.TABLE).where(TicketConditions.filter(tenant, query))));
  }

  @Override
  public List<HistoryEntry> history(TenantId tenant, TicketId id) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    return db.read("read the history of ticket " + id, sql -> sql.select(History.TICKET_VERSION,
            History.POSITION, History.ACTOR, History.AT, History.ACTION, History.FIELD,
            History.BEFORE_VALUE, History.AFTER_VALUE).from(History.TABLE)
        .where(History.TICKET_ID.eq(id.value())).and(History.TENANT_ID.eq(tenant.value()))
        .orderBy(History.TICKET_VERSION, History.POSITION)
        .fetch(r -> new HistoryEntry(tenant, id, r.get(History.TICKET_VERSION),
            r.get(History.POSITION), Actor.parse(r.get(History.ACTOR)), r.get(History.AT),
            HistoryAction.valueOf(r.get(History.ACTION)), r.get(History.FIELD),
            r.get(History.BEFORE_VALUE), r.get(History.AFTER_VALUE))));
  }

  @Override
  public List<ConversationEntry> conversation(TenantId tenant, TicketId id) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    return db.read("read the conversation of ticket " + id, sql -> sql.select(
            Conversation.TICKET_VERSION, Conversation.VISIBILITY, Conversation.AUTHOR,
            Conversation.CHANNEL, Conversation.AT, Conversation.BODY, Conversation.ATTACHMENTS)
        .from(Conversation.TABLE).where(Conversation.TICKET_ID.eq(id.value()))
        .and(Conversation.TENANT_ID.eq(tenant.value()))
        .orderBy(Conversation.TICKET_VERSION, Conversation.POSITION)
        .fetch(r -> new ConversationEntry(tenant, id, r.get(Conversation.TICKET_VERSION),
            Visibility.valueOf(r.get(Conversation.VISIBILITY)),
            Actor.parse(r.get(Conversation.AUTHOR)), Channel.of(r.get(Conversation.CHANNEL)),
            r.get(Conversation.AT), r.get(Conversation.BODY),
            TicketJson.attachments(r.get(Conversation.ATTACHMENTS)))));
  }

  @Override
  public long allocateNumber(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    String what = "allocate a ticket number for tenant " + tenant;
    for (int attempt = 1; ; attempt++) {
      Long number = db.transaction(what, sql -> nextNumber(db.shaped(), sql, tenant));
      if (number != null) {
        return number;
      }
      if (attempt == NUMBER_ATTEMPTS) {
        throw new StorageException("cannot " + what + ": its counter does not appear");
      }
      db.read(what, sql -> createCounter(sql, tenant));
    }
  }

  /** Increments the tenant's counter in its own transaction; null if the counter is missing. */
  private static @Nullable Long nextNumber(ShapedSql shaped, DSLContext sql, TenantId tenant)
      throws SQLException {
    Connection c = Database.connection(sql);
    int updated = shaped.execute(c, "incrementNumber", () -> sql.update(Number.TABLE)
            .set(Number.LAST_NUMBER, Number.LAST_NUMBER.plus(DSL.inline(1L)))
            .where(Number.TENANT_ID.eq(ShapedSql.param(Number.TENANT_ID))),
        TENANT, List.of(tenant.value()));
    return updated == 0 ? null : shaped.query(c, "readNumber", () -> sql
            .select(Number.LAST_NUMBER).from(Number.TABLE)
            .where(Number.TENANT_ID.eq(ShapedSql.param(Number.TENANT_ID))),
        TENANT, List.of(tenant.value()), rs -> rs.next() ? rs.getLong(1) : null);
  }

  /**
   * Creates a tenant's counter at 0 in auto-commit, outside any transaction that has read the
   * missing row (on MariaDB that read holds a gap lock, and two such inserts would deadlock); a
   * concurrent creation wins and this one is ignored.
   */
  private static @Nullable Void createCounter(DSLContext sql, TenantId tenant) {
    try {
      sql.insertInto(Number.TABLE).set(Number.TENANT_ID, tenant.value())
          .set(Number.LAST_NUMBER, 0L).execute();
    } catch (DataAccessException e) {
      if (!SqlErrors.isUniqueViolation(e)) {
        throw e;
      }
    }
    return null;
  }

  @Override
  public void addCommitParticipant(CommitParticipant participant) {
    participants.add(Objects.requireNonNull(participant, "participant"));
  }

  @Override
  public boolean removeCommitParticipant(CommitParticipant participant) {
    return participants.remove(participant);
  }
}
