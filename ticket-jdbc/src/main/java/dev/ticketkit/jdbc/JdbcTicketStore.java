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
import dev.ticketkit.core.TicketNotFoundException;
import dev.ticketkit.core.Visibility;
import dev.ticketkit.core.privacy.Erasure;
import dev.ticketkit.core.privacy.ErasureRecord;
import dev.ticketkit.core.privacy.PersonalDataStore;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.core.store.Page;
import dev.ticketkit.core.store.PageCursor;
import dev.ticketkit.core.store.TicketChange;
import dev.ticketkit.core.store.TicketCommitUnknownException;
import dev.ticketkit.core.store.FollowUpQuery;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.core.store.UnitOfWork;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * The jOOQ {@link TicketStore}: tickets, history, conversation, tags, links and the outbox in
 * {@code tk_} tables, every commit one database transaction.
 *
 * <p>A commit runs, in one transaction: for a new ticket the allocation of its number (the
 * tenant's counter row, locked until the commit), the version check under a row lock (or the
 * insert of a new ticket), the ticket's row and its tag and link rows, the history, conversation
 * and outbox rows, and then the unit of work with the transaction exposed as a jOOQ
 * {@code DSLContext} and its JDBC {@code Connection}. The commit's writes are held back while the
 * unit of work runs and sent after it (before it, if it unwraps the transaction); on PostgreSQL
 * as one statement that also carries the {@code COMMIT} (see {@link JdbcTicketKit}), whose
 * failure is resolved by reading the ticket back like a failed {@code COMMIT}. Reads run in
 * auto-commit and see committed data only. Thread-safe: it keeps no connection between calls.
 */
final class JdbcTicketStore implements TicketStore, PersonalDataStore {

  private static final List<Field<?>> KEY = List.of(Tk.ID, Tk.TENANT_ID);
  private static final List<Field<?>> TENANT = List.of(Number.TENANT_ID);

  private final Database db;
  private final TicketWrites writes;
  private final JdbcOutbox outbox;
  private final PersonalDataRows personal;
  private final CopyOnWriteArrayList<ReadAlong> alongs = new CopyOnWriteArrayList<>();
  private final boolean rowLevelSecurity;

  JdbcTicketStore(Database db) {
    this(db, false);
  }

  /**
   * Creates the store.
   *
   * @param db the database
   * @param rowLevelSecurity whether every transaction names its tenant for PostgreSQL's
   *     row-level security policies (reads then run in a transaction too)
   */
  JdbcTicketStore(Database db, boolean rowLevelSecurity) {
    this.db = db;
    this.rowLevelSecurity = rowLevelSecurity;
    this.writes = new TicketWrites(db);
    this.outbox = new JdbcOutbox(db);
    this.personal = new PersonalDataRows(db, rowLevelSecurity);
  }

  /**
   * Sends a read along with the locked read of the ticket in every later commit: on PostgreSQL
   * in the same round trip (elsewhere the store that needs it reads it itself). A store of this
   * package registers the read it makes in every commit (the SLA store: the ticket's clocks)
   * the first time it makes it.
   */
  void readAlong(ReadAlong read) {
    if (db.kind() == DatabaseKind.POSTGRESQL) {
      alongs.addIfAbsent(read);
    }
  }

