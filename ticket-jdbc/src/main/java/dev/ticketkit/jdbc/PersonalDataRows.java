package dev.ticketkit.jdbc;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.privacy.Erasure;
import dev.ticketkit.core.privacy.ErasureRecord;
import dev.ticketkit.jdbc.internal.Database;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The JDBC side of erasing a requester: rewrites every text and JSON column of every TicketKit
 * table that is keyed by ticket ({@code tk_*} with {@code tenant_id} and {@code ticket_id}, and
 * {@code tk_ticket} itself) for one ticket, in one transaction that first locks the ticket's row
 * ({@code SELECT ... FOR UPDATE}) and checks its version; keeps the erasure records
 * ({@code tk_privacy_erasure}).
 *
 * <p>The tables and columns come from the database's catalog, read once per store: the SLA
 * clocks and due work, knowledge-base links, outbox rows (delivered ones too) and the tables of
 * modules added later are covered without this class naming them. Key columns are never
 * rewritten. Only rows whose values change are written: on PostgreSQL in one statement per
 * ticket (data-modifying {@code WITH} parts and the V9 function {@code tk_privacy_erase}, which
 * applies {@link Erasure#apply}'s rule in the database), which is the whole transaction (one
 * round trip, committed asynchronously; see {@link #eraseInOneStatement}), elsewhere one select
 * and one batched update per table. Retention claims a batch of tickets with
 * {@code FOR UPDATE SKIP LOCKED} and anonymises or purges them in the same transaction; purging
 * keeps, anonymised, the rows the report source reads ({@link #REPORT_TABLES}). Thread-safe.
 */
final class PersonalDataRows {

  private static final Set<Integer> TEXT_TYPES = Set.of(Types.CHAR, Types.VARCHAR,
      Types.LONGVARCHAR, Types.CLOB, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
      Types.NCLOB, Types.OTHER);
  private static final Set<String> JSON_TYPES = Set.of("json", "jsonb");

  /** One table's plan: how to find a ticket's rows and which columns to rewrite. */
  record Table(String name, String ticketColumn, List<String> keys, List<String> texts,
      Set<String> json) {}

  private final Database db;
  private volatile List<Table> tables;
  private volatile PgStatement pgStatement;

  private final boolean rowLevelSecurity;

  PersonalDataRows(Database db, boolean rowLevelSecurity) {
    this.db = db;
    this.rowLevelSecurity = rowLevelSecurity;
  }

  /** Names the transaction's tenant for PostgreSQL's row-level security, when it is used. */
  private Connection tenant(Connection c, TenantId tenant) throws SQLException {
    if (rowLevelSecurity) {
      try (PreparedStatement ps = c.prepareStatement(
          "select set_config('ticketkit.tenant', ?, true)")) {
        ps.setString(1, tenant.value());
        ps.execute();
      }
    }
    return c;
  }

  boolean erase(TenantId tenant, TicketId ticket, long expectedVersion, Erasure erasure) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(erasure, "erasure");
    String what = "erase personal data of ticket " + ticket + " of tenant " + tenant;
    if (db.kind() == DatabaseKind.POSTGRESQL && !rowLevelSecurity) {
      // the one statement is its own transaction (auto-commit): one round trip, and the ticket's
      // lock is held while the server runs it only, never while this client waits to commit
      Boolean done = db.read(what, sql -> {
        Connection c = Database.connection(sql);
        return c.getAutoCommit() ? eraseInOneStatement(c, tenant, ticket, expectedVersion,
            erasure) : null;
      });
      if (done != null) {
        return done;
      }
    }
    return db.transaction(what,
        sql -> {
          Connection c = tenant(Database.connection(sql), tenant);
          if (db.kind() == DatabaseKind.POSTGRESQL) {
            return eraseInOneStatement(c, tenant, ticket, expectedVersion, erasure);
          }
          if (lockedVersion(c, tenant, ticket) != expectedVersion) {
            return false;
          }
          rewriteAll(c, tenant, ticket, erasure);
          return true;
        });
  }

  private void rewriteAll(Connection c, TenantId tenant, TicketId ticket, Erasure erasure)
      throws SQLException {
    for (Table t : tables(c)) {
      if (!t.texts().isEmpty()) {
        rewrite(c, t, tenant, ticket, erasure);
      }
    }
  }

  int retain(TenantId tenant, Instant closedBefore, int limit, boolean purge,
      Function<TicketId, Erasure> plan) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(closedBefore, "closedBefore");
    Objects.requireNonNull(plan, "plan");
    if (limit < 1) {
      throw new InvalidInputException("limit", limit, "must be 1 or more");
    }
    return db.transaction("apply retention to tenant " + tenant, sql -> {
      Connection c = tenant(Database.connection(sql), tenant);
      List<TicketId> claimed = claim(c, tenant, closedBefore, limit);
      for (TicketId id : claimed) {
        if (purge) {
          purge(c, tenant, id, plan.apply(id));
        } else {
          rewriteAll(c, tenant, id, plan.apply(id));
        }
      }
      return claimed.size();
    });
  }

  private static List<TicketId> claim(Connection c, TenantId tenant, Instant closedBefore,
      int limit) throws SQLException {
    List<TicketId> ids = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("select id from tk_ticket where tenant_id = ?"
        + " and status_category = 'CLOSED' and status_changed_at < ? and requester_id not like '"
        + Erasure.PSEUDONYM_PREFIX + "%' order by status_changed_at, id limit ?"
        + " for update skip locked")) {
      ps.setString(1, tenant.value());
      ps.setObject(2, LocalDateTime.ofInstant(closedBefore, ZoneOffset.UTC));
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(TicketId.of(UUID.fromString(rs.getString(1))));
        }
      }
    }
    return ids;
  }

  /**
   * The tables kept by ticket that the SQL report source reads ({@code ReportSql}): the cycle
   * facts, the tags they are grouped by, the SLA clocks (and the report's rows of the stopped
   * ones), the done escalation levels and the support-process facts ({@code tk_report_process},
   * V18). Purging a ticket keeps its rows there, rewritten
   * through the erasure, so reports of past periods stay the same.
   */
  static final Set<String> REPORT_TABLES = Set.of("tk_report_cycle", "tk_ticket_tag",
      "tk_sla_clock", "tk_report_clock", "tk_sla_done", "tk_report_process");

  /**
   * Purges a ticket: deletes its rows from every table kept by ticket (the ticket's own row
   * last) except the {@link #REPORT_TABLES}, whose rows it rewrites through the erasure instead.
   */
  private void purge(Connection c, TenantId tenant, TicketId ticket, Erasure erasure)
      throws SQLException {
    List<Table> all = new ArrayList<>(tables(c));
    all.sort(java.util.Comparator.comparing(t -> t.name().equals("tk_ticket")));
    for (Table t : all) {
      if (REPORT_TABLES.contains(t.name())) {
        if (!t.texts().isEmpty()) {
          rewrite(c, t, tenant, ticket, erasure);
        }
        continue;
      }
      try (PreparedStatement ps = c.prepareStatement("delete from " + t.name()
          + " where tenant_id = ? and " + t.ticketColumn() + " = ?")) {
        ps.setString(1, tenant.value());
        bindId(ps, 2, ticket);
        ps.executeUpdate();
      }
    }
  }

  /**
   * PostgreSQL: locks the ticket (checking its version) and rewrites every table in one
   * statement of data-modifying {@code WITH} parts, through {@code tk_privacy_erase} (V9), which
   * applies the erasure's rule in the database, on the values that hold a replaced text (found
   * by one built-in regular-expression match per value, {@link #anyOf}); only those rows are
   * written.
   *
   * <p>Without row-level security the statement runs in auto-commit, as its own transaction:
   * one round trip per ticket, and the ticket's lock is held only while the server executes it
   * (a client that is slow to send {@code COMMIT} cannot stretch it). With row-level security it
   * runs in a transaction after the statement that names the tenant.
   *
   * <p>The transaction commits asynchronously ({@code synchronous_commit = off}, set local to it
   * by the statement itself), so a ticket's erasure does not wait for the WAL flush: its lock is
   * released sooner and the ten thousand commits of a large erasure do not each wait for the
   * disk. Atomicity is unchanged (a ticket is still erased whole or not at all); what a crash of
   * the server could lose is the last fraction of a second of erased tickets, which a new run
   * erases again (erasure is resumable). {@link #record} commits synchronously, and PostgreSQL
   * flushes the WAL in order, so once the erasure is recorded every ticket it erased is durable.
   */
  private boolean eraseInOneStatement(Connection c, TenantId tenant, TicketId ticket,
      long expectedVersion, Erasure erasure) throws SQLException {
    Map<String, String> replacements = erasure.replacements();
    PgStatement statement = pgStatement(c);
    try (PreparedStatement ps = c.prepareStatement(statement.sql())) {
      ps.setArray(1, c.createArrayOf("text", replacements.keySet().toArray()));
      ps.setArray(2, c.createArrayOf("text", replacements.values().toArray()));
      ps.setString(3, erasure.requesterId());
      ps.setString(4, erasure.pseudonym());
      ps.setLong(5, expectedVersion);
      ps.setString(6, anyOf(replacements.keySet()));
      for (int i = 0; i < statement.ticketParts(); i++) {
        ps.setString(7 + 2 * i, tenant.value());
        ps.setObject(8 + 2 * i, ticket.value());
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getLong(1) == 1;
      }
    }
  }

  /** The longest piece of a key the filter expression looks for (bounds its size). */
  private static final int FILTER_PREFIX = 48;

  /**
   * Returns a PostgreSQL regular expression that matches every text containing any of the keys,
   * or null (which matches nothing) for none: the alternation of each key's first
   * {@value #FILTER_PREFIX} characters, taken literally (every ASCII character other than a
   * letter or digit escaped). The erasure statement calls {@code tk_privacy_erase} only on
   * values this matches or that equal the requester's id: the built-in match costs far less
   * than the PL/pgSQL call, most stored values hold no personal data, and a value it lets
   * through needlessly is merely left as it is by the function.
   */
  static @Nullable String anyOf(java.util.Collection<String> keys) {
    java.util.Set<String> pieces = new java.util.LinkedHashSet<>();
    for (String k : keys) {
      int end = Math.min(k.length(), FILTER_PREFIX);
      if (end < k.length() && Character.isHighSurrogate(k.charAt(end - 1))) {
        end--;
      }
      pieces.add(k.substring(0, end));
    }
    pieces.remove("");
    if (pieces.isEmpty()) {
      return null;
    }
    StringBuilder rx = new StringBuilder();
    for (String piece : pieces) {
      if (rx.length() > 0) {
        rx.append('|');
      }
      for (int i = 0; i < piece.length(); i++) {
        char ch = piece.charAt(i);
        if (ch < 128 && !Character.isLetterOrDigit(ch)) {
          rx.append('\\');
        }
        rx.append(ch);
      }
    }
    return rx.toString();
  }

  /** The one erasure statement of a PostgreSQL schema and how many (tenant, ticket) pairs. */
  record PgStatement(String sql, int ticketParts) {}

  private PgStatement pgStatement(Connection c) throws SQLException {
    PgStatement known = pgStatement;
    if (known == null) {
      String byTicket = " = cast(? as varchar) and x.%s = cast(? as uuid)";
      StringBuilder sql = new StringBuilder("with p as (select cast(? as text[]) as ks,"
          + " cast(? as text[]) as vs, cast(? as text) as rid, cast(? as text) as pseudo,"
          + " cast(? as bigint) as ver, set_config('synchronous_commit', 'off', true) as sc,"
          + " cast(? as text) as rx),"
          + " l as (select x.id from tk_ticket x, p where x.tenant_id"
          + String.format(byTicket, "id") + " and x.version = p.ver for update of x)");
      int parts = 1;
      for (Table t : tables(c)) {
        if (t.texts().isEmpty()) {
          continue;
        }
        List<String> sets = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (String col : t.texts()) {
          boolean json = t.json().contains(col);
          String old = json ? "cast(x." + col + " as text)" : "x." + col;
          String hit = "(" + old + " ~ p.rx or " + old + " = p.rid)";
          String erased = "tk_privacy_erase(" + old + ", p.rid, p.pseudo, p.ks, p.vs)";
          sets.add(col + " = case when " + hit + " then "
              + (json ? "cast(" + erased + " as jsonb)" : erased) + " else x." + col + " end");
          found.add(hit);
        }
        sql.append(", u").append(parts).append(" as (update ").append(t.name())
            .append(" x set ").append(String.join(", ", sets)).append(" from p where x.tenant_id")
            .append(String.format(byTicket, t.ticketColumn()))
            .append(" and exists (select 1 from l) and (").append(String.join(" or ", found))
            .append(") returning 1)");
        parts++;
      }
      known = new PgStatement(sql.append(" select count(*) from l").toString(), parts);
      pgStatement = known;
    }
    return known;
  }

  private long lockedVersion(Connection c, TenantId tenant, TicketId ticket) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "select version from tk_ticket where tenant_id = ? and id = ? for update")) {
      ps.setString(1, tenant.value());
      bindId(ps, 2, ticket);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    }
  }

  private void bindId(PreparedStatement ps, int index, TicketId ticket) throws SQLException {
    if (db.kind() == DatabaseKind.MARIADB) {
      ps.setString(index, ticket.value().toString());
    } else {
      ps.setObject(index, ticket.value());
    }
  }

  private void rewrite(Connection c, Table t, TenantId tenant, TicketId ticket, Erasure erasure)
      throws SQLException {
    String select = "select " + String.join(", ", t.keys()) + ", " + String.join(", ", t.texts())
        + " from " + t.name() + " where tenant_id = ? and " + t.ticketColumn() + " = ?";
    Map<String, PreparedStatement> updates = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(select)) {
      ps.setString(1, tenant.value());
      bindId(ps, 2, ticket);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Map<String, String> changed = new LinkedHashMap<>();
          for (int i = 0; i < t.texts().size(); i++) {
            String before = rs.getString(t.keys().size() + i + 1);
            String after = erasure.apply(before);
            if (after != null && !after.equals(before)) {
              changed.put(t.texts().get(i), after);
            }
          }
          if (!changed.isEmpty()) {
            addUpdate(c, t, rs, changed, updates);
          }
        }
      }
      for (PreparedStatement update : updates.values()) {
        update.executeBatch();
      }
    } finally {
      for (PreparedStatement update : updates.values()) {
        update.close();
      }
    }
  }

  private void addUpdate(Connection c, Table t, ResultSet rs, Map<String, String> changed,
      Map<String, PreparedStatement> updates) throws SQLException {
    String shape = String.join(",", changed.keySet());
    PreparedStatement ps = updates.get(shape);
    if (ps == null) {
      List<String> sets = new ArrayList<>();
      changed.keySet().forEach(col -> sets.add(col + " = " + (t.json().contains(col)
          ? "cast(? as " + (db.kind() == DatabaseKind.POSTGRESQL ? "jsonb" : "json") + ")"
          : "?")));
      List<String> where = t.keys().stream().map(k -> k + " = ?").toList();
      ps = c.prepareStatement("update " + t.name() + " set " + String.join(", ", sets)
          + " where " + String.join(" and ", where));
      updates.put(shape, ps);
    }
    int i = 1;
    for (String value : changed.values()) {
      ps.setString(i++, value);
    }
    for (int k = 0; k < t.keys().size(); k++) {
      ps.setObject(i++, rs.getObject(k + 1));
    }
    ps.addBatch();
  }

  /** Returns the plan of every table keyed by ticket, reading the catalog on first use. */
  private List<Table> tables(Connection c) throws SQLException {
    List<Table> known = tables;
    if (known == null) {
      known = List.copyOf(readCatalog(c));
      tables = known;
    }
    return known;
  }

  private List<Table> readCatalog(Connection c) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    String catalog = c.getCatalog();
    String schema = db.kind() == DatabaseKind.MARIADB ? null : c.getSchema();
    Map<String, List<String[]>> columns = new LinkedHashMap<>();
    try (ResultSet rs = meta.getColumns(catalog, schema, "%", "%")) {
      while (rs.next()) {
        String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        if (table.startsWith("tk_")) {
          columns.computeIfAbsent(table, k -> new ArrayList<>()).add(new String[] {
              rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
              Integer.toString(rs.getInt("DATA_TYPE")),
              rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT)});
        }
      }
    }
    List<Table> plans = new ArrayList<>();
    for (Map.Entry<String, List<String[]>> e : columns.entrySet()) {
      plan(meta, catalog, schema, e.getKey(), e.getValue()).ifPresent(plans::add);
    }
    return plans;
  }

  private static java.util.Optional<Table> plan(DatabaseMetaData meta, String catalog,
      String schema, String table, List<String[]> columns) throws SQLException {
    List<String> names = columns.stream().map(col -> col[0]).toList();
    String ticketColumn = table.equals("tk_ticket") ? "id" : "ticket_id";
    if (!names.contains("tenant_id") || !names.contains(ticketColumn)) {
      return java.util.Optional.empty();
    }
    List<String> keys = primaryKey(meta, catalog, schema, table);
    if (keys.isEmpty()) {
      return java.util.Optional.empty();
    }
    List<String> texts = new ArrayList<>();
    Set<String> json = new java.util.HashSet<>();
    for (String[] col : columns) {
      boolean text = TEXT_TYPES.contains(Integer.parseInt(col[1]))
          && (!col[1].equals(Integer.toString(Types.OTHER)) || JSON_TYPES.contains(col[2]));
      if (text && !keys.contains(col[0]) && !col[0].equals("tenant_id")
          && !col[0].equals(ticketColumn)) {
        texts.add(col[0]);
        if (JSON_TYPES.contains(col[2])) {
          json.add(col[0]);
        }
      }
    }
    return java.util.Optional.of(new Table(table, ticketColumn, keys, texts, json));
  }

  private static List<String> primaryKey(DatabaseMetaData meta, String catalog, String schema,
      String table) throws SQLException {
    Map<Integer, String> keys = new java.util.TreeMap<>();
    for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
      try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, name)) {
        while (rs.next()) {
          keys.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
        }
      }
      if (!keys.isEmpty()) {
        break;
      }
    }
    return List.copyOf(keys.values());
  }

  void record(ErasureRecord r) {
    Objects.requireNonNull(r, "record");
    db.transaction("record an erasure of tenant " + r.tenant(), sql -> {
      try (PreparedStatement ps = tenant(Database.connection(sql), r.tenant()).prepareStatement(
          "insert into tk_privacy_erasure (tenant_id, pseudonym, erased_by, at, tickets,"
              + " attachments) values (?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, r.tenant().value());
        ps.setString(2, r.pseudonym());
        ps.setString(3, r.erasedBy().toString());
        ps.setObject(4, LocalDateTime.ofInstant(r.at(), ZoneOffset.UTC));
        ps.setInt(5, r.tickets());
        ps.setInt(6, r.attachments());
        ps.executeUpdate();
      }
      return null;
    });
  }

  List<ErasureRecord> erasures(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return db.transaction("read the erasures of tenant " + tenant, sql -> {
      List<ErasureRecord> out = new ArrayList<>();
      try (PreparedStatement ps = tenant(Database.connection(sql), tenant).prepareStatement(
          "select pseudonym, erased_by, at, tickets, attachments from tk_privacy_erasure"
              + " where tenant_id = ? order by seq")) {
        ps.setString(1, tenant.value());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new ErasureRecord(tenant, rs.getString(1), Actor.parse(rs.getString(2)),
                rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getInt(4),
                rs.getInt(5)));
          }
        }
      }
      return out;
    });
  }
}
