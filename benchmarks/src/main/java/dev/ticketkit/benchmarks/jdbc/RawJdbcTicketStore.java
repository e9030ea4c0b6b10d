package dev.ticketkit.benchmarks.jdbc;

import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketConflictException;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketNotFoundException;
import dev.ticketkit.core.outbox.OutboxMessage;
import dev.ticketkit.core.store.TicketChange;
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
import java.sql.Types;
import java.util.UUID;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The baseline: a hand-written raw-JDBC ticket store for PostgreSQL that makes the round trips
 * of the jOOQ store, in the same transactions, on the same tables (JSON built with the same
 * codecs): the counter's {@code UPDATE ... RETURNING}, the locked read of the full ticket row, and
 * all writes of a commit as one statement of data-modifying {@code WITH} queries. Only what a
 * lifecycle needs is implemented: commit, update, get and number allocation.
 * Not part of the library. Thread-safe as far as its data source is.
 */
final class RawJdbcTicketStore implements TicketStore {

  private static final String COLUMNS = "tenant_id, number, version, requester_id, requester,"
      + " channel, subject, description, scenario, error_message, reproduction_steps,"
      + " attachments, account_reference, category, priority, status, status_category,"
      + " return_status, status_changed_at, accepted_by, assignee, tier, tags, custom_fields,"
      + " links, rating_satisfaction, rating_comment, resolution_summary, cycle, created_at,"
      + " updated_at, rating_reason, problem, handoffs, handoff_open_since, requester_updated_at";
  private static final String INSERT = "insert into tk_ticket (" + COLUMNS + ", id, last_commit)"
      + " values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
      + " ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)";
  private static final String UPDATE = "update tk_ticket set tenant_id = ?, number = ?,"
      + " version = ?, requester_id = ?, requester = ?::jsonb, channel = ?, subject = ?,"
      + " description = ?, scenario = ?, error_message = ?, reproduction_steps = ?,"
      + " attachments = ?::jsonb, account_reference = ?, category = ?, priority = ?, status = ?,"
      + " status_category = ?, return_status = ?, status_changed_at = ?, accepted_by = ?,"
      + " assignee = ?, tier = ?, tags = ?::jsonb, custom_fields = ?::jsonb, links = ?::jsonb,"
      + " rating_satisfaction = ?, rating_comment = ?, resolution_summary = ?, cycle = ?,"
      + " created_at = ?, updated_at = ?, rating_reason = ?, problem = ?::jsonb,"
      + " handoffs = ?::jsonb, handoff_open_since = ?, requester_updated_at = ?,"
      + " last_commit = ? where tenant_id = ? and id = ?";

  private final DataSource dataSource;

  RawJdbcTicketStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public ChangeSet commit(ChangeSet changes, UnitOfWork work) {
    return inTransaction(c -> {
      ChangeSet committed = changes;
      Writes writes = new Writes();
      if (changes.isNewTicket()) {
        committed = changes.numbered(nextNumber(c, changes.tenant()));
        writes.insert(committed.ticket());
      } else {
        Ticket t = changes.ticket();
        Ticket before = lock(c, t.tenant(), t.id());
        long actual = before == null ? 0 : before.version();
        if (actual != changes.expectedVersion()) {
          throw new TicketConflictException(t.tenant(), t.id(), changes.expectedVersion(),
              actual);
        }
        writes.update(before, t);
      }
      writes.append(committed);
      writes.execute(c);
      work.run(committed, transaction(c));
      return committed;
    });
  }

  @Override
  public Optional<ChangeSet> update(TenantId tenant, TicketId id, long expectedVersion,
      TicketChange change, UnitOfWork work) {
    return Optional.ofNullable(inTransaction(c -> {
      Ticket before = lock(c, tenant, id);
      if (before == null) {
        throw new TicketNotFoundException(tenant, id);
      }
      if (before.version() != expectedVersion) {
        throw new TicketConflictException(tenant, id, expectedVersion, before.version());
      }
      ChangeSet changes = change.apply(before);
      if (changes == null) {
        return null;
      }
      Writes writes = new Writes();
      writes.update(before, changes.ticket());
      writes.append(changes);
      writes.execute(c);
      work.run(changes, transaction(c));
      return changes;
    }));
  }

