package dev.ticketkit.jdbc;

import dev.ticketkit.core.outbox.OutboxRelay;
import dev.ticketkit.core.privacy.PersonalDataStore;
import dev.ticketkit.core.routing.RosterStore;
import dev.ticketkit.core.store.RequesterIndex;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.jdbc.internal.Database;
import dev.ticketkit.kb.store.ArticleStore;
import dev.ticketkit.sla.store.SlaStore;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * TicketKit's stores on a relational database: the entry point a host uses to keep tickets, the
 * knowledge base and SLA state in H2, PostgreSQL or MariaDB.
 *
 * <pre>{@code
 * JdbcTicketKit kit = JdbcTicketKit.create(dataSource);     // migrates the tk_ tables
 * TicketService tickets = TicketService.builder()
 *     .store(kit.ticketStore()).clock(clock).build();
 * OutboxRelay relay = kit.outboxRelay(clock);               // deliver events at least once
 * relay.subscribe(message -> notifier.send(message.idempotencyKey(), message.event()));
 * scheduler.scheduleWithFixedDelay(() -> relay.deliverPending(100), 1, 1, SECONDS);
 * }</pre>
 *
 * <p>The host owns the data source (use a connection pool) and the threads; TicketKit holds no
 * connection between calls and starts no thread. Every store of one kit shares the data source,
 * so the SLA engine attached to a service over {@link #ticketStore()} writes its rows in the ticket's
 * transaction. Instances are immutable and thread-safe.
 *
 * <p><b>Commits on PostgreSQL.</b> A write call of the ticket store is one transaction of two
 * round trips: the locked read of the ticket, then ONE statement holding every write of the
 * commit, the followers' included, followed by the transaction's {@code COMMIT}
 * ({@code <writes>; commit}, which the PostgreSQL JDBC driver sends as one round trip; the
 * {@code Connection.commit()} the store still calls afterwards then sends nothing, as the driver
 * knows from the server's answer that no transaction is open). What a host may notice:
 * <ul>
 *   <li>statement logs, proxies and interceptors of the pool or driver see statements that end
 *       with {@code ; commit}; one that rewrites or refuses such statements breaks TicketKit's
 *       commits on PostgreSQL;
 *   <li>a follower whose work inside the commit unwraps the transaction (its {@code Connection}
 *       or {@code DSLContext}) gets the commit's writes sent first and runs its own statements
 *       after them; they commit with the ticket as before, by a plain {@code COMMIT} (one more
 *       round trip) unless TicketKit's own stores hold back writes after them, which then carry
 *       the {@code COMMIT};
 *   <li>a failure of the statement that carried the {@code COMMIT} is answered like a failed
 *       {@code COMMIT}: the store reads the ticket back and returns the commit if it took effect,
 *       throws {@link StorageException} if it did not (nothing was written), and
 *       {@code TicketCommitUnknownException} only if it cannot read back; a new ticket whose id
 *       is taken is still a {@code TicketConflictException} (the server refused the write and
 *       skipped the {@code COMMIT}).
 * </ul>
 * H2 and MariaDB send each write as a statement of its own and commit with
 * {@code Connection.commit()}.
 */
public final class JdbcTicketKit {

  private final DatabaseKind kind;
  private final Database database;
  private final JdbcTicketStore ticketStore;
  // Created on first use: ticket-sla and ticket-kb are optional dependencies of ticket-jdbc, so a
  // host that stores only tickets runs without their classes (see PartialClasspathTest). The JVM
  // verifies this class without loading them as long as no statement here assigns one of our
  // classes to one of their types: the stores' own factories do that.
  private volatile @Nullable ArticleStore articleStore;
  private volatile @Nullable SlaStore slaStore;
  // Likewise ticket-report (an optional dependency): the report source's own factory creates it.
  private volatile @Nullable JdbcReportSource reportSource;
  // On once the report source exists: the SLA store then also writes the report's rows of the
  // clocks it stops (tk_report_clock); a kit without a report source writes none.
  private final java.util.concurrent.atomic.AtomicBoolean reportClocks =
      new java.util.concurrent.atomic.AtomicBoolean();

  JdbcTicketKit(DataSource dataSource, DatabaseKind kind) {
    this(dataSource, kind, false);
  }

  JdbcTicketKit(DataSource dataSource, DatabaseKind kind, boolean rowLevelSecurity) {
    this.kind = kind;
    this.database = new Database(dataSource, kind, StorageException::new);
    this.ticketStore = new JdbcTicketStore(database, rowLevelSecurity);
  }

  /**
   * Returns a kit over a data source after bringing its TicketKit tables up to date.
   *
   * @param dataSource the host's data source
   * @return the kit
   * @throws StorageException if the database cannot be reached, is not supported, or a
   *     migration fails
   */
  public static JdbcTicketKit create(DataSource dataSource) {
    return builder().dataSource(dataSource).build();
  }

  /**
   * Returns a builder, for a kit that does not migrate on start (a host that runs TicketKit's
   * scripts with its own Flyway or Liquibase) or that names its database product.
   *
   * @return a new builder
   */
  public static JdbcTicketKitBuilder builder() {
    return new JdbcTicketKitBuilder();
  }

  /** @return the database product the kit talks to */
  public DatabaseKind kind() {
    return kind;
  }

  /**
   * Returns the ticket store: tickets, history, conversation, tags and links, with the outbox
   * written in every commit.
   *
   * @return the store, shared by every caller of this kit
   */
  public TicketStore ticketStore() {
    return ticketStore;
  }

  /**
   * Returns the store that erases requesters' personal data and keeps the erasure records (see
   * {@link dev.ticketkit.core.privacy.Privacy}): it rewrites every text and JSON column of the
   * TicketKit tables kept by ticket, one ticket per transaction.
   *
   * @return the store, the same object as {@link #ticketStore()}
   */
  public PersonalDataStore personalDataStore() {
    return ticketStore;
  }

  /**
   * Returns the knowledge base's article store.
   *
   * @return the store, shared by every caller of this kit
   */
  public ArticleStore articleStore() {
    ArticleStore store = articleStore;
    if (store == null) {
      synchronized (this) {
        store = articleStore;
        if (store == null) {
          store = JdbcArticleStore.create(database);
          articleStore = store;
        }
      }
    }
    return store;
  }

  /**
   * Returns the SLA store: clocks, due work (ladder levels and event rules) and done records.
   * Everything it does inside a ticket commit runs on that commit's connection; its
   * {@code claim} takes due work with {@code SELECT ... FOR UPDATE SKIP LOCKED} and done records
   * are unique, so several nodes sharing the database do each piece once (on H2, the connections
   * of the one embedding process).
   *
   * @return the store, shared by every caller of this kit
   */
  public SlaStore slaStore() {
    SlaStore store = slaStore;
    if (store == null) {
      synchronized (this) {
        store = slaStore;
        if (store == null) {
          store = JdbcSlaStore.create(database, reportClocks);
          slaStore = store;
        }
      }
    }
    return store;
  }

  /**
   * Returns the SQL report source (ticket-report must be on the class path): attach it to the
   * ticket service as a follower so that every commit keeps the report's facts, and give it to
   * the report engine (see {@link JdbcReportSource}).
   *
   * @return the source, shared by every caller of this kit
   */
  public JdbcReportSource reportSource() {
    JdbcReportSource source = reportSource;
    if (source == null) {
      synchronized (this) {
        source = reportSource;
        if (source == null) {
          reportClocks.set(true);
          source = JdbcReportSource.create(database);
          reportSource = source;
        }
      }
    }
    return source;
  }

  /**
   * Returns the index from normalised contact handles to requesters, for
   * {@code RequesterDirectory.attach(service, kit.requesterIndex())}; it writes inside the ticket
   * store's commits.
   *
   * @return a new index over this kit's database
   */
  public RequesterIndex requesterIndex() {
    return new JdbcRequesterIndex(database);
  }

  /**
   * Returns the store of routing's agent loads and round-robin turns, for
   * {@code Routing.builder().store(kit.rosterStore())}: it writes inside this kit's ticket
   * store's commits, so a routed assignment and its load commit together.
   *
   * @return a new roster store over this kit's database
   */
  public RosterStore rosterStore() {
    return new JdbcRosterStore(database);
  }

  /**
   * Returns a relay that delivers the outbox's events to listeners, at least once each.
   *
   * @param clock the clock that stamps deliveries
   * @return a new relay without listeners
   */
  public OutboxRelay outboxRelay(Clock clock) {
    return OutboxRelay.over(ticketStore.outbox(), Objects.requireNonNull(clock, "clock"));
  }
}
