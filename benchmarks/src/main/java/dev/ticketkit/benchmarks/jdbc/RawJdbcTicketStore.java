package dev.ticketkit.benchmarks.jdbc;

import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketConflictException;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketLink;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.core.store.StoredColumn;
import dev.ticketkit.core.store.StoredTicket;
import dev.ticketkit.core.store.TransactionContext;
import dev.ticketkit.core.store.UnitOfWork;
import dev.ticketkit.core.store.Page;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.jdbc.internal.EventJson;
import dev.ticketkit.jdbc.internal.TicketJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The baseline: a hand-written raw-JDBC ticket store for PostgreSQL that runs the very statements
 * of the jOOQ store, in the same transactions, on the same tables (JSON built with the same
 * codecs). Only what a lifecycle needs is implemented: commit, get and number allocation.
 * Not part of the library. Thread-safe as far as its data source is.
 */
final class RawJdbcTicketStore implements TicketStore {

  private static final String COLUMNS = "tenant_id, number, version, requester_id, requester,"
      + " channel, subject, description, scenario, error_message, reproduction_steps,"
      + " attachments, account_reference, category, priority, status, status_category,"
      + " return_status, status_changed_at, accepted_by, assignee, tier, tags, custom_fields,"
      + " links, rating_satisfaction, rating_comment, resolution_summary, cycle, created_at,"
      + " updated_at";
  private static final String INSERT = "insert into tk_ticket (" + COLUMNS + ", id) values (?, ?,"
      + " ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb,"
      + " ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)";
  private static final String UPDATE = "update tk_ticket set tenant_id = ?, number = ?,"
      + " version = ?, requester_id = ?, requester = ?::jsonb, channel = ?, subject = ?,"
      + " description = ?, scenario = ?, error_message = ?, reproduction_steps = ?,"
      + " attachments = ?::jsonb, account_reference = ?, category = ?, priority = ?, status = ?,"
      + " status_category = ?, return_status = ?, status_changed_at = ?, accepted_by = ?,"
      + " assignee = ?, tier = ?, tags = ?::jsonb, custom_fields = ?::jsonb, links = ?::jsonb,"
      + " rating_satisfaction = ?, rating_comment = ?, resolution_summary = ?, cycle = ?,"
      + " created_at = ?, updated_at = ? where id = ?";

  private final DataSource dataSource;

  RawJdbcTicketStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public ChangeSet commit(ChangeSet changes, UnitOfWork work) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        ChangeSet committed = changes.isNewTicket()
            ? changes.numbered(nextNumber(c, changes.tenant())) : changes;
        write(c, committed);
        work.run(committed, new TransactionContext() {
          @Override
          public <T> Optional<T> unwrap(Class<T> type) {
            return type == Connection.class ? Optional.of(type.cast(c)) : Optional.empty();
          }

          @Override
          public void onRollback(Runnable undo) {}
        });
        c.commit();
        return committed;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void write(Connection c, ChangeSet changes) throws SQLException {
    Ticket t = changes.ticket();
    if (changes.isNewTicket()) {
      try (PreparedStatement s = c.prepareStatement(INSERT)) {
        bindTicket(s, t);
        s.setObject(32, t.id().value());
        s.executeUpdate();
      }
      insertTags(c, t, t.tags());
      insertLinks(c, t, t.links());
    } else {
      update(c, changes);
    }
    insertHistory(c, changes.history());
    insertConversation(c, changes.conversation());
    insertOutbox(c, changes.events());
  }

  private void update(Connection c, ChangeSet changes) throws SQLException {
    Ticket t = changes.ticket();
    Set<Tag> oldTags;
    List<TicketLink> oldLinks;
    try (PreparedStatement s = c.prepareStatement("select tk_ticket.version, tk_ticket.tags,"
        + " tk_ticket.links from tk_ticket where (tk_ticket.id = ? and tk_ticket.tenant_id = ?)"
        + " for update")) {
      s.setObject(1, t.id().value());
      s.setString(2, t.tenant().value());
      try (ResultSet rs = s.executeQuery()) {
        long actual = rs.next() ? rs.getLong(1) : 0;
        if (actual == 0 || actual != changes.expectedVersion()) {
          throw new TicketConflictException(t.tenant(), t.id(), changes.expectedVersion(), actual);
        }
        oldTags = TicketJson.tags(rs.getString(2));
        oldLinks = TicketJson.links(rs.getString(3));
      }
    }
    try (PreparedStatement s = c.prepareStatement(UPDATE)) {
      bindTicket(s, t);
      s.setObject(32, t.id().value());
      s.executeUpdate();
    }
    Set<Tag> added = new HashSet<>(t.tags());
    added.removeAll(oldTags);
    if (!oldTags.stream().allMatch(t.tags()::contains) || !oldLinks.equals(t.links())) {
      throw new UnsupportedOperationException("the benchmark lifecycle changes no tags or links");
    }
    insertTags(c, t, added);
  }

