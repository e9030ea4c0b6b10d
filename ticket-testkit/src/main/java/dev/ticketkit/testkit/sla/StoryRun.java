package dev.ticketkit.testkit.sla;

import dev.ticketkit.core.TicketId;
import dev.ticketkit.sla.SlaEngine;
import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.escalation.Notification;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.store.DoneWork;
import dev.ticketkit.testkit.internal.Format;
import dev.ticketkit.testkit.story.TicketStory;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What happened when a {@link SlaHarness} played a {@link TicketStory}: an {@link Observation}
 * after every moment, the due entries the store handed over, the fired records, the notifications,
 * and the failure that stopped the run, if any. {@link SlaChecks} reads it.
 *
 * <p>Immutable and thread-safe once returned, except that {@link #explain(SlaClock)} and
 * {@link #calendar(SlaClock)} ask the run's engine, which is itself thread-safe.
 */
public final class StoryRun {

  private final TicketStory story;
  private final SlaPolicies policies;
  private final SlaEngine engine;
  private final @Nullable TicketId ticket;
  private final List<Observation> observations;
  private final List<HandOver> handOvers;
  private final List<DoneWork> fired;
  private final List<Notification> notifications;
  private final @Nullable RuntimeException failure;
  private final String failedAt;

  StoryRun(TicketStory story, SlaPolicies policies, SlaEngine engine, @Nullable TicketId ticket,
      List<Observation> observations, List<HandOver> handOvers, List<DoneWork> fired,
      List<Notification> notifications, @Nullable RuntimeException failure, String failedAt) {
    this.story = story;
    this.policies = policies;
    this.engine = engine;
    this.ticket = ticket;
    this.observations = List.copyOf(observations);
    this.handOvers = List.copyOf(handOvers);
    this.fired = List.copyOf(fired);
    this.notifications = List.copyOf(notifications);
    this.failure = failure;
    this.failedAt = failedAt;
  }

  /**
   * Returns the story that was played.
   *
   * @return the story
   */
  public TicketStory story() {
    return story;
  }

  /**
   * Returns the policies the engine ran on.
   *
   * @return the policies
   */
  public SlaPolicies policies() {
    return policies;
  }

  /**
   * Returns the ticket's id.
   *
   * @return the id, or empty if the ticket could not be opened
   */
  public Optional<TicketId> ticket() {
    return Optional.ofNullable(ticket);
  }

  /**
   * Returns the observations in order: after the intake, after each step, after each tick.
   *
   * @return the observations
   */
  public List<Observation> observations() {
    return observations;
  }

  /**
   * Returns every due entry the SLA store handed to an engine, in order.
   *
   * @return the hand-overs
   */
  public List<HandOver> handOvers() {
    return handOvers;
  }

  /**
   * Returns the SLA store's fired records of the ticket at the end of the run.
   *
   * @return the records
   */
  public List<DoneWork> fired() {
    return fired;
  }

  /**
   * Returns the notifications the engines sent, in order.
   *
   * @return the notifications
   */
  public List<Notification> notifications() {
    return notifications;
  }

  /**
   * Returns the exception that stopped the run: anything a step, the intake or a tick threw other
   * than the service's "not allowed in this state" refusal.
   *
   * @return the exception, or empty if the story ran to its end
   */
  public Optional<RuntimeException> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * Returns where the run failed.
   *
   * @return such as {@code "4. +1d: accept"}, or empty text if it did not fail
   */
  public String failedAt() {
    return failedAt;
  }

  /**
   * Returns the engine's explanation of a clock as of its last change.
   *
   * @param clock the clock
   * @return the text of {@link SlaEngine#explain(SlaClock)}
   */
  public String explain(SlaClock clock) {
    return engine.explain(Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Returns the calendar a clock counts on.
   *
   * @param clock the clock
   * @return the calendar of {@link SlaEngine#calendar(SlaClock)}
   */
  public BusinessCalendar calendar(SlaClock clock) {
    return engine.calendar(Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Tells whether a key is an SLA clock the engine reports, rather than an internal record the
   * engine keeps in the SLA store (today: its durable event-rule records).
   *
   * @param key the key
   * @return true for a real clock
   */
  public boolean isClock(ClockKey key) {
    return engine.clock(Objects.requireNonNull(key, "key")).isPresent();
  }

  /**
   * Returns the zone of the calendar of the policy the ticket matched at intake, in which
   * {@link #log()} shows local times.
   *
   * @return the zone, UTC if no policy matched
   */
  public ZoneId zone() {
    if (observations.isEmpty()) {
      return ZoneOffset.UTC;
    }
    return policies.match(observations.get(0).ticket())
        .flatMap(p -> policies.calendars().find(p.calendarId()))
        .map(BusinessCalendar::zone).orElse(ZoneOffset.UTC);
  }

  /**
   * Returns the observations, one per line with the clocks and the local time in {@link #zone()},
   * for failure messages.
   *
   * @return the text
   */
  public String log() {
    ZoneId zone = zone();
    StringBuilder b = new StringBuilder();
    for (Observation o : observations) {
      b.append("    [").append(Format.local(o.at(), zone)).append("] ").append(o).append('\n');
    }
    if (failure != null) {
      b.append("    FAILED at ").append(failedAt).append(": ").append(failure).append('\n');
    }
    return b.toString();
  }
}
