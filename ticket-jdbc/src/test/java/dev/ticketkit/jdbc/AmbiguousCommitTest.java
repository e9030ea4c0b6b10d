package dev.ticketkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.Message;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.core.store.TicketCommitUnknownException;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.core.store.UnitOfWork;
import dev.ticketkit.jdbc.testing.FaultyDataSource;
import dev.ticketkit.jdbc.testing.FaultyDataSource.Fault;
import dev.ticketkit.jdbc.testing.FaultyDataSource.Point;
import dev.ticketkit.jdbc.testing.TestKit;
import dev.ticketkit.testkit.MutableClock;
import dev.ticketkit.testkit.contract.TicketFixtures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11, defect 2: a {@code COMMIT} that fails in flight. The store reads the ticket back and
 * answers with the truth: success when the commit took effect, {@link StorageException} (nothing
 * written, retry) when it did not, and {@link TicketCommitUnknownException} only when it cannot
 * read back; then the caller reads the ticket and finds out. On H2, PostgreSQL and MariaDB.
 *
 * <p>On PostgreSQL the {@code COMMIT} travels with the commit's writes, in one statement
 * ({@code <writes>; commit}): the faults are injected there, before the statement reaches the
 * server or after the server committed it; the tests assert where each fault was taken. A host's
 * unit of work that runs its own statements after the writes were sent keeps the plain
 * {@code Connection.commit()} on every database, and its rows commit with the ticket or not at
 * all.
 */
class AmbiguousCommitTest {

  private static final Map<DatabaseKind, TestKit> DATABASES = new EnumMap<>(DatabaseKind.class);
  private static final Actor AGENT = Actor.agent("li");

  @AfterAll
  static void dropDatabases() {
    DATABASES.values().forEach(TestKit::close);
  }

  private record Setup(FaultyDataSource faults, TicketService service, TenantId tenant,
      TicketStore store, TestKit db) {}

  private static Setup setup(DatabaseKind kind) {
    TestKit db = DATABASES.computeIfAbsent(kind, TestKit::new);
    db.kit();
    FaultyDataSource faults = FaultyDataSource.wrap(db.dataSource());
    JdbcTicketKit kit = JdbcTicketKit.builder().dataSource(faults).kind(kind).migrate(false)
        .build();
    TicketService service = TicketService.builder().store(kit.ticketStore())
        .workflow(TicketFixtures.WORKFLOW).clock(MutableClock.of(TicketFixtures.T0)).build();
    return new Setup(faults, service,
        TenantId.of("amb-" + UUID.randomUUID().toString().substring(0, 8)), kit.ticketStore(),
        db);
  }

  /** Where a commit's fault is taken when no host statement runs after the writes. */
  private static Point commitPoint(DatabaseKind kind) {
    return kind == DatabaseKind.POSTGRESQL ? Point.STATEMENT_WITH_COMMIT : Point.COMMIT_CALL;
  }