  /** Work inside one transaction on a connection of its own. */
  private interface InTransaction<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T inTransaction(InTransaction<T> body) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        T result = body.run(c);
        c.commit();
        return result;
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

  private static TransactionContext transaction(Connection c) {
    return new TransactionContext() {
      @Override
      public <T> Optional<T> unwrap(Class<T> type) {
        return type == Connection.class ? Optional.of(type.cast(c)) : Optional.empty();
      }

      @Override
      public void onRollback(Runnable undo) {}
    };
  }

  /** Reads a ticket's full row under a lock, as the jOOQ store does. */
  private static Ticket lock(Connection c, TenantId tenant, TicketId id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select id, " + COLUMNS + ", last_commit"
        + " from tk_ticket where (tk_ticket.tenant_id = ? and tk_ticket.id = ?) for update")) {
      s.setString(1, tenant.value());
      s.setObject(2, id.value());
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? ticket(rs) : null;
      }
    }
  }

  /**
   * The writes of one commit, sent as one statement of data-modifying {@code WITH} queries, as
   * the jOOQ store sends them on PostgreSQL. Unlike the jOOQ store, an update sets every column
   * of the ticket row, not only the changed ones.
   */
  private static final class Writes {
    private final List<String> parts = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    void insert(Ticket t) {
      parts.add(INSERT);
      values.addAll(ticketValues(t));
      values.add(t.id().value());
      values.add(UUID.randomUUID());
      tags(t, t.tags());
      if (!t.links().isEmpty()) {
        throw new UnsupportedOperationException("the benchmark lifecycle has no links");
      }
    }

    void update(Ticket before, Ticket t) {
      parts.add(UPDATE);
      values.addAll(ticketValues(t));
      values.add(UUID.randomUUID());
      values.add(t.tenant().value());
      values.add(t.id().value());
      if (!before.tags().stream().allMatch(t.tags()::contains)
          || !before.links().equals(t.links())) {
        throw new UnsupportedOperationException("the benchmark lifecycle changes no tags or links");
      }
      Set<Tag> added = new LinkedHashSet<>(t.tags());
      added.removeAll(before.tags());
      tags(t, added);
    }

    private void tags(Ticket t, Set<Tag> tags) {
      if (tags.isEmpty()) {
        return;
      }
      String rows = "(?, ?, ?), ".repeat(tags.size());
      parts.add("insert into tk_ticket_tag (ticket_id, tag, tenant_id) values "
          + rows.substring(0, rows.length() - 2));
      for (Tag tag : tags) {
        values.add(t.id().value());
        values.add(tag.value());
        values.add(t.tenant().value());
      }
    }

    void append(ChangeSet changes) {
      List<HistoryEntry> history = changes.history();
      if (!history.isEmpty()) {
        String rows = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?), ".repeat(history.size());
        parts.add("insert into tk_ticket_history (ticket_id, ticket_version, position,"
            + " tenant_id, actor, at, action, field, before_value, after_value) values "
            + rows.substring(0, rows.length() - 2));
        for (HistoryEntry e : history) {
          values.addAll(Arrays.asList(e.ticketId().value(), e.ticketVersion(), e.position(),
              e.tenant().value(), e.actor().toString(), utc(e.at()), e.action().name(),
              e.field(), e.before(), e.after()));
        }
      }
      List<ConversationEntry> conversation = changes.conversation();
      if (!conversation.isEmpty()) {
        String rows = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb), ".repeat(conversation.size());
        parts.add("insert into tk_ticket_conversation (ticket_id, ticket_version, position,"
            + " tenant_id, visibility, author, channel, at, body, attachments) values "
            + rows.substring(0, rows.length() - 2));
        int position = 0;
        for (ConversationEntry e : conversation) {
          values.addAll(Arrays.asList(e.ticketId().value(), e.ticketVersion(), position++,
              e.tenant().value(), e.visibility().name(), e.author().toString(),
              e.channel().code(), utc(e.at()), e.body(), TicketJson.attachments(e.attachments())));
        }
      }
      List<TicketEvent> events = changes.events();
      if (!events.isEmpty()) {
        String rows = "(?, ?, ?, ?, ?, ?, ?::jsonb, ?), ".repeat(events.size());
        parts.add("insert into tk_outbox (tenant_id, ticket_id, ticket_version, position,"
            + " event_type, idempotency_key, payload, occurred_at) values "
            + rows.substring(0, rows.length() - 2));
        int position = 0;
        for (TicketEvent e : events) {
          values.addAll(Arrays.asList(e.tenant().value(), e.ticketId().value(),
              e.ticketVersion(), position, e.getClass().getSimpleName(),
              OutboxMessage.key(e, position++), EventJson.write(e), utc(e.at())));
        }
      }
    }

    void execute(Connection c) throws SQLException {
      StringBuilder sql = new StringBuilder();
      if (parts.size() == 1) {
        sql.append(parts.get(0));
      } else {
        sql.append("with ");
        for (int i = 0; i < parts.size(); i++) {
          sql.append(i == 0 ? "" : ", ").append('w').append(i).append(" as (")
              .append(parts.get(i)).append(')');
        }
        sql.append(" select 1");
      }
      try (PreparedStatement s = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < values.size(); i++) {
          Object v = values.get(i);
          if (v == null) {
            s.setNull(i + 1, Types.OTHER);
          } else {
            s.setObject(i + 1, v);
          }
        }
        s.execute();
      }
    }
  }

  private static List<Object> ticketValues(Ticket t) {
    return Arrays.asList(t.tenant().value(), t.number(), t.version(), t.requester().id(),
        TicketJson.requester(t.requester()), t.channel().code(), t.subject(), t.description(),
        t.scenario(), t.errorMessage(), t.reproductionSteps(),
        TicketJson.attachments(t.attachments()), t.accountReference(),
        t.category() == null ? null : t.category().toString(), t.priority().name(),
        t.status().name(), t.status().category().name(),
        t.returnStatus() == null ? null : t.returnStatus().toString(),
        utc(t.statusChangedAt()), t.acceptedBy() == null ? null : t.acceptedBy().value(),
        t.assignee() == null ? null : t.assignee().value(), t.tier().level(),
        TicketJson.tags(t.tags()), TicketJson.customFields(t.customFields()),
        TicketJson.links(t.links()),
        t.rating() == null ? null : t.rating().satisfaction().name(),
        t.rating() == null ? null : t.rating().comment(), t.resolutionSummary(), t.cycle(),
        utc(t.createdAt()), utc(t.updatedAt()), processValue(t, "rating_reason"),
        processValue(t, "problem"), processValue(t, "handoffs"),
        processValue(t, "handoff_open_since"), utc(t.requesterUpdatedAt()));
  }

  /** A support-process column's value, through the one storage path. */
  private static Object processValue(Ticket t, String column) {
    Object v = StoredTicket.write(t).get(column);
    return v instanceof Instant i ? utc(i) : v;
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
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
        + " (tk_ticket_number.last_number + 1) where tk_ticket_number.tenant_id = ?"
        + " returning tk_ticket_number.last_number")) {
      up.setString(1, tenant.value());
      try (ResultSet rs = up.executeQuery()) {
        if (rs.next()) {
          return rs.getLong(1);
        }
      }
    }
    try (PreparedStatement s = c.prepareStatement(
        "insert into tk_ticket_number (tenant_id, last_number) values (?, 1)")) {
      s.setString(1, tenant.value());
      s.executeUpdate();
      return 1;
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
