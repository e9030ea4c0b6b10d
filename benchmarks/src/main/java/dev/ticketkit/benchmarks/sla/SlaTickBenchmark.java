package dev.ticketkit.benchmarks.sla;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.sla.SlaEngine;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.ClockTarget;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.policy.SlaCalendars;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.store.ClockUpdate;
import dev.ticketkit.sla.store.LadderLevelDue;
import dev.ticketkit.sla.store.InMemorySlaStore;
import dev.ticketkit.sla.store.SlaChanges;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of {@link SlaEngine#tick(Instant)} when 1,000 escalations are due among 1,000,000
 * open tickets. The in-memory SLA store holds one open RESOLUTION clock per ticket with a level
 * due within the next 30 days (never due during the run), and before each invocation 1,000 real
 * tickets get a new clock whose breach level is due one minute before {@code now}. The tick claims
 * the due work from the store's time-ordered index, reads each clock and ticket, and claims the
 * notify-only levels in batches (a notification to a no-op notifier), recording each as done.
 *
 * <p>Run: {@code java -Xmx6g -jar benchmarks/target/benchmarks.jar SlaTickBenchmark -f 1 -wi 2 -i 3}
 * (the single-shot time of each invocation is reported).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SlaTickBenchmark {

  private static final Instant NOW = Instant.parse("2026-03-09T02:00:00Z");
  private static final int OPEN = 1_000_000;
  private static final int DUE = 1_000;
  private static final String POLICY = """
      { "policies": [ { "id": "bench", "calendar": "24x7",
        "targets": { "RESOLUTION": { "*": "8h" } },
        "escalations": { "RESOLUTION": { "*": [
          { "at": "breach", "actions": [ { "notify": "assignee" } ] } ] } } } ] }
      """;

  private InMemorySlaStore store;
  private SlaEngine engine;
  private final List<Ticket> dueTickets = new ArrayList<>();
  private int cycle = 1;

  /** Fills the store with a million open clocks and opens the thousand tickets that fall due. */
  @Setup(Level.Trial)
  public void setUp() {
    store = InMemorySlaStore.create();
    InMemoryTicketStore tickets = InMemoryTicketStore.create();
    TicketService service = TicketService.builder().store(tickets)
        .clock(Clock.fixed(NOW.minus(Duration.ofHours(9)), ZoneOffset.UTC)).build();
    engine = SlaEngine.builder().tickets(service)
        .policies(SlaPolicies.fromJson(POLICY, SlaCalendars.standard())).store(store)
        .notifier(n -> { }).build();
    TenantId tenant = TenantId.of("acme");
    for (int i = 0; i < DUE; i++) {
      dueTickets.add(service.open(tenant, Actor.requester("wang"), NewTicket.builder()
          .requester(Requester.of("wang", "Wang Fang", ContactHandle.phone("+86 138 0000 0000")))
          .channel(Channel.EMAIL).subject("E" + i).description("Fails.")
          .priority(Priority.MEDIUM).build()));
    }
    engine.tick(NOW);
    fillOpenClocks(tenant);
  }

  private void fillOpenClocks(TenantId tenant) {
    SplittableRandom random = new SplittableRandom(20261122L);
    List<ClockUpdate> batch = new ArrayList<>();
    for (int i = 0; i < OPEN; i++) {
      ClockKey key = ClockKey.of(tenant, TicketId.of(new UUID(random.nextLong(), i)),
          SlaMetric.RESOLUTION, 1);
      Instant start = NOW.minus(Duration.ofMinutes(random.nextInt(60)));
      Instant due = NOW.plus(Duration.ofMinutes(1 + random.nextInt(30 * 24 * 60)));
      batch.add(new ClockUpdate(SlaClock.start(key, 1, target(), start, due),
          List.of(new LadderLevelDue(key, 1, due))));
      if (batch.size() == 10_000) {
        store.write(new SlaChanges(0, batch, List.of()));
        batch.clear();
      }
    }
  }

  private static ClockTarget target() {
    return new ClockTarget("bench", Priority.MEDIUM, "24x7", Duration.ofHours(8), "bench");
  }

  /** Gives each of the thousand tickets a new clock whose breach level is due now. */
  @Setup(Level.Invocation)
  public void makeDue() {
    cycle++;
    List<ClockUpdate> updates = new ArrayList<>(DUE);
    for (Ticket t : dueTickets) {
      ClockKey key = ClockKey.of(t.tenant(), t.id(), SlaMetric.RESOLUTION, cycle);
      Instant start = NOW.minus(Duration.ofHours(8).plusMinutes(1));
      Instant due = start.plus(Duration.ofHours(8));
      updates.add(new ClockUpdate(SlaClock.start(key, 1, target(), start, due),
          List.of(new LadderLevelDue(key, 1, due))));
    }
    store.write(new SlaChanges(0, updates, List.of()));
  }

  /**
   * Fires the thousand due escalations.
   *
   * @return how many fired (1,000)
   */
  @Benchmark
  public int tick() {
    int fired = engine.tick(NOW);
    if (fired != DUE) {
      throw new IllegalStateException("fired " + fired + ", expected " + DUE);
    }
    return fired;
  }
}