  /** Thrown inside a commit when a new ticket's id or number is taken; diagnosed afterwards. */
  private static final class Taken extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Taken(Exception cause) {
      super(cause);
    }
  }

  /** Thrown inside a commit when the tenant has no number counter yet; created, then retried. */
  private static final class NoCounter extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoCounter() {
      super(null, null, false, false);
    }
  }

  @Override
  public ChangeSet commit(ChangeSet changes, UnitOfWork work) {
    Objects.requireNonNull(changes, "changes");
    Objects.requireNonNull(work, "work");
    try {
      return attempt(changes, work);
    } catch (NoCounter e) {
      read("create the ticket number counter of tenant " + changes.tenant(), changes.tenant(),
          sql -> createCounter(sql, changes.tenant()));
      return attempt(changes, work);
    }
  }

  private ChangeSet attempt(ChangeSet changes, UnitOfWork work) {
    JdbcTransaction tx = new JdbcTransaction(this::readAlong);
    UUID commit = UUID.randomUUID();
    ChangeSet[] committed = new ChangeSet[1];
    try {
      return db.ticketTransaction(what(changes), sql -> {
        tenant(sql, changes.tenant());
        committed[0] = changes.isNewTicket()
            ? changes.numbered(nextNumber(db.shaped(), sql, changes.tenant())) : changes;
        finish(sql, tx, committed[0], writes(sql, tx, committed[0], commit), work);
        return committed[0];
      });
    } catch (Taken e) {
      tx.rollback(e);
      throw conflict(changes, e);
    } catch (Database.CommitFailedException e) {
      return resolve(committed[0], commit, e, tx);
    } catch (RuntimeException e) {
      tx.rollback(e);
      throw e;
    }
  }

  private static String what(ChangeSet changes) {
    return "commit ticket " + changes.ticketId() + " of tenant " + changes.tenant();
  }

  /**
   * Resolves a commit whose {@code COMMIT} failed in flight (on PostgreSQL: the statement that
   * carried the writes and the {@code COMMIT}): reads the ticket row back under a row lock
   * (which waits for a transaction still finishing) and compares the id of the commit that wrote
   * it last with this one's. A commit that did not take effect runs the unit of work's undo
   * actions, as any failed commit does; one whose outcome stays unknown runs none.
   */
  private ChangeSet resolve(ChangeSet committed, UUID commit, Database.CommitFailedException e,
      JdbcTransaction tx) {
    Ticket t = committed.ticket();
    UUID last;
    try {
      last = db.transaction("read back ticket " + t.id() + " after a failed commit",
          sql -> tenant(sql, t.tenant()).select(Tk.LAST_COMMIT).from(Tk.TABLE).where(Tk.TENANT_ID.eq(
              t.tenant().value())).and(Tk.ID.eq(t.id().value())).forUpdate()
              .fetchOptional(Tk.LAST_COMMIT).orElse(null));
    } catch (RuntimeException readBack) {
      readBack.addSuppressed(e.getCause());
      throw new TicketCommitUnknownException(t.tenant(), t.id(), t.version(), readBack);
    }
    if (commit.equals(last)) {
      return committed;
    }
    StorageException failed = new StorageException("cannot " + what(committed) + " ("
        + db.kind() + "): the commit failed and did not take effect; nothing was written",
        (Exception) e.getCause());
    tx.rollback(failed);
    throw failed;
  }

  /** Returns the writes of a commit; an update first reads the ticket under its lock. */
  private List<ShapedSql.Statement> writes(DSLContext sql, JdbcTransaction tx,
      ChangeSet changes, UUID commit) throws SQLException {
    if (changes.isNewTicket()) {
      return writes.insert(changes, commit);
    }
    Ticket t = changes.ticket();
    Ticket before = writes.lock(sql, t.tenant(), t.id(), alongs, tx);
    long actual = before == null ? 0 : before.version();
    if (before == null || actual != changes.expectedVersion()) {
      throw new TicketConflictException(t.tenant(), t.id(), changes.expectedVersion(), actual);
    }
    return writes.update(sql, before, changes, commit);
  }

  /**
   * Runs the unit of work with the commit's writes held back, then sends them together with
   * the writes the unit of work added (one statement on PostgreSQL, see
   * {@link JdbcTransaction}), on PostgreSQL with the transaction's {@code COMMIT} in the same
   * round trip. A new ticket whose id or number is taken throws {@link Taken} (the write failed,
   * so the server skipped the {@code COMMIT}); any other failure of writes sent with the
   * {@code COMMIT} may have come after the commit and throws
   * {@link Database.CommitFailedException}, which the caller resolves by reading back.
   */
  private void finish(DSLContext sql, JdbcTransaction tx, ChangeSet committed,
      List<ShapedSql.Statement> statements, UnitOfWork work) throws SQLException {
    tx.bind(sql, db.shaped());
    tx.defer(statements);
    try {
      work.run(committed, tx);
    } catch (JdbcTransaction.PendingWritesFailed e) {
      throw failed(committed, e.getCause());
    }
    boolean withCommit = tx.commitsWithWrites();
    try {
      tx.flushAndCommit();
    } catch (SQLException e) {
      SQLException refused = failed(committed, e);
      if (withCommit) {
        throw new Database.CommitFailedException(refused);
      }
      throw refused;
    }
  }

  private static SQLException failed(ChangeSet committed, SQLException e) {
    if (committed.isNewTicket() && SqlErrors.isUniqueViolation(e)) {
      throw new Taken(e);
    }
    return e;
  }

  @Override
  public Optional<ChangeSet> update(TenantId tenant, TicketId id, long expectedVersion,
      TicketChange change, UnitOfWork work) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(work, "work");
    JdbcTransaction tx = new JdbcTransaction(this::readAlong);
    UUID commit = UUID.randomUUID();
    ChangeSet[] committed = new ChangeSet[1];
    try {
      return Optional.ofNullable(db.ticketTransaction("change ticket " + id + " of tenant "
          + tenant, sql -> {
            Ticket before = writes.lock(tenant(sql, tenant), tenant, id, alongs, tx);
            if (before == null) {
              throw new TicketNotFoundException(tenant, id);
            }
            if (before.version() != expectedVersion) {
              throw new TicketConflictException(tenant, id, expectedVersion, before.version());
            }
            committed[0] = change.apply(before);
            if (committed[0] == null) {
              return null;
            }
            finish(sql, tx, committed[0], writes.update(sql, before, committed[0], commit),
                work);
            return committed[0];
          }));
    } catch (Database.CommitFailedException e) {
      if (committed[0] == null) {
        throw new StorageException("cannot read ticket " + id + " of tenant " + tenant + " ("
            + db.kind() + ")", (Exception) e.getCause());
      }
      return Optional.of(resolve(committed[0], commit, e, tx));
    } catch (RuntimeException e) {
      tx.rollback(e);
      throw e;
    }
  }

  /**
   * Reads in auto-commit; with row-level security, in a transaction that first names the tenant
   * (a setting local to the transaction, so a pooled connection carries no tenant to its next
   * user).
   */
  private <T> T read(String what, TenantId tenant, Database.Work<T> work) {
    if (!rowLevelSecurity) {
      return db.read(what, work);
    }
    return db.transaction(what, sql -> work.run(tenant(sql, tenant)));
  }

  /** Names the transaction's tenant for the row-level security policies, when they are used. */
  private DSLContext tenant(DSLContext sql, TenantId tenant) {
    if (rowLevelSecurity) {
      sql.fetch("select set_config('ticketkit.tenant', ?, true)", tenant.value());
    }
    return sql;
  }

  /** A new ticket's id is taken in its tenant: a conflict with the ticket that has it. */
  private TicketKitException conflict(ChangeSet changes, Taken e) {
    Ticket t = changes.ticket();
    Long actual = read("read ticket " + t.id(), t.tenant(), sql -> sql.select(Tk.VERSION).from(Tk.TABLE)
        .where(Tk.TENANT_ID.eq(t.tenant().value())).and(Tk.ID.eq(t.id().value()))
        .fetchOne(Tk.VERSION));
    TicketConflictException conflict = new TicketConflictException(t.tenant(), t.id(),
        ChangeSet.NEW_TICKET, actual == null ? 0 : actual);
    conflict.initCause(e.getCause());
    return conflict;
  }

  @Override
  public Optional<Ticket> get(TenantId tenant, TicketId id) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    ShapedSql shaped = db.shaped();
    return read("read ticket " + id + " of tenant " + tenant, tenant, sql -> shaped.query(
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
    List<Ticket> rows = read("query tickets of tenant " + tenant, tenant, sql -> sql.select(Tk.ALL)
        .from(Tk.TABLE).where(TicketConditions.filter(tenant, query))
        .and(TicketConditions.after(query)).orderBy(TicketConditions.order(query))
        .limit(query.limit() + 1).fetch(r -> TicketRows.ticket(r::get)));
    if (rows.size() <= query.limit()) {
      return new Page<>(rows, null);
    }
    List<Ticket> items = rows.subList(0, query.limit());
    return new Page<>(items, PageCursor.after(items.get(items.size() - 1).number()));
  }

  /**
   * {@inheritDoc}
   *
   * <p>One index range: {@code tk_ticket_follow_up} (agent) or {@code tk_ticket_tier_follow_up}
   * (tier), partial on the open categories on PostgreSQL (the categories are inlined so that the
   * planner matches the index's predicate).
   */
  @Override
  public List<Ticket> followUps(TenantId tenant, FollowUpQuery query) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(query, "query");
    return db.read("read the follow-ups of tenant " + tenant,
        sql -> followUpQuery(sql, tenant, query).fetch(r -> TicketRows.ticket(r::get)));
  }

  /** The follow-up ledger's query, as {@link #followUps} runs it (and the plan test explains it). */
  static org.jooq.ResultQuery<Record> followUpQuery(DSLContext sql, TenantId tenant,
      FollowUpQuery query) {
    org.jooq.Condition who = query.assignee() != null
        ? Tk.ASSIGNEE.eq(query.assignee().value()) : Tk.TIER.eq(query.tier().level());
    org.jooq.Condition after = query.afterUpdatedAt() == null ? DSL.noCondition()
        : DSL.row(Tk.REQUESTER_UPDATED_AT, Tk.NUMBER)
            .gt(query.afterUpdatedAt(), query.afterNumber());
    return sql.select(Tk.ALL).from(Tk.TABLE).where(Tk.TENANT_ID.eq(tenant.value())).and(who)
        .and(Tk.STATUS_CATEGORY.in(DSL.inline("NEW"), DSL.inline("OPEN"), DSL.inline("PENDING")))
        .and(after).orderBy(Tk.REQUESTER_UPDATED_AT, Tk.NUMBER).limit(query.limit());
  }

  @Override
  public long count(TenantId tenant, TicketQuery query) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(query, "query");
    return read("count tickets of tenant " + tenant, tenant, sql -> sql.fetchCount(
        sql.selectOne().from(Tk.TABLE).where(TicketConditions.filter(tenant, query))));
  }

  @Override
  public List<HistoryEntry> history(TenantId tenant, TicketId id) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    return read("read the history of ticket " + id, tenant, sql -> sql.select(
            History.TICKET_VERSION,
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
    return read("read the conversation of ticket " + id, tenant, sql -> sql.select(
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

  /** Reads the histories of a page of tickets in one statement (erasure plans from them). */
  @Override
  public Map<TicketId, List<HistoryEntry>> histories(TenantId tenant, List<TicketId> tickets) {
    Objects.requireNonNull(tenant, "tenant");
    Map<UUID, TicketId> ids = byValue(tickets);
    Map<TicketId, List<HistoryEntry>> out = emptyLists(tickets);
    if (ids.isEmpty()) {
      return out;
    }
    Field<?>[] columns = {History.TICKET_ID, History.TICKET_VERSION, History.POSITION,
        History.ACTOR, History.AT, History.ACTION, History.FIELD, History.BEFORE_VALUE,
        History.AFTER_VALUE};
    read("read the history of " + ids.size() + " tickets", tenant, sql -> (
        db.kind() == DatabaseKind.POSTGRESQL
            ? pageByKey(sql, "tk_ticket_history", columns, tenant, ids.keySet())
            : sql.select(columns).from(History.TABLE)
                .where(History.TENANT_ID.eq(tenant.value()))
                .and(History.TICKET_ID.in(ids.keySet()))
                .orderBy(History.TICKET_ID, History.TICKET_VERSION, History.POSITION))
        .fetch(r -> {
          TicketId id = ids.get(r.get(History.TICKET_ID));
          out.get(id).add(new HistoryEntry(tenant, id, r.get(History.TICKET_VERSION),
              r.get(History.POSITION), Actor.parse(r.get(History.ACTOR)), r.get(History.AT),
              HistoryAction.valueOf(r.get(History.ACTION)), r.get(History.FIELD),
              r.get(History.BEFORE_VALUE), r.get(History.AFTER_VALUE)));
          return null;
        }));
    return out;
  }

  /** Reads the conversations of a page of tickets in one statement (erasure plans from them). */
  @Override
  public Map<TicketId, List<ConversationEntry>> conversations(TenantId tenant,
      List<TicketId> tickets) {
    Objects.requireNonNull(tenant, "tenant");
    Map<UUID, TicketId> ids = byValue(tickets);
    Map<TicketId, List<ConversationEntry>> out = emptyLists(tickets);
    if (ids.isEmpty()) {
      return out;
    }
    Field<?>[] columns = {Conversation.TICKET_ID, Conversation.TICKET_VERSION,
        Conversation.VISIBILITY, Conversation.AUTHOR, Conversation.CHANNEL, Conversation.AT,
        Conversation.BODY, Conversation.ATTACHMENTS};
    read("read the conversation of " + ids.size() + " tickets", tenant, sql -> (
        db.kind() == DatabaseKind.POSTGRESQL
            ? pageByKey(sql, "tk_ticket_conversation", columns, tenant, ids.keySet())
            : sql.select(columns).from(Conversation.TABLE)
                .where(Conversation.TENANT_ID.eq(tenant.value()))
                .and(Conversation.TICKET_ID.in(ids.keySet()))
                .orderBy(Conversation.TICKET_ID, Conversation.TICKET_VERSION,
                    Conversation.POSITION))
        .fetch(r -> {
          TicketId id = ids.get(r.get(Conversation.TICKET_ID));
          out.get(id).add(new ConversationEntry(tenant, id, r.get(Conversation.TICKET_VERSION),
              Visibility.valueOf(r.get(Conversation.VISIBILITY)),
              Actor.parse(r.get(Conversation.AUTHOR)), Channel.of(r.get(Conversation.CHANNEL)),
              r.get(Conversation.AT), r.get(Conversation.BODY),
              TicketJson.attachments(r.get(Conversation.ATTACHMENTS))));
          return null;
        }));
    return out;
  }

  /**
   * PostgreSQL: the rows of a page of tickets of a per-ticket table (primary key tenant_id,
   * ticket_id, ticket_version, position), read ticket by ticket through the primary key. A plain
   * {@code ticket_id IN (...)} was planned, on tables without statistics, as a scan of the
   * tenant's whole range with the list as a filter (150,000 rows read for 1,200 returned, per
   * page of an erasure); the lateral join over the array leaves the planner only key lookups.
   */
  private static ResultQuery<Record> pageByKey(DSLContext sql, String table, Field<?>[] columns,
      TenantId tenant, java.util.Set<UUID> tickets) {
    StringBuilder select = new StringBuilder("select ");
    for (int i = 0; i < columns.length; i++) {
      select.append(i == 0 ? "" : ", ").append("x.").append(columns[i].getName());
    }
    // jOOQ binds the UUID[] as a uuid[] (it renders the cast itself)
    select.append(" from unnest(?) as q(id) cross join lateral (select * from ")
        .append(table).append(" t where t.tenant_id = ? and t.ticket_id = q.id) x")
        .append(" order by x.ticket_id, x.ticket_version, x.position");
    return sql.resultQuery(select.toString(), tickets.toArray(new UUID[0]), tenant.value())
        .coerce(columns);
  }

  private static Map<UUID, TicketId> byValue(List<TicketId> tickets) {
    Map<UUID, TicketId> ids = new java.util.LinkedHashMap<>();
    tickets.forEach(t -> ids.put(Objects.requireNonNull(t, "ticket").value(), t));
    return ids;
  }

  private static <T> Map<TicketId, List<T>> emptyLists(List<TicketId> tickets) {
    Map<TicketId, List<T>> out = new java.util.LinkedHashMap<>();
    tickets.forEach(t -> out.put(t, new ArrayList<>()));
    return out;
  }

  @Override
  public boolean erase(TenantId tenant, TicketId id, long expectedVersion, Erasure erasure) {
    return personal.erase(tenant, id, expectedVersion, erasure);
  }

  @Override
  public int retain(TenantId tenant, Instant closedBefore, int limit, boolean purge,
      Function<TicketId, Erasure> plan) {
    return personal.retain(tenant, closedBefore, limit, purge, plan);
  }

  @Override
  public void record(ErasureRecord record) {
    personal.record(record);
  }

  @Override
  public List<ErasureRecord> erasures(TenantId tenant) {
    return personal.erasures(tenant);
  }

  @Override
  public dev.ticketkit.core.outbox.Outbox outbox() {
    return outbox;
  }

  /** Increments the tenant's counter inside the commit's transaction. */
  private long nextNumber(ShapedSql shaped, DSLContext sql, TenantId tenant)
      throws SQLException {
    Connection c = Database.connection(sql);
    if (db.kind() != DatabaseKind.MARIADB) {
      // One round trip: UPDATE ... RETURNING (PostgreSQL), FINAL TABLE (H2).
      Long number = shaped.query(c, "incrementNumberReturning", () -> sql.update(Number.TABLE)
              .set(Number.LAST_NUMBER, Number.LAST_NUMBER.plus(DSL.inline(1L)))
              .where(Number.TENANT_ID.eq(ShapedSql.param(Number.TENANT_ID)))
              .returning(Number.LAST_NUMBER),
          TENANT, List.of(tenant.value()), rs -> rs.next() ? rs.getLong(1) : null);
      if (number == null) {
        throw new NoCounter();
      }
      return number;
    }
    int updated = shaped.execute(c, "incrementNumber", () -> sql.update(Number.TABLE)
            .set(Number.LAST_NUMBER, Number.LAST_NUMBER.plus(DSL.inline(1L)))
            .where(Number.TENANT_ID.eq(ShapedSql.param(Number.TENANT_ID))),
        TENANT, List.of(tenant.value()));
    if (updated == 0) {
      throw new NoCounter();
    }
    return shaped.query(c, "readNumber", () -> sql
            .select(Number.LAST_NUMBER).from(Number.TABLE)
            .where(Number.TENANT_ID.eq(ShapedSql.param(Number.TENANT_ID))),
        TENANT, List.of(tenant.value()), rs -> {
          rs.next();
          return rs.getLong(1);
        });
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

}
