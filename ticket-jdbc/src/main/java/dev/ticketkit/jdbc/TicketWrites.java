package dev.ticketkit.jdbc;

import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketLink;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.outbox.OutboxMessage;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.jdbc.internal.Database;
import dev.ticketkit.jdbc.internal.EventJson;
import dev.ticketkit.jdbc.internal.ShapedSql;
import dev.ticketkit.jdbc.internal.TicketJson;
import dev.ticketkit.jdbc.internal.TicketRows;
import dev.ticketkit.jdbc.internal.TicketTables;
import dev.ticketkit.jdbc.internal.TicketTables.Conversation;
import dev.ticketkit.jdbc.internal.TicketTables.History;
import dev.ticketkit.jdbc.internal.TicketTables.Link;
import dev.ticketkit.jdbc.internal.TicketTables.Outbox;
import dev.ticketkit.jdbc.internal.TicketTables.Tk;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jspecify.annotations.Nullable;

/**
 * The statements of one ticket commit, run inside the store's transaction: the locked read of
 * the ticket row, then its writes (the ticket row with only its changed columns, its tag and link
 * rows, and the history, conversation and outbox rows), which the store sends together with the
 * writes of the commit's unit of work (see {@code JdbcTransaction}).
 *
 * <p>The version is checked in the locked read ({@code select ... for update} on the primary key
 * {@code (tenant_id, id)}), so concurrent writers of one ticket queue on the lock and all but the
 * first see a newer version. Tag and link rows change only where the tags and links changed.
 * The writes touch disjoint rows, so on PostgreSQL they are sent as ONE statement
 * (data-modifying {@code WITH} queries, see {@link ShapedSql#executeAll}, with the
 * transaction's {@code COMMIT} after them, see {@link ShapedSql#executeAllAndCommit});
 * elsewhere one statement each, every multi-row append one statement. Statements are built with jOOQ once per shape. Thread-safe.
 */
final class TicketWrites {

  private static final List<Field<?>> KEY = List.of(Tk.TENANT_ID, Tk.ID);

  private final DatabaseKind kind;
  private final ShapedSql shaped;

  TicketWrites(Database db) {
    this.kind = db.kind();
    this.shaped = db.shaped();
  }

  /**
   * Reads a ticket's row under a lock inside the commit's transaction; on PostgreSQL the reads
   * other stores registered ({@link ReadAlong}) go in the same round trip, their results into
   * the transaction.
   *
   * @return the ticket, or null if the tenant has no such ticket
   */
  @Nullable Ticket lock(DSLContext sql, TenantId tenant, TicketId id, List<ReadAlong> alongs,
      JdbcTransaction tx) throws SQLException {
    ShapedSql.Statement lock = shaped.statement("lockTicket",
        () -> sql.select(Tk.ALL).from(Tk.TABLE)
            .where(Tk.TENANT_ID.eq(ShapedSql.param(Tk.TENANT_ID)))
            .and(Tk.ID.eq(ShapedSql.param(Tk.ID))).forUpdate(),
        KEY, List.of(tenant.value(), id.value()));
    if (kind != DatabaseKind.POSTGRESQL || alongs.isEmpty()) {
      return shaped.query(Database.connection(sql), lock,
          rs -> rs.next() ? TicketRows.ticket(shaped.row(rs, Tk.ALL)::get) : null);
    }
    List<ShapedSql.Statement> all = new ArrayList<>(List.of(lock));
    alongs.forEach(a -> all.add(a.query(tenant, id)));
    Ticket[] locked = new Ticket[1];
    shaped.queryTogether(Database.connection(sql), all, (n, rs) -> {
      if (n == 0) {
        locked[0] = rs.next() ? TicketRows.ticket(shaped.row(rs, Tk.ALL)::get) : null;
      } else {
        tx.prefetched(alongs.get(n - 1), alongs.get(n - 1).read(sql, tenant, id, rs));
      }
    });
    return locked[0];
  }

