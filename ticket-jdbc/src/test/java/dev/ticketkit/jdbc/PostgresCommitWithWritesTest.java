package dev.ticketkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.jdbc.testing.CountingDataSource;
import dev.ticketkit.jdbc.testing.CountingDataSource.Counts;
import dev.ticketkit.jdbc.testing.TestKit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the ticket store relies on when it sends a commit's writes and its {@code COMMIT} as one
 * statement ({@code <writes>; commit}) on PostgreSQL, checked against the server rather than
 * assumed: pgjdbc sends the two queries in ONE round trip and the server commits before the
 * driver returns (another session sees the row, the backend is idle outside a transaction); a
 * later {@code Connection.commit()} reaches no server (the backend's {@code query_start} does not
 * move, where a real commit moves it); a write the server refuses skips the {@code COMMIT} (the
 * backend stays in its aborted transaction). And {@link CountingDataSource} counts this as the
 * server did: one statement, one round trip, one server transaction, then an empty end.
 */
class PostgresCommitWithWritesTest {

  private static final TestKit DB = new TestKit(DatabaseKind.POSTGRESQL);
  private static Connection observer;

  @BeforeAll
  static void createTable() throws SQLException {
    observer = DB.dataSource().getConnection();
    observer.setAutoCommit(true);
    try (Statement s = observer.createStatement()) {
      s.execute("create table if not exists cw_probe (n int primary key)");
    }
  }

  @AfterAll
  static void close() throws SQLException {
    observer.close();
    DB.close();
  }

  /** One backend's activity as another session sees it. */
  private record Activity(String state, Timestamp transactionStart, Timestamp queryStart) {}

  private static Activity activity(int pid) throws SQLException {
    try (PreparedStatement p = observer.prepareStatement(
        "select state, xact_start, query_start from pg_stat_activity where pid = ?")) {
      p.setInt(1, pid);
      try (ResultSet rs = p.executeQuery()) {
        assertThat(rs.next()).as("backend %s", pid).isTrue();
        return new Activity(rs.getString(1), rs.getTimestamp(2), rs.getTimestamp(3));
      }
    }
  }

  private static long rows(int n) {
    return JdbcTestSql.count(DB.dataSource(), "select count(*) from cw_probe where n = ?", n);
  }

  private static int backendPid(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "select pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void theCommitSentWithTheWritesCommitsInOneRoundTripAndTheLaterCommitSendsNothing()
      throws SQLException {
    CountingDataSource counting = CountingDataSource.wrap(DB.dataSource());
    try (Connection c = counting.getConnection()) {
      c.setAutoCommit(false);
      int pid = backendPid(c);
      Counts before = counting.counts();
      try (PreparedStatement p = c.prepareStatement("insert into cw_probe values (?); commit")) {
        p.setInt(1, 1);
        p.execute();
      }
      assertThat(counting.counts().minus(before)).as("one statement, one round trip, and the"
          + " transaction ended").isEqualTo(new Counts(1, 1, 1, 0));
      Activity afterWrites = activity(pid);
      assertThat(afterWrites.state()).as("no transaction open on the server").isEqualTo("idle");
      assertThat(afterWrites.transactionStart()).isNull();
      assertThat(rows(1)).as("committed: another session sees the row").isEqualTo(1);

      c.commit();
      assertThat(counting.counts().minus(before)).as("the commit after it is an empty end")
          .isEqualTo(new Counts(1, 1, 1, 1));
      assertThat(activity(pid).queryStart()).as("Connection.commit() sent nothing")
          .isEqualTo(afterWrites.queryStart());

      // the control: a commit that has a transaction to end does reach the server
      try (PreparedStatement p = c.prepareStatement("insert into cw_probe values (?)")) {
        p.setInt(1, 2);
        p.execute();
      }
      Activity open = activity(pid);
      assertThat(open.state()).isEqualTo("idle in transaction");
      c.commit();
      assertThat(activity(pid).queryStart()).isAfter(open.queryStart());
      assertThat(counting.counts().minus(before)).isEqualTo(new Counts(2, 3, 2, 1));
      c.setAutoCommit(true);
    }
  }

  @Test
  void aWriteTheServerRefusesSkipsTheCommitSentWithIt() throws SQLException {
    try (Connection c = DB.dataSource().getConnection()) {
      c.setAutoCommit(false);
      int pid = backendPid(c);
      try (PreparedStatement p = c.prepareStatement("insert into cw_probe values (?), (?);"
          + " commit")) {
        p.setInt(1, 3);
        p.setInt(2, 3);
        assertThatThrownBy(p::execute).isInstanceOfSatisfying(SQLException.class,
            e -> assertThat(e.getSQLState()).isEqualTo("23505"));
      }
      assertThat(activity(pid).state()).as("the COMMIT did not run: the transaction is aborted")
          .isEqualTo("idle in transaction (aborted)");
      c.rollback();
      assertThat(rows(3)).isZero();
      c.setAutoCommit(true);
    }
  }
}
