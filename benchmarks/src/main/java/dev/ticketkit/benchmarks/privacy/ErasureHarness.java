package dev.ticketkit.benchmarks.privacy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.Message;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketConflictException;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.privacy.Erasure;
import dev.ticketkit.core.privacy.ErasureRecord;
import dev.ticketkit.core.privacy.PersonalDataStore;
import dev.ticketkit.core.privacy.Privacy;
import dev.ticketkit.core.privacy.RequesterErased;
import dev.ticketkit.jdbc.JdbcTicketKit;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Issue 14's erasure target on PostgreSQL: erase a requester with 10,000 tickets (each with a
 * requester reply and personal data in its texts) in under 30 s, while a writer keeps replying
 * to other requesters' tickets and another to the erased requester's tickets; reports the
 * erasure's wall time, the longest single-ticket erasure transaction and the writers' latencies
 * (baseline and during the erasure).
 *
 * <p>Also reports, per erased ticket, the statements executed and commits made on the erasure's
 * connections (a pool of its own, application name {@code tk-bench-erase}), the CPU time of the
 * erasure's threads, and the CPU time of the PostgreSQL server processes serving those
 * connections (from /proc: the server must run on this machine).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.ticketkit.benchmarks.privacy.ErasureHarness [tickets]}; the server comes from
 * {@code -Dticketkit.bench.postgres.url}, the erasure's threads from
 * {@code -Dticketkit.bench.erase.threads} (4).
 */
public final class ErasureHarness {

