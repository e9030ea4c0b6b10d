package dev.ticketkit.testkit.sla;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.TicketStateException;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.sla.SlaEngine;
import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.escalation.Notification;
import dev.ticketkit.sla.policy.SlaCalendars;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.policy.SlaPolicy;
import dev.ticketkit.sla.store.SlaStore;
import dev.ticketkit.testkit.MutableClock;
import dev.ticketkit.testkit.internal.EngineWiring;
import dev.ticketkit.testkit.story.StoryStep;
import dev.ticketkit.testkit.story.Tick;
import dev.ticketkit.testkit.story.TicketStory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A helpdesk in a test: a {@link MutableClock}, a ticket service on the given ticket store, and two
 * SLA engines sharing the given SLA store, as two application nodes sharing one database would.
 * Node A follows the ticket commits and ticks; node B only ticks. It plays {@link TicketStory}s
 * and reports what happened as a {@link StoryRun}.
 *
 * <pre>{@code
 * try (SlaHarness harness = SlaHarness.create(SlaPolicies.standard(),
 *     InMemoryTicketStore.create(), InMemorySlaStore.create())) {
 *   StoryRun run = harness.run(story);
 *   SlaChecks.dueIsNeverBeforeStart(run);
 * }
 * }</pre>
 *
 * <p>Not thread-safe: play one story at a time. Each harness plays one story (a second
 * {@link #run} throws), so stories never see each other's tickets; the stores may be shared with
 * other harnesses, since every story's ticket has a new id.
 */
public final class SlaHarness implements AutoCloseable {

  private static final Actor AGENT = Actor.agent("agent-li");

  private final SlaPolicies policies;
  private final RecordingSlaStore slaStore;
  private final MutableClock clock = MutableClock.standard();
  private final TicketService service;
  private final SlaEngine first;
  private final SlaEngine second;
  private final List<Notification> notifications = new CopyOnWriteArrayList<>();
  private boolean used;

  private SlaHarness(SlaPolicies policies, TicketStore tickets, SlaStore slaStore) {
    this.policies = policies;
    this.slaStore = new RecordingSlaStore(slaStore);
    this.service = TicketService.builder().store(tickets).clock(clock).build();
    TicketService secondService = TicketService.builder().store(tickets).clock(clock).build();
    this.first = EngineWiring.attach(service, policies, this.slaStore, notifications::add);
    this.second = EngineWiring.attach(secondService, policies, this.slaStore, notifications::add);
  }

  /**
   * Creates a harness.
   *
   * @param policies the SLA policies under test, with their calendars
   * @param tickets the ticket store, usually a new {@code InMemoryTicketStore}
   * @param slaStore the SLA store under test, usually a new {@code InMemorySlaStore}; a
   *     database store must be able to write in the ticket store's transactions
   * @return the harness; close it when done
   */
  public static SlaHarness create(SlaPolicies policies, TicketStore tickets, SlaStore slaStore) {
    return new SlaHarness(Objects.requireNonNull(policies, "policies"),
        Objects.requireNonNull(tickets, "tickets"), Objects.requireNonNull(slaStore, "slaStore"));
  }

  /**
   * Returns the clock the service and the story use.
   *
   * @return the clock
   */
  public MutableClock clock() {
    return clock;
  }

  /**
   * Returns the ticket service of node A.
   *
   * @return the service
   */
  public TicketService service() {
    return service;
  }

  /**
   * Returns the engine of node A, which follows the ticket commits.
   *
   * @return the engine
   */
  public SlaEngine engine() {
    return first;
  }

  /**
   * Plays a story: sets the clock to its arrival, opens the ticket as its requester, then for
   * each step lets the gap pass, does the action as the agent or the requester, and runs the
   * step's ticks on node A or B. An action the ticket's state refuses ({@link
   * TicketStateException}) changes nothing and the story goes on; any other exception stops the
   * run and is reported by {@link StoryRun#failure()}.
   *
   * @param story the story
   * @return what happened
   * @throws IllegalStateException if this harness already played a story
   */
  public StoryRun run(TicketStory story) {
    Objects.requireNonNull(story, "story");
    if (used) {
      throw new IllegalStateException("a harness plays one story; create another");
    }
    used = true;
    return new Play(story).play();
  }

  /** Detaches both engines. */
  @Override
  public void close() {
    first.close();
    second.close();
  }

  /** One playing of a story. */
  private final class Play {
    private final TicketStory story;
    private final Actor requester;
    private final List<Observation> seen = new ArrayList<>();
    private Ticket ticket;
    private RuntimeException failure;
    private String failedAt = "";

    Play(TicketStory story) {
      this.story = story;
      this.requester = Actor.requester(story.intake().requester().id());
    }

    StoryRun play() {
      clock.set(story.arrival());
      try {
        ticket = service.open(story.tenant(), requester, story.intake());
        observe(0, "open");
        for (int i = 0; i < story.steps().size() && failure == null; i++) {
          step(i + 1, story.steps().get(i));
        }
      } catch (RuntimeException e) {
        failure = e;
        failedAt = ticket == null ? "open" : failedAt;
      }
      List<dev.ticketkit.sla.store.DoneWork> fired = ticket == null ? List.of()
          : slaStore.done(ticket.tenant(), ticket.id());
      return new StoryRun(story, policies, first, ticket == null ? null : ticket.id(), seen,
          slaStore.handOvers(), fired, notifications, failure, failedAt);
    }

    private void step(int n, StoryStep step) {
      String label = n + ". " + step.gap() + ": " + step.action();
      failedAt = label;
      Ticket now = service.require(ticket.tenant(), ticket.id());
      clock.advanceTo(step.gap().end(clock.instant(), calendarOf(now),
          first.clocks(now.tenant(), now.id())));
      try {
        ticket = step.action().apply(service, now, AGENT, requester);
      } catch (TicketStateException notAllowedNow) {
        label += " (not allowed now)";
      }
      observe(n, label);
      for (Tick tick : step.ticks()) {
        failedAt = n + ". " + tick;
        slaStore.node(tick.secondNode() ? "B" : "A");
        (tick.secondNode() ? second : first).tick(clock.instant().minus(tick.back()));
        slaStore.node("A");
        observe(n, n + ". " + tick);
      }
    }

    private void observe(int step, String label) {
      ticket = service.require(ticket.tenant(), ticket.id());
      seen.add(new Observation(step, label, clock.instant(), ticket,
          first.clocks(ticket.tenant(), ticket.id())));
    }

    private BusinessCalendar calendarOf(Ticket t) {
      SlaCalendars calendars = policies.calendars();
      return policies.match(t).map(SlaPolicy::calendarId).map(calendars::get)
          .orElse(calendars.get(SlaCalendars.TWENTY_FOUR_SEVEN));
    }
  }
}