  private static Ticket note(Setup s, Ticket t, String body) {
    return s.service().note(s.tenant(), AGENT, t.id(), t.version(),
        Message.of(Channel.EMAIL, body));
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aCommitThatTookEffectBeforeItsAnswerWasLostIsASuccess(DatabaseKind kind) {
    Setup s = setup(kind);
    s.faults().failNextCommit(Fault.COMMIT_THEN_FAIL, false);
    Ticket opened = s.service().open(s.tenant(), AGENT, TicketFixtures.intake().build());
    s.faults().failNextCommit(Fault.COMMIT_THEN_FAIL, false);
    Ticket noted = note(s, opened, "kept once");

    assertThat(s.faults().lastFault()).isEqualTo(commitPoint(kind));
    assertThat(s.service().require(s.tenant(), opened.id())).isEqualTo(noted);
    assertThat(noted.version()).isEqualTo(2);
    assertThat(s.service().conversation(s.tenant(), opened.id()))
        .filteredOn(c -> c.body().equals("kept once")).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aCommitThatDidNotTakeEffectIsAStorageExceptionAndARetryWritesOnce(DatabaseKind kind) {
    Setup s = setup(kind);
    Ticket opened = s.service().open(s.tenant(), AGENT, TicketFixtures.intake().build());
    s.faults().failNextCommit(Fault.FAIL_WITHOUT_COMMIT, false);
    assertThatThrownBy(() -> note(s, opened, "retried"))
        .isInstanceOf(StorageException.class)
        .isNotInstanceOf(TicketCommitUnknownException.class)
        .hasMessageContaining("did not take effect");
    assertThat(s.faults().lastFault()).isEqualTo(commitPoint(kind));
    assertThat(s.service().require(s.tenant(), opened.id())).isEqualTo(opened);

    Ticket noted = note(s, opened, "retried");
    assertThat(noted.version()).isEqualTo(2);
    assertThat(s.service().conversation(s.tenant(), opened.id()))
        .filteredOn(c -> c.body().equals("retried")).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aCommitWhoseOutcomeCannotBeReadBackIsUnknownAndTheCallerFindsOutByReading(
      DatabaseKind kind) {
    Setup s = setup(kind);
    Ticket opened = s.service().open(s.tenant(), AGENT, TicketFixtures.intake().build());
    s.faults().failNextCommit(Fault.COMMIT_THEN_FAIL, true);
    assertThatThrownBy(() -> note(s, opened, "maybe"))
        .isInstanceOfSatisfying(TicketCommitUnknownException.class, e -> {
          assertThat(e.ticketId()).isEqualTo(opened.id());
          assertThat(e.tenant()).isEqualTo(s.tenant());
          assertThat(e.version()).isEqualTo(opened.version() + 1);
        });
    assertThat(s.faults().lastFault()).isEqualTo(commitPoint(kind));
    s.faults().heal();
    Ticket now = s.service().require(s.tenant(), opened.id());
    assertThat(now.version()).isEqualTo(opened.version() + 1);
    assertThat(s.service().conversation(s.tenant(), opened.id()))
        .filteredOn(c -> c.body().equals("maybe")).hasSize(1);

    s.faults().failNextCommit(Fault.FAIL_WITHOUT_COMMIT, true);
    assertThatThrownBy(() -> note(s, now, "not written"))
        .isInstanceOf(TicketCommitUnknownException.class);
    s.faults().heal();
    assertThat(s.service().require(s.tenant(), opened.id())).isEqualTo(now);
  }

  static Stream<Arguments> kindsAndFaults() {
    return Stream.of(DatabaseKind.values()).flatMap(kind -> Stream.of(
        Arguments.of(kind, Fault.COMMIT_THEN_FAIL), Arguments.of(kind, Fault.FAIL_WITHOUT_COMMIT)));
  }

  /**
   * A host's unit of work that unwraps the transaction and writes a row of its own runs after
   * the commit's writes were sent: its row must commit with the ticket, so the store commits with
   * {@code Connection.commit()} (the fault is taken there on every database) and resolves a
   * failed one as before.
   */
  @ParameterizedTest
  @MethodSource("kindsAndFaults")
  void aHostsStatementsAfterTheWritesCommitWithTheTicketOrNotAtAll(DatabaseKind kind,
      Fault fault) {
    Setup s = setup(kind);
    JdbcTestSql.execute(s.db().dataSource(), "create table if not exists amb_host_row"
        + " (ticket_id varchar(36) not null, ticket_version bigint not null)");
    ChangeSet open = s.store().commit(TicketFixtures.opening(s.tenant(), TicketFixtures.T0),
        UnitOfWork.NONE);
    ChangeSet edit = TicketFixtures.update(s.store(), open.ticket(),
        TicketFixtures.T0.plusSeconds(1), b -> b.subject("Edited by the host"));
    UnitOfWork host = (committed, tx) -> {
      Connection c = tx.unwrap(Connection.class).orElseThrow();
      try (PreparedStatement p = c.prepareStatement("insert into amb_host_row values (?, ?)")) {
        p.setString(1, committed.ticketId().value().toString());
        p.setLong(2, committed.ticket().version());
        p.executeUpdate();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    };
    s.faults().failNextCommit(fault, false);
    if (fault == Fault.COMMIT_THEN_FAIL) {
      assertThat(s.store().commit(edit, host).ticket().version()).isEqualTo(2);
    } else {
      assertThatThrownBy(() -> s.store().commit(edit, host))
          .isInstanceOf(StorageException.class)
          .isNotInstanceOf(TicketCommitUnknownException.class)
          .hasMessageContaining("did not take effect");
    }

    assertThat(s.faults().lastFault()).isEqualTo(Point.COMMIT_CALL);
    long expected = fault == Fault.COMMIT_THEN_FAIL ? 2 : 1;
    assertThat(s.store().get(s.tenant(), open.ticketId()).orElseThrow().version())
        .isEqualTo(expected);
    assertThat(JdbcTestSql.count(s.db().dataSource(), "select count(*) from amb_host_row"
        + " where ticket_id = ?", open.ticketId().value().toString()))
        .as("the host's row, committed with the ticket's version 2 or not at all")
        .isEqualTo(expected - 1);
  }

  /**
   * A commit whose {@code COMMIT} failed runs the unit of work's undo actions when the read-back
   * finds it did not take effect, and none when it did (on PostgreSQL the fault is taken at the
   * statement that carried the writes and the {@code COMMIT}).
   */
  @ParameterizedTest
  @MethodSource("kindsAndFaults")
  void theUndoActionsRunWhenTheFailedCommitDidNotTakeEffect(DatabaseKind kind, Fault fault) {
    Setup s = setup(kind);
    ChangeSet open = s.store().commit(TicketFixtures.opening(s.tenant(), TicketFixtures.T0),
        UnitOfWork.NONE);
    ChangeSet edit = TicketFixtures.update(s.store(), open.ticket(),
        TicketFixtures.T0.plusSeconds(1), b -> b.subject("Edited"));
    java.util.concurrent.atomic.AtomicInteger undone =
        new java.util.concurrent.atomic.AtomicInteger();
    UnitOfWork work = (committed, tx) -> tx.onRollback(undone::incrementAndGet);
    s.faults().failNextCommit(fault, false);
    if (fault == Fault.COMMIT_THEN_FAIL) {
      assertThat(s.store().commit(edit, work).ticket().version()).isEqualTo(2);
      assertThat(undone).hasValue(0);
    } else {
      assertThatThrownBy(() -> s.store().commit(edit, work))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("did not take effect");
      assertThat(undone).hasValue(1);
    }
    assertThat(s.faults().lastFault()).isEqualTo(commitPoint(kind));
  }
}
