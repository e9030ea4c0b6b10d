package dev.ticketkit.core;

import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.event.TicketListener;
import dev.ticketkit.core.privacy.Redactor;
import dev.ticketkit.core.routing.Routing;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.core.workflow.Workflow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link TicketService}. The store and the clock are required; the workflow defaults to
 * {@link StandardWorkflow#create()} and ticket ids to random UUIDs. Each setter checks its value
 * at once and may be called once; listeners may be added many times. Not thread-safe.
 */
public final class TicketServiceBuilder {

  private final Once once = new Once();
  private @Nullable TicketStore store;
  private @Nullable Workflow workflow;
  private @Nullable Clock clock;
  private @Nullable Supplier<TicketId> ids;
  private @Nullable Redactor redactor;
  private @Nullable Routing routing;
  private final List<TicketListener> listeners = new ArrayList<>();
  private final List<TicketFollower> followers = new ArrayList<>();

  TicketServiceBuilder() {}

  /**
   * Sets the store.
   *
   * @param value the store
   * @return this builder
   * @throws NullPointerException if null
   * @throws IllegalStateException if already set
   */
  public TicketServiceBuilder store(TicketStore value) {
    once.mark("store");
    store = Texts.notNull("store", value);
    return this;
  }

  /**
   * Sets the workflow.
   *
   * @param value the workflow
   * @return this builder
   * @throws NullPointerException if null
   * @throws IllegalStateException if already set
   */
  public TicketServiceBuilder workflow(Workflow value) {
    once.mark("workflow");
    workflow = Texts.notNull("workflow", value);
    return this;
  }

  /**
   * Sets the clock every instant comes from.
   *
   * @param value the clock
   * @return this builder
   * @throws NullPointerException if null
   * @throws IllegalStateException if already set
   */
  public TicketServiceBuilder clock(Clock value) {
    once.mark("clock");
    clock = Texts.notNull("clock", value);
    return this;
  }

  /**
   * Sets how new ticket ids are made (default: random UUIDs).
   *
   * @param value the id source; it must never repeat an id
   * @return this builder
   * @throws NullPointerException if null
   * @throws IllegalStateException if already set
   */
  public TicketServiceBuilder ids(Supplier<TicketId> value) {
    once.mark("ids");
    ids = Texts.notNull("ids", value);
    return this;
  }

  /**
   * Adds a listener for every event.
   *
   * @param listener the listener
   * @return this builder
   * @throws NullPointerException if null
   */
  public TicketServiceBuilder listener(TicketListener listener) {
    listeners.add(Texts.notNull("listener", listener));
    return this;
  }

  /**
   * Adds an action for one event type.
   *
   * @param type the event type
   * @param action what to do with each event of that type
   * @param <E> the event type
   * @return this builder
   * @throws NullPointerException if an argument is null
   */
  public <E extends TicketEvent> TicketServiceBuilder listener(
      Class<E> type, Consumer<? super E> action) {
    return listener(TicketListener.of(Texts.notNull("type", type), Texts.notNull("action", action)));
  }

  /**
   * Attaches a module that follows tickets (see {@link TicketFollower}); followers run in the
   * order they are added. {@link TicketService#attach} does the same on a built service.
   *
   * @param follower the follower
   * @return this builder
   * @throws NullPointerException if null
   */
  public TicketServiceBuilder follower(TicketFollower follower) {
    followers.add(Texts.notNull("follower", follower));
    return this;
  }

  /**
   * Sets the redactor that masks personal data in the texts of every intake (subject,
   * description, scenario, error message, reproduction steps) and in the body of every reply and
   * note, before anything is stored; each change that masked something records a history entry
   * ({@link TicketField#REDACTION}) with the counts. Optional: without one nothing is masked.
   *
   * @param value the redactor, such as {@link Redactor#standard()}
   * @return this builder
   * @throws NullPointerException if null
   * @throws IllegalStateException if already set
   */
  public TicketServiceBuilder redactor(Redactor value) {
    once.mark("redactor");
    redactor = Texts.notNull("redactor", value);
    return this;
  }

  /**
   * Sets how tickets are routed to agents at intake and after a tier escalation (see
   * {@link TicketService#route}). Optional: without it nothing is routed, and no commit reads or
   * writes routing state.
   *
   * @param value the routing, whose roster store shares the ticket store's transactions
   * @return this builder
   * @throws InvalidInputException if null
   * @throws IllegalStateException if already set
   */
  public TicketServiceBuilder routing(Routing value) {
    once.mark("routing");
    routing = Texts.notNull("routing", value);
    return this;
  }

  /**
   * Returns the service.
   *
   * @return the service
   * @throws IllegalStateException if the store or the clock is missing
   */
  public TicketService build() {
    if (store == null || clock == null) {
      throw new IllegalStateException("a TicketService needs a store and a clock");
    }
    Listeners all = new Listeners();
    listeners.forEach(all::add);
    Followers attached = new Followers();
    followers.forEach(attached::add);
    return new TicketService(this, all, attached);
  }

  TicketStore store() {
    return java.util.Objects.requireNonNull(store);
  }

  Workflow workflow() {
    return workflow == null ? StandardWorkflow.create() : workflow;
  }

  Clock clock() {
    return java.util.Objects.requireNonNull(clock);
  }

  Redactor redactor() {
    return redactor == null ? Redactor.none() : redactor;
  }

  @Nullable Routing routing() {
    return routing;
  }

  Supplier<TicketId> ids() {
    return ids == null ? () -> TicketId.of(UUID.randomUUID()) : ids;
  }
}