  private static void bindTicket(PreparedStatement s, Ticket t) throws SQLException {
    int i = 1;
    s.setString(i++, t.tenant().value());
    s.setLong(i++, t.number());
    s.setLong(i++, t.version());
    s.setString(i++, t.requester().id());
    s.setString(i++, TicketJson.requester(t.requester()));
    s.setString(i++, t.channel().code());
    s.setString(i++, t.subject());
    s.setString(i++, t.description());
    s.setString(i++, t.scenario());
    s.setString(i++, t.errorMessage());
    s.setString(i++, t.reproductionSteps());
    s.setString(i++, TicketJson.attachments(t.attachments()));
    s.setString(i++, t.accountReference());
    s.setString(i++, t.category() == null ? null : t.category().toString());
    s.setString(i++, t.priority().name());
    s.setString(i++, t.status().name());
    s.setString(i++, t.status().category().name());
    s.setString(i++, t.returnStatus() == null ? null : t.returnStatus().toString());
    s.setObject(i++, utc(t.statusChangedAt()));
    s.setString(i++, t.acceptedBy() == null ? null : t.acceptedBy().value());
    s.setString(i++, t.assignee() == null ? null : t.assignee().value());
    s.setInt(i++, t.tier().level());
    s.setString(i++, TicketJson.tags(t.tags()));
    s.setString(i++, TicketJson.customFields(t.customFields()));
    s.setString(i++, TicketJson.links(t.links()));
    s.setString(i++, t.rating() == null ? null : t.rating().satisfaction().name());
    s.setString(i++, t.rating() == null ? null : t.rating().comment());
    s.setString(i++, t.resolutionSummary());
    s.setInt(i++, t.cycle());
    s.setObject(i++, utc(t.createdAt()));
    s.setObject(i, utc(t.updatedAt()));
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  private static void insertTags(Connection c, Ticket t, Set<Tag> tags) throws SQLException {
    if (tags.isEmpty()) {
      return;
    }
    StringBuilder sql = new StringBuilder("insert into tk_ticket_tag (ticket_id, tag, tenant_id)"
        + " values ");
    sql.append("(?, ?, ?), ".repeat(tags.size()));
    try (PreparedStatement s = c.prepareStatement(sql.substring(0, sql.length() - 2))) {
      int i = 1;
      for (Tag tag : tags) {
        s.setObject(i++, t.id().value());
        s.setString(i++, tag.value());
        s.setString(i++, t.tenant().value());
      }
      s.executeUpdate();
    }
  }

  private static void insertLinks(Connection c, Ticket t, List<TicketLink> links)
      throws SQLException {
    if (!links.isEmpty()) {
      throw new UnsupportedOperationException("the benchmark lifecycle has no links");
    }
  }

  private static void insertHistory(Connection c, List<HistoryEntry> history)
      throws SQLException {
    String sql = "insert into tk_ticket_history (ticket_id, ticket_version, position, tenant_id,"
        + " actor, at, action, field, before_value, after_value) values "
        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?), ".repeat(history.size());
    try (PreparedStatement s = c.prepareStatement(sql.substring(0, sql.length() - 2))) {
      int i = 1;
      for (HistoryEntry e : history) {
        s.setObject(i++, e.ticketId().value());
        s.setLong(i++, e.ticketVersion());
        s.setInt(i++, e.position());
        s.setString(i++, e.tenant().value());
        s.setString(i++, e.actor().toString());
        s.setObject(i++, utc(e.at()));
        s.setString(i++, e.action().name());
        s.setString(i++, e.field());
        s.setString(i++, e.before());
        s.setString(i++, e.after());
      }
      s.executeUpdate();
    }
  }

