package dev.ticketkit.benchmarks.sla;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.Message;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.store.TransactionContext;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.sla.internal.Calendars;
import dev.ticketkit.sla.internal.SlaFollower;
import dev.ticketkit.sla.internal.WorkRunner;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.store.InMemorySlaStore;
import dev.ticketkit.sla.store.SlaChanges;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of applying one stored ticket change to its SLA clocks: the engine's follower
 * reads the ticket's clocks from an {@link InMemorySlaStore}, runs the clock state
 * machine, plans each changed clock's escalation schedule and writes clocks and schedules back.
 * The ticket (standard policy, HIGH, China calendar) has four open clocks. {@code change=pause} applies
 * {@code wait_on_requester} (one status event, four clocks paused); {@code change=resume} applies the
 * requester's answer (a reply event and a status event: four clocks resumed with new escalation
 * schedules; the first invocation also starts a NEXT_RESPONSE clock, which later invocations find
 * open). Before each invocation the store is put back to the clocks the change applies to
 * (outside the measurement), so pause lists do not grow.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SlaEventBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SlaEventBenchmark {

  private static final TransactionContext NO_TX = new TransactionContext() {
    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
      return Optional.empty();
    }

    @Override
    public void onRollback(Runnable undo) {}
  };

  /** Which change to apply: {@code pause} or {@code resume}. */
  @Param({"pause", "resume"})
  public String change;

  private SlaFollower core;
  private InMemorySlaStore store;
  private ChangeSet pause;
  private ChangeSet resume;
  private SlaChanges beforePause;
  private SlaChanges beforeResume;

  /** Records a ticket's changes through a real service, then replays them into a fresh core. */
  @Setup
  public void setUp() {
    InMemoryTicketStore tickets = InMemoryTicketStore.create();
    List<ChangeSet> changes = new ArrayList<>();
    Clock clock = Clock.fixed(Instant.parse("2026-03-09T02:00:00Z"), ZoneOffset.UTC);
    TicketService service = TicketService.builder().store(tickets).clock(clock)
        .follower(new dev.ticketkit.core.TicketFollower() {
          @Override
          public void afterCommit(ChangeSet committed) {
            changes.add(committed);
          }
        }).build();
    TenantId tenant = TenantId.of("acme");
    Ticket t = service.open(tenant, Actor.requester("wang"), NewTicket.builder()
        .requester(Requester.of("wang", "Wang Fang", ContactHandle.phone("+86 138 0000 0000")))
        .channel(Channel.WECHAT_OFFICIAL_ACCOUNT).subject("E1024").description("Fails.")
        .priority(Priority.HIGH).build());
    Actor agent = Actor.agent("li");
    t = service.fire(tenant, agent, t.id(), t.version(), StandardWorkflow.ACCEPT);
    t = service.reply(tenant, agent, t.id(), t.version(), Message.of(Channel.IM, "On it"));
    t = service.fire(tenant, agent, t.id(), t.version(), StandardWorkflow.WAIT_ON_REQUESTER);
    service.reply(tenant, Actor.requester("wang"), t.id(), t.version(), Message.of(Channel.IM, "Done"));
    SlaPolicies policies = SlaPolicies.standard();
    store = InMemorySlaStore.create();
    core = new SlaFollower(policies, new Calendars(policies.calendars()), store,
        new WorkRunner(policies, store, service, Actor.system("sla"), n -> { }, Map.of(), 5));
    pause = changes.get(changes.size() - 2);
    resume = changes.get(changes.size() - 1);
    for (ChangeSet cs : changes) {
      if (cs == pause) {
        beforePause = snapshot(t);
      } else if (cs == resume) {
        beforeResume = snapshot(t);
      }
      core.inTransaction(cs, NO_TX);
    }
  }

  private SlaChanges snapshot(Ticket t) {
    return new SlaChanges(0, core.updates(store.clocks(t.tenant(), t.id())), List.of());
  }

  /** Puts the store back to the clocks the change applies to. */
  @Setup(Level.Invocation)
  public void reset() {
    store.write(change.equals("pause") ? beforePause : beforeResume);
  }

  /**
   * Applies the change to the ticket's clocks.
   *
   * @return the change applied
   */
  @Benchmark
  public ChangeSet apply() {
    ChangeSet cs = change.equals("pause") ? pause : resume;
    core.inTransaction(cs, NO_TX);
    return cs;
  }
}
