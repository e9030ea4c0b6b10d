package dev.ticketkit.jdbc;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.HistoryAction;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketFollower;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.core.store.TransactionContext;
import dev.ticketkit.jdbc.internal.Database;
import dev.ticketkit.jdbc.internal.ReportTables.Cycle;
import dev.ticketkit.jdbc.internal.ReportTables.ReportClock;
import dev.ticketkit.jdbc.internal.SlaTables;
import dev.ticketkit.jdbc.internal.ShapedSql;
import dev.ticketkit.jdbc.internal.TicketRows;
import dev.ticketkit.jdbc.internal.TicketTables;
import dev.ticketkit.jdbc.internal.TicketTables.History;
import dev.ticketkit.jdbc.internal.TicketTables.Tk;
import dev.ticketkit.report.internal.FactDerivation;
import dev.ticketkit.report.source.CycleFact;
import dev.ticketkit.report.source.FactReader;
import dev.ticketkit.report.source.ReportSource;
import dev.ticketkit.report.source.ReportSourceException;
import dev.ticketkit.report.spike.EpisodeClaims;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * The SQL {@link ReportSource}: the report's facts kept in the database and aggregated there.
 * Get it from {@link JdbcTicketKit#reportSource()}, attach it to the ticket service as a
 * {@link TicketFollower}, and give it to the report engine:
 *
 * <pre>{@code
 * JdbcReportSource facts = kit.reportSource();
 * TicketService tickets = TicketService.builder().store(kit.ticketStore())
 *     .follower(facts).clock(clock).build();
 * ReportEngine reports = ReportEngine.builder().source(facts).clock(clock)
 *     .tenant(tenant, zone).build();
 * facts.rebuild(tenant);   // once, for tickets stored before the source was attached
 * }</pre>
 *
 * <p>(A database whose tickets' cycle rows are complete but whose SLA clocks stopped before the
 * source existed needs only {@link #backfillClocks}.)
 *
 * <p>Writes: in every ticket commit, inside the ticket's transaction and on its connection, the
 * follower brings the ticket's rows of {@code tk_report_cycle} (one per resolution cycle, see
 * {@link CycleFact}) up to date from the rows before the change and the change's own history
 * entries, without reading the ticket's history. On PostgreSQL the old rows are read in the
 * same round trip as the ticket's locked read and the new rows are written in the commit's one
 * statement, so the follower adds no round trip; on H2 and MariaDB it adds one indexed read and
 * one upsert. A ticket without rows (stored before the follower was attached) gets them from its
 * whole history at its next change. Once this source exists, the kit's SLA store also writes a
 * narrow row per clock it stops ({@code tk_report_clock}, V16) in the same write; a kit without
 * the source writes none. The report reads those rows and the open clocks of
 * {@code tk_sla_clock}; escalation facts are read from {@code tk_sla_done}, and tags from the
 * ticket's tag rows.
 *
 * <p>The support-process facts behind {@link FactReader#process} (department hand-offs,
 * follow-up gaps, problems, incidents, rating requests: {@code tk_report_process}, V18) are
 * written by the same follower in the same deferred write, from the change's own history
 * entries and without a read ({@code ProcessRows}); {@link #rebuild} rewrites them too. A
 * database that had tickets before V18 needs one {@link #rebuild} per tenant for them.
 *
 * <p>Reads: a {@link FactReader} holds one connection in a read-only REPEATABLE READ
 * transaction, so all of a report's queries see one state; each query is one
 * {@code SELECT ... GROUP BY} in the database, filtered by the tenant first (see
 * {@code ReportSql}); no query reads every ticket into the JVM. Failures are thrown as
 * {@link ReportSourceException}. Thread-safe.
 */
public final class JdbcReportSource implements ReportSource, TicketFollower {

  private static final List<Field<?>> KEY = List.of(Cycle.TENANT_ID, Cycle.TICKET_ID, Cycle.CYCLE);
  private static final int REBUILD_PAGE = 500;

  private final Database db;
  private final ReportSql queries;
  private final PriorFacts prior = new PriorFacts();

  private JdbcReportSource(Database db) {
    this.db = db;
    this.queries = new ReportSql(db.kind());
  }

  /** Returns the source over a kit's database, with this source's own exception type. */
  static JdbcReportSource create(Database db) {
    return new JdbcReportSource(db.withFailures(ReportSourceException::new));
  }

  @Override
  public FactReader open(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return JdbcFactReader.open(db, queries, tenant);
  }

  /**
   * Returns claims of spike episodes kept in this database ({@code tk_report_episode}): a key is
   * inserted with its primary key, so of several nodes sharing the database exactly one claim of
   * an episode succeeds.
   *
   * @return the claims
   */
  public EpisodeClaims episodeClaims() {
    return new JdbcEpisodeClaims(db);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Brings the ticket's cycle rows up to date in the commit's transaction (see the class
   * comment).
   *
   * @throws ReportSourceException if the database fails, which fails the commit
   */
  @Override
  public void inTransaction(ChangeSet committed, TransactionContext transaction) {
    Objects.requireNonNull(committed, "committed");
    Objects.requireNonNull(transaction, "transaction");
    Ticket t = committed.ticket();
    JdbcTransaction ours = transaction instanceof JdbcTransaction j ? j : null;
    DSLContext sql = ours != null ? db.adopt(ours.direct())
        : db.adopt(transaction.unwrap(DSLContext.class).orElseThrow(() ->
            new ReportSourceException("the SQL report source works inside a ticket commit only "
                + "through a transaction that unwraps to a jOOQ DSLContext, as the jOOQ ticket "
                + "store's does", new IllegalStateException("no DSLContext"))));
    try {
      List<CycleFact> facts;
      if (committed.isNewTicket()) {
        facts = FactDerivation.afterChange(t, List.of(), committed.history());
      } else {
        List<CycleFact> before = before(sql, ours, t);
        facts = before.isEmpty()
            ? FactDerivation.forTicket(t, wholeHistory(sql, t, committed.history()))
            : FactDerivation.afterChange(t, before, committed.history());
      }
      List<ShapedSql.Statement> writes = new ArrayList<>(3);
      writes.add(upsert(facts));
      writes.addAll(ProcessRows.writes(db.shaped(), t, committed.history()));
      if (ours != null) {
        ours.defer(writes);
      } else {
        db.shaped().executeAll(Database.connection(sql), writes);
      }
    } catch (SQLException | org.jooq.exception.DataAccessException e) {
      throw new ReportSourceException("cannot write the report facts of ticket " + t.id()
          + " of tenant " + t.tenant() + " (" + db.kind() + ")", e);
    }
  }

  private ShapedSql.Statement upsert(List<CycleFact> facts) {
    List<Map<Field<?>, Object>> rows = new ArrayList<>(facts.size());
    facts.forEach(f -> rows.add(ReportFactRows.values(f)));
    return db.shaped().upsertStatement(Cycle.TABLE, rows, KEY);
  }

  /** The ticket's facts before the change: read along with its locked read, or read now. */
  private List<CycleFact> before(DSLContext sql, @Nullable JdbcTransaction ours, Ticket t)
      throws SQLException {
    if (ours != null) {
      Optional<Object> read = ours.prefetchedOrLater(prior);
      if (read.isPresent() && read.get() instanceof Prior p && p.tenant().equals(t.tenant())
          && p.ticket().equals(t.id())) {
        return p.facts();
      }
    }
    return db.shaped().query(Database.connection(sql), prior.query(t.tenant(), t.id()),
        rs -> prior.facts(sql, rs));
  }

  /** The facts read along with a ticket's locked read, with the ticket they belong to. */
  private record Prior(TenantId tenant, TicketId ticket, List<CycleFact> facts) {}

  /** A ticket's cycle rows, in cycle order. */
  private final class PriorFacts implements ReadAlong {
    private static final List<Field<?>> TICKET = List.of(Cycle.TENANT_ID, Cycle.TICKET_ID);

    @Override
    public ShapedSql.Statement query(TenantId tenant, TicketId ticket) {
      return db.shaped().statement("reportCycles", () -> DSL.select(Cycle.ALL).from(Cycle.TABLE)
              .where(Cycle.TENANT_ID.eq(ShapedSql.param(Cycle.TENANT_ID)))
              .and(Cycle.TICKET_ID.eq(ShapedSql.param(Cycle.TICKET_ID)))
              .orderBy(Cycle.CYCLE),
          TICKET, List.of(tenant.value(), ticket.value()));
    }

    @Override
    public Object read(DSLContext sql, TenantId tenant, TicketId ticket, ResultSet rs) {
      return new Prior(tenant, ticket, facts(sql, rs));
    }

    List<CycleFact> facts(DSLContext sql, ResultSet rs) {
      List<CycleFact> out = new ArrayList<>();
      for (Record r : sql.fetch(rs, Cycle.ALL)) {
        out.add(ReportFactRows.fact(r::get, java.util.Collections.emptySortedSet()));
      }
      return out;
    }
  }

  /** The ticket's stored history before this change, then the change's own entries. */
  private static List<HistoryEntry> wholeHistory(DSLContext sql, Ticket t,
      List<HistoryEntry> change) {
    List<HistoryEntry> all = new ArrayList<>(history(sql, t.tenant(), List.of(t.id().value()))
        .getOrDefault(t.id().value(), List.of()));
    all.removeIf(e -> e.ticketVersion() >= t.version());
    all.addAll(change);
    return all;
  }

  private static Map<UUID, List<HistoryEntry>> history(DSLContext sql, TenantId tenant,
      List<UUID> tickets) {
    Map<UUID, List<HistoryEntry>> out = new LinkedHashMap<>();
    sql.select(History.TICKET_ID, History.TICKET_VERSION, History.POSITION, History.ACTOR,
            History.AT, History.ACTION, History.FIELD, History.BEFORE_VALUE,
            History.AFTER_VALUE).from(History.TABLE)
        .where(History.TENANT_ID.eq(tenant.value())).and(History.TICKET_ID.in(tickets))
        .orderBy(History.TICKET_ID, History.TICKET_VERSION, History.POSITION)
        .fetch().forEach(r -> {
          UUID id = r.get(History.TICKET_ID);
          out.computeIfAbsent(id, k -> new ArrayList<>()).add(new HistoryEntry(tenant,
              TicketId.of(id), r.get(History.TICKET_VERSION), r.get(History.POSITION),
              Actor.parse(r.get(History.ACTOR)), r.get(History.AT),
              HistoryAction.valueOf(r.get(History.ACTION)), r.get(History.FIELD),
              r.get(History.BEFORE_VALUE), r.get(History.AFTER_VALUE)));
        });
    return out;
  }

  /**
   * Rewrites a tenant's cycle rows from its tickets' histories: for a host that stored tickets
   * before attaching this source (or before TicketKit's V7 schema), and to repair rows. Pages
   * through the tenant's tickets by number, {@value #REBUILD_PAGE} per transaction; each page's
   * tickets are locked ({@code FOR UPDATE}) while their rows are rewritten, so a concurrent
   * commit of one of them waits and then continues from the rebuilt rows. The page's rows of
   * stopped clocks ({@code tk_report_clock}) are rewritten from {@code tk_sla_clock} too. Safe to
   * run while the follower is attached and to run again.
   *
   * @param tenant the tenant
   * @return the number of tickets whose rows were rewritten
   * @throws ReportSourceException if the database fails (pages already done stay done)
   */
  public long rebuild(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    long done = 0;
    long after = 0;
    for (;;) {
      long from = after;
      long[] page = db.transaction("rebuild the report facts of tenant " + tenant,
          sql -> rebuildPage(sql, tenant, from));
      if (page[0] == 0) {
        return done;
      }
      done += page[0];
      after = page[1];
    }
  }

  /**
   * Writes the report's rows of a tenant's stopped SLA clocks ({@code tk_report_clock}) that are
   * missing, from {@code tk_sla_clock}: for a database whose clocks stopped before this source
   * existed (the kit's SLA store writes the rows of the clocks it stops only once the source
   * exists). Reads the tenant's clocks in pages of about 5,000 by ticket id, one transaction
   * each, and leaves rows already written as they are (a stopped clock never changes). Safe to
   * run while tickets change and to run again; {@link #rebuild} does the same for the tickets
   * it rebuilds.
   *
   * @param tenant the tenant
   * @return the number of rows written
   * @throws ReportSourceException if the database fails (pages already done stay done)
   */
  public long backfillClocks(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return backfillClocks(tenant, ReportClockRows.BACKFILL_PAGE);
  }

  /** {@link #backfillClocks(TenantId)} in pages of about {@code page} clocks (for tests). */
  long backfillClocks(TenantId tenant, int page) {
    Objects.requireNonNull(tenant, "tenant");
    return ReportClockRows.backfill(db, tenant, page);
  }

  /** Rebuilds the tickets after a number; returns how many and the last number. */
  private long[] rebuildPage(DSLContext sql, TenantId tenant, long after) throws SQLException {
    List<Ticket> tickets = sql.select(Tk.ALL).from(Tk.TABLE)
        .where(Tk.TENANT_ID.eq(tenant.value())).and(Tk.NUMBER.gt(after))
        .orderBy(Tk.NUMBER).limit(REBUILD_PAGE).forUpdate()
        .fetch(r -> TicketRows.ticket(r::get));
    if (tickets.isEmpty()) {
      return new long[] {0, after};
    }
    List<UUID> ids = tickets.stream().map(t -> t.id().value()).toList();
    Map<UUID, List<HistoryEntry>> histories = history(sql, tenant, ids);
    List<CycleFact> facts = new ArrayList<>();
    for (Ticket t : tickets) {
      facts.addAll(FactDerivation.forTicket(t, histories.getOrDefault(t.id().value(),
          List.of())));
    }
    sql.deleteFrom(Cycle.TABLE).where(Cycle.TENANT_ID.eq(tenant.value()))
        .and(Cycle.TICKET_ID.in(ids)).execute();
    sql.deleteFrom(ReportClock.TABLE).where(ReportClock.TENANT_ID.eq(tenant.value()))
        .and(ReportClock.TICKET_ID.in(ids)).execute();
    ReportClockRows.copy(sql, db.kind(), SlaTables.Clock.TENANT_ID.eq(tenant.value())
        .and(SlaTables.Clock.TICKET_ID.in(ids)));
    for (int i = 0; i < facts.size(); i += 100) {
      List<Map<Field<?>, Object>> rows = new ArrayList<>();
      facts.subList(i, Math.min(facts.size(), i + 100))
          .forEach(f -> rows.add(ReportFactRows.values(f)));
      db.shaped().insert(Database.connection(sql), Cycle.TABLE, rows);
    }
    ProcessRows.rebuild(sql, db.shaped(), tenant, tickets, histories);
    return new long[] {tickets.size(), tickets.get(tickets.size() - 1).number()};
  }

  /** The tags of some tickets, for sampled facts. */
  static Map<UUID, java.util.SortedSet<Tag>> tags(DSLContext sql, TenantId tenant,
      List<UUID> tickets) {
    Map<UUID, java.util.SortedSet<Tag>> out = new LinkedHashMap<>();
    if (tickets.isEmpty()) {
      return out;
    }
    sql.select(TicketTables.Tag.TICKET_ID,
            TicketTables.Tag.TAG)
        .from(TicketTables.Tag.TABLE)
        .where(TicketTables.Tag.TENANT_ID.eq(tenant.value()))
        .and(TicketTables.Tag.TICKET_ID.in(tickets))
        .fetch().forEach(r -> out.computeIfAbsent(r.value1(), k -> new java.util.TreeSet<>())
            .add(Tag.of(r.value2())));
    return out;
  }
}