  private static void insertConversation(Connection c, List<ConversationEntry> entries)
      throws SQLException {
    if (entries.isEmpty()) {
      return;
    }
    String sql = "insert into tk_ticket_conversation (ticket_id, ticket_version, position,"
        + " tenant_id, visibility, author, channel, at, body, attachments) values "
        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb), ".repeat(entries.size());
    try (PreparedStatement s = c.prepareStatement(sql.substring(0, sql.length() - 2))) {
      int i = 1;
      int position = 0;
      for (ConversationEntry e : entries) {
        s.setObject(i++, e.ticketId().value());
        s.setLong(i++, e.ticketVersion());
        s.setInt(i++, position++);
        s.setString(i++, e.tenant().value());
        s.setString(i++, e.visibility().name());
        s.setString(i++, e.author().toString());
        s.setString(i++, e.channel().code());
        s.setObject(i++, utc(e.at()));
        s.setString(i++, e.body());
        s.setString(i++, TicketJson.attachments(e.attachments()));
      }
      s.executeUpdate();
    }
  }

  private static void insertOutbox(Connection c, List<TicketEvent> events) throws SQLException {
    if (events.isEmpty()) {
      return;
    }
    String sql = "insert into tk_outbox (tenant_id, ticket_id, ticket_version, position,"
        + " event_type, idempotency_key, payload, occurred_at) values "
        + "(?, ?, ?, ?, ?, ?, ?::jsonb, ?), ".repeat(events.size());
    try (PreparedStatement s = c.prepareStatement(sql.substring(0, sql.length() - 2))) {
      int i = 1;
      int position = 0;
      for (TicketEvent e : events) {
        s.setString(i++, e.tenant().value());
        s.setObject(i++, e.ticketId().value());
        s.setLong(i++, e.ticketVersion());
        s.setInt(i++, position);
        s.setString(i++, e.getClass().getSimpleName());
        s.setString(i++, e.ticketId() + ":" + e.ticketVersion() + ":" + position++);
        s.setString(i++, EventJson.write(e));
        s.setObject(i++, utc(e.at()));
      }
      s.executeUpdate();
    }
  }

  @Override
  public Optional<Ticket> get(TenantId tenant, TicketId id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("select id, " + COLUMNS
            + " from tk_ticket where (tk_ticket.id = ? and tk_ticket.tenant_id = ?)")) {
      s.setObject(1, id.value());
      s.setString(2, tenant.value());
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(ticket(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads a ticket through the one storage path, each column by its name and type. */
  private static Ticket ticket(ResultSet rs) throws SQLException {
    Map<String, Object> row = new HashMap<>();
    for (StoredColumn c : StoredTicket.columns()) {
      Object value = switch (c.type()) {
        case BIGINT -> rs.getLong(c.name());
        case INTEGER -> rs.getInt(c.name());
        case INSTANT -> rs.getObject(c.name(), LocalDateTime.class);
        case UUID -> rs.getObject(c.name(), java.util.UUID.class);
        case TEXT, JSON -> rs.getString(c.name());
      };
      row.put(c.name(), rs.wasNull() ? null
          : value instanceof LocalDateTime t ? t.toInstant(ZoneOffset.UTC) : value);
    }
    return StoredTicket.read(row::get);
  }

  /** Increments the tenant's counter inside the commit's transaction (creating it at 1). */
  private static long nextNumber(Connection c, TenantId tenant) throws SQLException {
    try (PreparedStatement up = c.prepareStatement("update tk_ticket_number set last_number ="
        + " (tk_ticket_number.last_number + ?) where tk_ticket_number.tenant_id = ?")) {
      up.setLong(1, 1);
      up.setString(2, tenant.value());
      if (up.executeUpdate() == 0) {
        try (PreparedStatement s = c.prepareStatement(
            "insert into tk_ticket_number (tenant_id, last_number) values (?, 1)")) {
          s.setString(1, tenant.value());
          s.executeUpdate();
          return 1;
        }
      }
    }
    try (PreparedStatement s = c.prepareStatement("select tk_ticket_number.last_number from"
        + " tk_ticket_number where tk_ticket_number.tenant_id = ?")) {
      s.setString(1, tenant.value());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Override
  public Page<Ticket> query(TenantId tenant, TicketQuery query) {
    throw new UnsupportedOperationException("not needed by the benchmark");
  }

  @Override
  public long count(TenantId tenant, TicketQuery query) {
    throw new UnsupportedOperationException("not needed by the benchmark");
  }

  @Override
  public List<HistoryEntry> history(TenantId tenant, TicketId id) {
    throw new UnsupportedOperationException("not needed by the benchmark");
  }

  @Override
  public List<ConversationEntry> conversation(TenantId tenant, TicketId id) {
    throw new UnsupportedOperationException("not needed by the benchmark");
  }

  @Override
  public dev.ticketkit.core.outbox.Outbox outbox() {
    throw new UnsupportedOperationException("not needed by the benchmark");
  }
}
