package dev.ticketkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.Message;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.store.TicketCommitUnknownException;
import dev.ticketkit.jdbc.testing.FaultyDataSource;
import dev.ticketkit.jdbc.testing.FaultyDataSource.Fault;
import dev.ticketkit.jdbc.testing.TestKit;
import dev.ticketkit.testkit.MutableClock;
import dev.ticketkit.testkit.contract.TicketFixtures;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 11, defect 2: a {@code COMMIT} that fails in flight. The store reads the ticket back and
 * answers with the truth: success when the commit took effect, {@link StorageException} (nothing
 * written, retry) when it did not, and {@link TicketCommitUnknownException} only when it cannot
 * read back; then the caller reads the ticket and finds out. On H2, PostgreSQL and MariaDB.
 */
class AmbiguousCommitTest {

  private static final Map<DatabaseKind, TestKit> DATABASES = new EnumMap<>(DatabaseKind.class);
  private static final Actor AGENT = Actor.agent("li");

  @AfterAll
  static void dropDatabases() {
    DATABASES.values().forEach(TestKit::close);
  }

  private record Setup(FaultyDataSource faults, TicketService service, TenantId tenant) {}

  private static Setup setup(DatabaseKind kind) {
    TestKit db = DATABASES.computeIfAbsent(kind, TestKit::new);
    db.kit();
    FaultyDataSource faults = FaultyDataSource.wrap(db.dataSource());
    JdbcTicketKit kit = JdbcTicketKit.builder().dataSource(faults).kind(kind).migrate(false)
        .build();
    TicketService service = TicketService.builder().store(kit.ticketStore())
        .workflow(TicketFixtures.WORKFLOW).clock(MutableClock.of(TicketFixtures.T0)).build();
    return new Setup(faults, service,
        TenantId.of("amb-" + UUID.randomUUID().toString().substring(0, 8)));
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
}