  private static final String URL = System.getProperty("ticketkit.bench.postgres.url",
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
  private static final String SCHEMA = "tk_bench_privacy";
  private static final TenantId TENANT = TenantId.of("bench");
  private static final Actor AGENT = Actor.agent("agent-bench");

  private ErasureHarness() {}

  /**
   * Runs the harness.
   *
   * @param args optionally the number of tickets (default 10,000)
   * @throws Exception if the database fails
   */
  public static void main(String[] args) throws Exception {
    int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    try (Connection admin = DriverManager.getConnection(URL);
        Statement s = admin.createStatement()) {
      s.execute("drop schema if exists " + SCHEMA + " cascade");
      s.execute("create schema " + SCHEMA);
    }
    int parallel = Integer.getInteger("ticketkit.bench.erase.threads", 4);
    try (HikariDataSource pool = pool("tk-bench-write", 8);
        HikariDataSource erasePool = pool(ERASER, parallel + 1)) {
      StatementCounter counter = new StatementCounter();
      run(JdbcTicketKit.create(pool), JdbcTicketKit.create(counter.wrap(erasePool)), counter,
          tickets, parallel);
    } finally {
      try (Connection admin = DriverManager.getConnection(URL);
          Statement s = admin.createStatement()) {
        s.execute("drop schema if exists " + SCHEMA + " cascade");
      }
    }
  }

  /** The application name of the erasure's connections, whose server processes are measured. */
  private static final String ERASER = "tk-bench-erase";

  private static HikariDataSource pool(String name, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(URL + "&currentSchema=" + SCHEMA + "&ApplicationName=" + name);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
    return new HikariDataSource(config);
  }

  private static void run(JdbcTicketKit kit, JdbcTicketKit eraseKit, StatementCounter counter,
      int tickets, int parallel) throws Exception {
    Clock clock = Clock.systemUTC();
    TicketService service = TicketService.builder().store(kit.ticketStore()).clock(clock).build();
    long t0 = System.nanoTime();
    List<TicketId> erased = seed(service, "u-erase", tickets);
    List<TicketId> others = seed(service, "u-other", 200);
    System.out.printf("seeded %d + 200 tickets in %.1f s%n", tickets,
        (System.nanoTime() - t0) / 1e9);
    List<Long> durations = Collections.synchronizedList(new ArrayList<>());
    PersonalDataStore timed = timed(eraseKit.personalDataStore(), durations);
    List<Thread> eraserThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
    ExecutorService erasers = Executors.newFixedThreadPool(parallel, r -> {
      Thread t = new Thread(r, "eraser");
      eraserThreads.add(t);
      return t;
    });
    Privacy privacy = Privacy.builder().tickets(eraseKit.ticketStore()).personalData(timed)
        .clock(clock).pseudonymKey("bench-key-0123456789".getBytes(StandardCharsets.UTF_8))
        .executor(erasers).build();
    List<Long> baseline = writeFor(service, others, 3_000);
    report("writes to other tickets, before", baseline);
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService writers = Executors.newFixedThreadPool(2);
    Future<List<Long>> otherWrites = writers.submit(() -> writeWhile(service, others, running));
    Future<List<Long>> sameWrites = writers.submit(() -> writeWhile(service, erased, running));
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long serverCpuBefore = serverCpuTicks();
    long statementsBefore = counter.statements.sum();
    long commitsBefore = counter.commits.sum();
    long callerCpuBefore = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    RequesterErased result = privacy.erase(TENANT, "u-erase", AGENT);
    long took = System.nanoTime() - start;
    long clientCpu = threads.getCurrentThreadCpuTime() - callerCpuBefore;
    for (Thread t : eraserThreads) {
      clientCpu += Math.max(0, threads.getThreadCpuTime(t.getId()));
    }
    long serverCpu = serverCpuTicks() - serverCpuBefore;
    long statements = counter.statements.sum() - statementsBefore;
    long commits = counter.commits.sum() - commitsBefore;
    running.set(false);
    erasers.shutdown();
    writers.shutdown();
    writers.awaitTermination(1, TimeUnit.MINUTES);
    System.out.printf("erased %d tickets in %.2f s (%.0f tickets/s, %d threads)%n",
        result.record().tickets(), took / 1e9, result.record().tickets() / (took / 1e9),
        parallel);
    int n = Math.max(1, result.record().tickets());
    System.out.printf("per erased ticket: %.2f statements, %.2f commits (round trips %.2f);"
        + " CPU %.2f ms in the erasure's JVM threads, %.2f ms in its PostgreSQL backends%n",
        statements / (double) n, commits / (double) n, (statements + commits) / (double) n,
        clientCpu / 1e6 / n, serverCpu * 1000.0 / CLOCK_TICKS / n);
    report("single-ticket erasure transactions", durations);
    report("writes to other tickets, during", otherWrites.get());
    report("writes to the erased requester's tickets, during", sameWrites.get());
  }

  /** {@code sysconf(_SC_CLK_TCK)} on Linux: the unit of /proc/PID/stat's CPU times. */
  private static final long CLOCK_TICKS = 100;

  /**
   * Returns the CPU time (user and system, in clock ticks) that the PostgreSQL server processes
   * of the erasure's connections have used, read from /proc (the server runs on this machine);
   * 0 where /proc cannot be read.
   */
  private static long serverCpuTicks() throws Exception {
    long ticks = 0;
    try (Connection c = DriverManager.getConnection(URL);
        Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("select pid from pg_stat_activity"
            + " where application_name = '" + ERASER + "'")) {
      while (rs.next()) {
        java.nio.file.Path stat = java.nio.file.Path.of("/proc", rs.getString(1), "stat");
        if (!java.nio.file.Files.isReadable(stat)) {
          continue;
        }
        String text = java.nio.file.Files.readString(stat);
        String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
      }
    }
    return ticks;
  }

  /** Counts the statements executed and the commits made through a data source. */
  private static final class StatementCounter {
    final java.util.concurrent.atomic.LongAdder statements =
        new java.util.concurrent.atomic.LongAdder();
    final java.util.concurrent.atomic.LongAdder commits =
        new java.util.concurrent.atomic.LongAdder();

    javax.sql.DataSource wrap(javax.sql.DataSource ds) {
      return (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(
          ErasureHarness.class.getClassLoader(), new Class<?>[] {javax.sql.DataSource.class},
          (proxy, m, args) -> {
            Object out = invoke(ds, m, args);
            return out instanceof Connection c ? connection(c) : out;
          });
    }

    private Connection connection(Connection c) {
      return (Connection) java.lang.reflect.Proxy.newProxyInstance(
          ErasureHarness.class.getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, m, args) -> {
            if (m.getName().equals("commit")) {
              commits.increment();
            }
            Object out = invoke(c, m, args);
            if (out instanceof java.sql.PreparedStatement ps) {
              return statement(ps, java.sql.PreparedStatement.class);
            }
            if (out instanceof Statement st && !(out instanceof java.sql.CallableStatement)) {
              return statement(st, Statement.class);
            }
            return out;
          });
    }

    private <S extends Statement> S statement(S s, Class<S> type) {
      return type.cast(java.lang.reflect.Proxy.newProxyInstance(
          ErasureHarness.class.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            if (m.getName().startsWith("execute")) {
              statements.increment();
            }
            return invoke(s, m, args);
          }));
    }

    private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args)
        throws Throwable {
      try {
        return m.invoke(target, args);
      } catch (java.lang.reflect.InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  private static List<TicketId> seed(TicketService service, String requester, int n)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<TicketId>> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int k = i;
      ids.add(pool.submit(() -> {
        Ticket t = service.open(TENANT, Actor.requester(requester), NewTicket.builder()
            .requester(Requester.of(requester, "Name of " + requester,
                ContactHandle.email(requester + "@example.org"),
                ContactHandle.phone("+86 139 0000 " + (1000 + k % 9000))))
            .channel(Channel.EMAIL).subject("Order 2026" + k + " for Name of " + requester)
            .description("Write to " + requester + "@example.org, order " + k).build());
        t = service.reply(TENANT, Actor.requester(requester), t.id(), t.version(),
            Message.of(Channel.EMAIL, "My address is " + k + " Long Road, " + requester));
        return t.id();
      }));
    }
    List<TicketId> out = new ArrayList<>();
    for (Future<TicketId> f : ids) {
      out.add(f.get());
    }
    pool.shutdown();
    return out;
  }