  /** Returns the writes of a new ticket with its rows. */
  List<ShapedSql.Statement> insert(ChangeSet changes, UUID commit) {
    Ticket t = changes.ticket();
    Map<Field<?>, Object> values = TicketRows.values(kind, t);
    values.put(Tk.ID, t.id().value());
    values.put(Tk.LAST_COMMIT, commit);
    List<ShapedSql.Statement> all = new ArrayList<>();
    all.add(shaped.insertStatement(Tk.TABLE, List.of(values)));
    add(all, TicketTables.Tag.TABLE, t.tags().stream().map(g -> tagRow(t, g)).toList());
    add(all, Link.TABLE, t.links().stream().map(l -> linkRow(t, l)).toList());
    appendRows(all, changes);
    return all;
  }

  /**
   * Returns the writes of a change of a ticket read under the lock: only the columns that
   * changed (the version always does) and the commit id, the tag and link rows that changed,
   * and the appended rows.
   */
  List<ShapedSql.Statement> update(DSLContext sql, Ticket before, ChangeSet changes,
      UUID commit) {
    Ticket t = changes.ticket();
    // compared by position: only the changed columns are hashed into the map
    @Nullable Object[] old = TicketRows.row(before);
    @Nullable Object[] now = TicketRows.row(t);
    Map<Field<?>, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < now.length; i++) {
      if (Tk.ALL[i] != Tk.ID && !Objects.equals(old[i], now[i])) {
        values.put(Tk.ALL[i], now[i]);
      }
    }
    values.put(Tk.LAST_COMMIT, commit);
    List<ShapedSql.Statement> all = new ArrayList<>();
    all.add(shaped.updateStatement(Tk.TABLE, values, KEY,
        List.of(t.tenant().value(), t.id().value())));
    tags(sql, all, t, before.tags());
    links(sql, all, t, before.links());
    appendRows(all, changes);
    return all;
  }

  private void tags(DSLContext sql, List<ShapedSql.Statement> all, Ticket t, Set<Tag> before) {
    List<Tag> removed = before.stream().filter(g -> !t.tags().contains(g)).toList();
    if (!removed.isEmpty()) {
      List<Field<?>> columns = new ArrayList<>(List.of(TicketTables.Tag.TENANT_ID,
          TicketTables.Tag.TICKET_ID));
      List<Object> values = new ArrayList<>(List.of(t.tenant().value(), t.id().value()));
      removed.forEach(g -> {
        columns.add(TicketTables.Tag.TAG);
        values.add(g.value());
      });
      all.add(shaped.statement(List.of("deleteTags", removed.size()), () -> sql
          .deleteFrom(TicketTables.Tag.TABLE)
          .where(TicketTables.Tag.TENANT_ID.eq(ShapedSql.param(TicketTables.Tag.TENANT_ID)))
          .and(TicketTables.Tag.TICKET_ID.eq(ShapedSql.param(TicketTables.Tag.TICKET_ID)))
          .and(TicketTables.Tag.TAG.in(removed.stream()
              .map(g -> ShapedSql.param(TicketTables.Tag.TAG)).toList())), columns, values));
    }
    add(all, TicketTables.Tag.TABLE, t.tags().stream().filter(g -> !before.contains(g))
        .map(g -> tagRow(t, g)).toList());
  }

  private void links(DSLContext sql, List<ShapedSql.Statement> all, Ticket t, List<TicketLink> before) {
    Set<TicketLink> now = new HashSet<>(t.links());
    List<Field<?>> keyColumns = List.of(Link.TENANT_ID, Link.TICKET_ID, Link.LINK_TYPE,
        Link.TARGET_ID);
    for (TicketLink gone : before) {
      if (!now.contains(gone)) {
        all.add(shaped.statement("deleteLink", () -> sql.deleteFrom(Link.TABLE)
                .where(Link.TENANT_ID.eq(ShapedSql.param(Link.TENANT_ID)))
                .and(Link.TICKET_ID.eq(ShapedSql.param(Link.TICKET_ID)))
                .and(Link.LINK_TYPE.eq(ShapedSql.param(Link.LINK_TYPE)))
                .and(Link.TARGET_ID.eq(ShapedSql.param(Link.TARGET_ID))), keyColumns,
            List.of(t.tenant().value(), t.id().value(), gone.type().name(),
                gone.target().value())));
      }
    }
    Set<TicketLink> old = new HashSet<>(before);
    add(all, Link.TABLE, t.links().stream().filter(l -> !old.contains(l))
        .map(l -> linkRow(t, l)).toList());
  }

  /** Adds the change set's history, conversation and outbox rows. */
  private void appendRows(List<ShapedSql.Statement> all, ChangeSet changes) {
    add(all, History.TABLE, changes.history().stream().map(this::historyRow).toList());
    List<Map<Field<?>, Object>> rows = new ArrayList<>();
    List<ConversationEntry> conversation = changes.conversation();
    for (int i = 0; i < conversation.size(); i++) {
      rows.add(conversationRow(conversation.get(i), i));
    }
    add(all, Conversation.TABLE, rows);
    rows = new ArrayList<>();
    List<TicketEvent> events = changes.events();
    for (int i = 0; i < events.size(); i++) {
      rows.add(outboxRow(events.get(i), i));
    }
    add(all, Outbox.TABLE, rows);
  }

  private void add(List<ShapedSql.Statement> all, Table<Record> table,
      List<Map<Field<?>, Object>> rows) {
    if (!rows.isEmpty()) {
      all.add(shaped.insertStatement(table, rows));
    }
  }

  private static Map<Field<?>, Object> tagRow(Ticket t, Tag tag) {
    Map<Field<?>, Object> r = new LinkedHashMap<>();
    r.put(TicketTables.Tag.TICKET_ID, t.id().value());
    r.put(TicketTables.Tag.TAG, tag.value());
    r.put(TicketTables.Tag.TENANT_ID, t.tenant().value());
    return r;
  }

  private static Map<Field<?>, Object> linkRow(Ticket t, TicketLink link) {
    Map<Field<?>, Object> r = new LinkedHashMap<>();
    r.put(Link.TICKET_ID, t.id().value());
    r.put(Link.LINK_TYPE, link.type().name());
    r.put(Link.TARGET_ID, link.target().value());
    r.put(Link.TENANT_ID, t.tenant().value());
    return r;
  }

  private Map<Field<?>, Object> historyRow(HistoryEntry e) {
    Map<Field<?>, Object> r = new LinkedHashMap<>();
    r.put(History.TICKET_ID, e.ticketId().value());
    r.put(History.TICKET_VERSION, e.ticketVersion());
    r.put(History.POSITION, e.position());
    r.put(History.TENANT_ID, e.tenant().value());
    r.put(History.ACTOR, e.actor().toString());
    r.put(History.AT, e.at());
    r.put(History.ACTION, e.action().name());
    r.put(History.FIELD, e.field());
    r.put(History.BEFORE_VALUE, e.before());
    r.put(History.AFTER_VALUE, e.after());
    return r;
  }

  private Map<Field<?>, Object> conversationRow(ConversationEntry e, int position) {
    Map<Field<?>, Object> r = new LinkedHashMap<>();
    r.put(Conversation.TICKET_ID, e.ticketId().value());
    r.put(Conversation.TICKET_VERSION, e.ticketVersion());
    r.put(Conversation.POSITION, position);
    r.put(Conversation.TENANT_ID, e.tenant().value());
    r.put(Conversation.VISIBILITY, e.visibility().name());
    r.put(Conversation.AUTHOR, e.author().toString());
    r.put(Conversation.CHANNEL, e.channel().code());
    r.put(Conversation.AT, e.at());
    r.put(Conversation.BODY, e.body());
    r.put(Conversation.ATTACHMENTS, new ShapedSql.Json(TicketJson.attachments(e.attachments())));
    return r;
  }

  private Map<Field<?>, Object> outboxRow(TicketEvent e, int position) {
    Map<Field<?>, Object> r = new LinkedHashMap<>();
    r.put(Outbox.TENANT_ID, e.tenant().value());
    r.put(Outbox.TICKET_ID, e.ticketId().value());
    r.put(Outbox.TICKET_VERSION, e.ticketVersion());
    r.put(Outbox.POSITION, position);
    r.put(Outbox.EVENT_TYPE, e.getClass().getSimpleName());
    r.put(Outbox.IDEMPOTENCY_KEY, idempotencyKey(e, position));
    r.put(Outbox.PAYLOAD, new ShapedSql.Json(EventJson.write(e)));
    r.put(Outbox.OCCURRED_AT, e.at());
    return r;
  }

  /**
   * Returns an event's idempotency key: {@code tenant/ticketId:ticketVersion:position}, unique
   * because a ticket id is unique within its tenant, and the same on every delivery.
   */
  static String idempotencyKey(TicketEvent e, int position) {
    return OutboxMessage.key(e, position);
  }
}
