package dev.ticketkit.jdbc;

import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketConflictException;
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
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * The statements of one ticket commit, run inside the store's transaction: the version check
 * (a row lock), the ticket row, its tag and link rows, and the history, conversation and outbox
 * rows.
 *
 * <p>An update locks the ticket row with {@code select ... for update} and compares versions, so
 * concurrent writers of one ticket queue on the lock and all but the first see a newer version
 * and get {@link TicketConflictException}. Tag and link rows change only where the snapshot's
 * tags and links differ from the stored ones. Every multi-row append is one statement. The
 * statements are built with jOOQ once per shape and run by {@link ShapedSql}. Thread-safe.
 */
final class TicketWrites {

  private static final List<Field<?>> LOCK_KEY = List.of(Tk.ID, Tk.TENANT_ID);

  private final DatabaseKind kind;
  private final ShapedSql shaped;

  TicketWrites(Database db) {
    this.kind = db.kind();
    this.shaped = db.shaped();
  }

  /** Inserts a new ticket's row and its tag and link rows. */
  void insertTicket(DSLContext sql, Ticket t, UUID commit) throws SQLException {
    Map<Field<?>, Object> values = TicketRows.values(kind, t);
    values.put(Tk.ID, t.id().value());
    values.put(Tk.LAST_COMMIT, commit);
    insert(sql, Tk.TABLE, List.of(values));
    insert(sql, TicketTables.Tag.TABLE, t.tags().stream().map(g -> tagRow(t, g)).toList());
    insert(sql, Link.TABLE, t.links().stream().map(l -> linkRow(t, l)).toList());
  }

  /**
   * Checks the stored version under a row lock and updates the ticket's row, tags and links.
   *
   * @throws TicketConflictException if the ticket is absent in the tenant or has another version
   */
  void updateTicket(DSLContext sql, ChangeSet changes, UUID commit) throws SQLException {
    Ticket t = changes.ticket();
    Locked stored = shaped.query(Database.connection(sql), "lockTicket",
        () -> sql.select(Tk.VERSION, Tk.TAGS, Tk.LINKS).from(Tk.TABLE)
            .where(Tk.ID.eq(ShapedSql.param(Tk.ID)))
            .and(Tk.TENANT_ID.eq(ShapedSql.param(Tk.TENANT_ID))).forUpdate(),
        LOCK_KEY, List.of(t.id().value(), t.tenant().value()),
        rs -> rs.next() ? new Locked(rs.getLong(1), rs.getString(2), rs.getString(3)) : null);
    long actual = stored == null ? 0 : stored.version();
    if (stored == null || actual != changes.expectedVersion()) {
      throw new TicketConflictException(t.tenant(), t.id(), changes.expectedVersion(), actual);
    }
    Map<Field<?>, Object> values = TicketRows.values(kind, t);
    values.put(Tk.LAST_COMMIT, commit);
    shaped.update(Database.connection(sql), Tk.TABLE, values, LOCK_KEY,
        List.of(t.id().value(), t.tenant().value()));
    syncTags(sql, t, TicketJson.tags(stored.tags()));
    syncLinks(sql, t, TicketJson.links(stored.links()));
  }

  /** The stored version, tags and links of a locked ticket row. */
  private record Locked(long version, String tags, String links) {}

  private void syncTags(DSLContext sql, Ticket t, Set<Tag> before) throws SQLException {
    List<String> removed = before.stream().filter(g -> !t.tags().contains(g))
        .map(Tag::value).toList();
    if (!removed.isEmpty()) {
      sql.deleteFrom(TicketTables.Tag.TABLE)
          .where(TicketTables.Tag.TENANT_ID.eq(t.tenant().value()))
          .and(TicketTables.Tag.TICKET_ID.eq(t.id().value()))
          .and(TicketTables.Tag.TAG.in(removed)).execute();
    }
    insert(sql, TicketTables.Tag.TABLE, t.tags().stream().filter(g -> !before.contains(g))
        .map(g -> tagRow(t, g)).toList());
  }

  private void syncLinks(DSLContext sql, Ticket t, List<TicketLink> before)
      throws SQLException {
    Set<TicketLink> now = new HashSet<>(t.links());
    for (TicketLink gone : before) {
      if (!now.contains(gone)) {
        sql.deleteFrom(Link.TABLE).where(Link.TENANT_ID.eq(t.tenant().value()))
            .and(Link.TICKET_ID.eq(t.id().value()))
            .and(Link.LINK_TYPE.eq(gone.type().name()))
            .and(Link.TARGET_ID.eq(gone.target().value())).execute();
      }
    }
    Set<TicketLink> old = new HashSet<>(before);
    insert(sql, Link.TABLE, t.links().stream().filter(l -> !old.contains(l))
        .map(l -> linkRow(t, l)).toList());
  }

  /** Appends the change set's history, conversation and outbox rows. */
  void appendRows(DSLContext sql, ChangeSet changes) throws SQLException {
    insert(sql, History.TABLE, changes.history().stream().map(this::historyRow).toList());
    List<Map<Field<?>, Object>> rows = new ArrayList<>();
    List<ConversationEntry> conversation = changes.conversation();
    for (int i = 0; i < conversation.size(); i++) {
      rows.add(conversationRow(conversation.get(i), i));
    }
    insert(sql, Conversation.TABLE, rows);
    rows = new ArrayList<>();
    List<TicketEvent> events = changes.events();
    for (int i = 0; i < events.size(); i++) {
      rows.add(outboxRow(events.get(i), i));
    }
    insert(sql, Outbox.TABLE, rows);
  }

  private void insert(DSLContext sql, Table<Record> table, List<Map<Field<?>, Object>> rows)
      throws SQLException {
    shaped.insert(Database.connection(sql), table, rows);
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