  private static List<Long> writeFor(TicketService service, List<TicketId> ids, long millis) {
    // a monotonic timer for the run's length, not a reading of the wall clock
    long end = System.nanoTime() + millis * 1_000_000L;
    List<Long> out = new ArrayList<>();
    while (System.nanoTime() - end < 0) {
      out.add(writeOnce(service, ids));
    }
    return out;
  }

  private static List<Long> writeWhile(TicketService service, List<TicketId> ids,
      AtomicBoolean running) {
    List<Long> out = new ArrayList<>();
    while (running.get()) {
      out.add(writeOnce(service, ids));
    }
    return out;
  }

  private static long writeOnce(TicketService service, List<TicketId> ids) {
    TicketId id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
    long start = System.nanoTime();
    while (true) {
      Ticket t = service.require(TENANT, id);
      try {
        service.note(TENANT, AGENT, id, t.version(), Message.of(Channel.EMAIL, "checked"));
        return System.nanoTime() - start;
      } catch (TicketConflictException e) {
        // another writer was first: read again
      }
    }
  }

  private static void report(String what, List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      System.out.printf("%s: none%n", what);
      return;
    }
    System.out.printf("%s: n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms%n", what, sorted.size(),
        sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6,
        sorted.get(sorted.size() - 1) / 1e6);
  }

  /**
   * Whether erasure reads a page's histories and conversations at once
   * ({@code -Dticketkit.bench.erase.pageReads}, true); false reads them ticket by ticket, as
   * erasure did before.
   */
  private static final boolean PAGE_READS =
      Boolean.parseBoolean(System.getProperty("ticketkit.bench.erase.pageReads", "true"));

  private static PersonalDataStore timed(PersonalDataStore store, List<Long> durations) {
    return new PersonalDataStore() {
      @Override
      public boolean erase(TenantId tenant, TicketId ticket, long version, Erasure erasure) {
        long start = System.nanoTime();
        try {
          return store.erase(tenant, ticket, version, erasure);
        } finally {
          durations.add(System.nanoTime() - start);
        }
      }

      @Override
      public java.util.Map<TicketId, List<dev.ticketkit.core.HistoryEntry>> histories(
          TenantId tenant, List<TicketId> tickets) {
        return PAGE_READS ? store.histories(tenant, tickets) : java.util.Map.of();
      }

      @Override
      public java.util.Map<TicketId, List<dev.ticketkit.core.ConversationEntry>> conversations(
          TenantId tenant, List<TicketId> tickets) {
        return PAGE_READS ? store.conversations(tenant, tickets) : java.util.Map.of();
      }

      @Override
      public int retain(TenantId tenant, Instant closedBefore, int limit, boolean purge,
          Function<TicketId, Erasure> plan) {
        return store.retain(tenant, closedBefore, limit, purge, plan);
      }

      @Override
      public void record(ErasureRecord record) {
        store.record(record);
      }

      @Override
      public List<ErasureRecord> erasures(TenantId tenant) {
        return store.erasures(tenant);
      }
    };
  }
}
