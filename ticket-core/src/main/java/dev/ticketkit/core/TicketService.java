package dev.ticketkit.core;

import dev.ticketkit.core.event.Subscription;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.event.TicketListener;
import dev.ticketkit.core.privacy.Redactor;
import dev.ticketkit.core.routing.Routing;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.core.store.Page;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.core.store.UnitOfWork;
import dev.ticketkit.core.workflow.IllegalTransitionException;
import dev.ticketkit.core.workflow.Workflow;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door of ticket-core: takes tickets in, moves them through the workflow, records the
 * conversation, and answers queries, for every tenant of the host.
 *
 * <p>Every call names the tenant and, for a write, the actor and the ticket version the caller
 * read. A write checks its input, the actor's kind and the workflow before anything is written;
 * then it commits one {@link ChangeSet} (the ticket at the next version, history, conversation,
 * events) to the {@link TicketStore}, and only then hands the events to the listeners. A write
 * based on a stale version throws {@link TicketConflictException} and changes nothing (see
 * {@link ConflictRetry}); a call that would change nothing writes nothing and returns the ticket
 * as it is. A ticket of another tenant is reported as not found. Time comes from the injected
 * clock only; should the clock read earlier than the ticket's last change, the change is recorded
 * at the last change's instant, so a ticket's history never goes back in time.
 *
 * <p>Who may do what: requesters may open, reply, rate and fire the transitions the workflow
 * allows them; notes, assignment, escalation, priority, category, tags, links, merges and edits
 * are for agents and the system. A ticket in a CLOSED state still takes notes, tags and links but
 * nothing else.
 *
 * <p>With {@link TicketServiceBuilder#routing routing}, a new ticket and a ticket that a tier
 * escalation leaves in a new tier's queue are given to the agent the router chooses, within the
 * agent's capacity, in the same transaction as the change (at intake) or as a change of its own
 * right after the escalation, recorded with the router's name as its cause; {@link #route} routes
 * a queued ticket on demand. Build with {@link #builder()}. Instances are thread-safe if the store
 * is.
 */
public final class TicketService {

  /** The number a new ticket's change set carries until the store allocates the real one. */
  private static final long PROVISIONAL_NUMBER = 1;

  private final TicketStore store;
  private final Workflow workflow;
  private final Clock clock;
  private final Supplier<TicketId> ids;
  private final Listeners listeners;
  private final Followers followers;
  private final Redactor redactor;
  private final @Nullable Routes routes;

  private static final Logger LOG = LoggerFactory.getLogger(TicketService.class);

  /** Who makes routed assignments that follow an escalation or {@link #route}. */
  private static final Actor ROUTER = Actor.system("router");

  TicketService(TicketServiceBuilder b, Listeners listeners, Followers followers) {
    this.store = b.store();
    this.workflow = b.workflow();
    this.clock = b.clock();
    this.ids = b.ids();
    this.listeners = listeners;
    this.followers = followers;
    this.redactor = b.redactor();
    Routing routing = b.routing();
    this.routes = routing == null ? null : new Routes(routing);
  }

  /**
   * Returns a builder; the store and the clock are required.
   *
   * @return the builder
   */
  public static TicketServiceBuilder builder() {
    return new TicketServiceBuilder();
  }

  /** Returns a fresh redaction step with the service's redactor (one per step of a change). */
  Redacting redacting() {
    return new Redacting(redactor);
  }

  /** @return the workflow tickets follow */
  public Workflow workflow() {
    return workflow;
  }

  /** @return the store tickets are kept in */
  public TicketStore store() {
    return store;
  }

  /** @return the clock every change is stamped with */
  public Clock clock() {
    return clock;
  }

  /**
   * Attaches a module that follows tickets (see {@link TicketFollower}): from the next commit on,
   * it writes its part inside every commit's transaction and reacts after it.
   *
   * @param follower the follower
   * @return the subscription that detaches it
   * @throws InvalidInputException if the follower is null or already attached
   */
  public Subscription attach(TicketFollower follower) {
    return followers.add(Texts.notNull("follower", follower));
  }

  /**
   * Takes a ticket in: puts it in the workflow's initial state at version 1 with the tenant's
   * next number (allocated by the store inside the commit), and publishes {@code TicketOpened}
   * (and {@code TicketUrgentFlagged} for an urgent one).
   *
   * @param tenant the tenant
   * @param actor who takes it in: the requester themselves, an agent, or the system
   * @param intake what is known about the ticket
   * @return the new ticket
   * @throws NullPointerException if an argument is null
   */
  public Ticket open(TenantId tenant, Actor actor, NewTicket intake) {
    Texts.notNull("tenant", tenant);
    Texts.notNull("actor", actor);
    Texts.notNull("intake", intake);
    Redacting masked = new Redacting(redactor);
    Ticket fresh = masked.intake(Intake.ticket(tenant, ids.get(), PROVISIONAL_NUMBER, intake,
        workflow.initialStatus(), SupportedTime.now("clock", clock)));
    if (routes == null) {
      return commit(opening(fresh, actor, masked, null), followers);
    }
    for (int attempt = 1; ; attempt++) {
      Routes.Plan plan = attempt > routes.attempts() ? null
          : routes.plan(fresh, fresh.createdAt()).orElse(null);
      try {
        return commit(opening(fresh, actor, masked, plan), routed(null, plan));
      } catch (Routes.Taken e) {
        LOG.debug("routing ticket {} again: a concurrent commit took {}", fresh.id(),
            e.getMessage());
      }
    }
  }

  private Draft opening(Ticket fresh, Actor actor, Redacting masked, Routes.@Nullable Plan plan) {
    Draft draft = Draft.opening(workflow, fresh, actor);
    draft.stage(HistoryAction.OPENED);
    masked.record(draft, HistoryAction.OPENED);
    if (plan != null) {
      draft.record(HistoryAction.AUTOMATED, TicketField.CAUSE, null,
          new Routes.RouterCause(plan.router()).describe());
      draft.builder.assignee(plan.agent());
      draft.stage(HistoryAction.ASSIGNED);
      draft.addTrailingAssignment(plan.agent());
    }
    return draft;
  }

  /**
   * Routes a ticket that waits unassigned in its group's queue: the router chooses among the
   * group's available agents with room, and the assignment is stored as a change of its own by
   * {@code system:router}, with the router's name as its cause. Use it when room frees up or a
   * shift starts; intake and tier escalations route by themselves.
   *
   * @param tenant the tenant
   * @param id the ticket
   * @return the ticket, assigned if an agent was chosen, else as it was
   * @throws InvalidInputException if an argument is null
   * @throws IllegalStateException if the service has no routing
   * @throws TicketNotFoundException if the tenant has no such ticket
   */
  public Ticket route(TenantId tenant, TicketId id) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    if (routes == null) {
      throw new IllegalStateException("this TicketService has no routing");
    }
    Ticket current = require(tenant, id);
    for (int attempt = 1; attempt <= routes.attempts(); attempt++) {
      Routes.Plan plan = routes.plan(current, SupportedTime.now("clock", clock)).orElse(null);
      if (plan == null) {
        return current;
      }
      try {
        return write(tenant, ROUTER, id, current.version(), d -> {
          d.cause(new Routes.RouterCause(plan.router()));
          d.builder.assignee(plan.agent());
          d.stage(HistoryAction.ASSIGNED);
        }, plan);
      } catch (Routes.Taken | TicketConflictException e) {
        current = require(tenant, id);
      }
    }
    return current;
  }

  /**
   * Fires a workflow transition, with its effects.
   *
   * @param tenant the tenant
   * @param actor who fires it; the workflow names the kinds allowed
   * @param id the ticket
   * @param expectedVersion the version the caller read
   * @param transition the transition's name, such as {@code "accept"}
   * @return the ticket after the transition
   * @throws NullPointerException if an argument is null
   * @throws InvalidInputException if the workflow has no such transition
   * @throws TicketNotFoundException if the tenant has no such ticket
   * @throws TicketConflictException if the version is stale
   * @throws IllegalTransitionException if the transition may not fire now
   */
  public Ticket fire(
      TenantId tenant, Actor actor, TicketId id, long expectedVersion, String transition) {
    Texts.notNull("transition", transition);
    return write(tenant, actor, id, expectedVersion, d -> d.fire(transition));
  }

  /**
   * Adds a public reply. A requester's reply fires the workflow's {@code REQUESTER_REPLIED}
   * trigger when it applies (returning a ticket that waits on them to where it was).
   *
   * @param tenant the tenant
   * @param actor who writes: an agent, the requester or the system
   * @param id the ticket
   * @param expectedVersion the version the caller read
   * @param message the reply
   * @return the ticket after the reply
   * @throws NullPointerException if an argument is null
   * @throws TicketNotFoundException if the tenant has no such ticket
   * @throws TicketConflictException if the version is stale
   * @throws TicketStateException if the ticket is closed
   */
  public Ticket reply(
      TenantId tenant, Actor actor, TicketId id, long expectedVersion, Message message) {
    Texts.notNull("message", message);
    Redacting masked = new Redacting(redactor);
    Message body = masked.message(message);
    return write(tenant, actor, id, expectedVersion, d -> {
      Operations.reply(d, workflow, body);
      masked.record(d, HistoryAction.REPLIED);
    });
  }

  /**
   * Adds an internal note, which the requester never sees.
   *
   * @param tenant the tenant
   * @param actor an agent or the system
   * @param id the ticket
   * @param expectedVersion the version the caller read
   * @param message the note
   * @return the ticket after the note
   * @throws NullPointerException if an argument is null
   * @throws InvalidInputException if the actor is a requester
   * @throws TicketNotFoundException if the tenant has no such ticket
   * @throws TicketConflictException if the version is stale
   */
  public Ticket note(
      TenantId tenant, Actor actor, TicketId id, long expectedVersion, Message message) {
    Texts.notNull("message", message);
    Redacting masked = new Redacting(redactor);
    Message body = masked.message(message);
    return write(tenant, actor, id, expectedVersion, d -> {
      Operations.note(d, body);
      masked.record(d, HistoryAction.NOTED);
    });
  }

  /**
   * Assigns the ticket to an agent, or unassigns it.
   *
   * @param tenant the tenant
   * @param actor an agent or the system
   * @param id the ticket
   * @param expectedVersion the version the caller read
   * @param assignee the agent, or null to unassign
   * @return the ticket after the assignment
   * @throws InvalidInputException if a required argument is null or the actor is a requester
   * @throws TicketNotFoundException if the tenant has no such ticket
   * @throws TicketConflictException if the version is stale
   * @throws TicketStateException if the ticket is closed
   */
  public Ticket assign(TenantId tenant, Actor actor, TicketId id, long expectedVersion,
      @Nullable AgentId assignee) {
    return write(tenant, actor, id, expectedVersion, d -> Operations.assign(d, assignee));
  }

  /**
   * Moves the ticket to the next support tier and unassigns it, so that tier's queue takes it.
   * Allowed in states of category NEW, OPEN and PENDING below the highest tier.
   *
   * @param tenant the tenant
   * @param actor an agent or the system
   * @param id the ticket
   * @param expectedVersion the version the caller read
   * @param reason why, 1 to {@value Operations#MAX_REASON_LENGTH} characters
   * @return the ticket after the escalation
   * @throws NullPointerException if an argument is null
   * @throws InvalidInputException if the reason blank or too long, or the
   *     actor a requester
   * @throws TicketNotFoundException if the tenant has no such ticket
   * @throws TicketConflictException if the version is stale
   * @throws TicketStateException if the ticket is resolved or closed, or at the highest tier
   */
  public Ticket escalate(
      TenantId tenant, Actor actor, TicketId id, long expectedVersion, String reason) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(reason, "reason");
    String checked = Texts.required("reason", reason, Operations.MAX_REASON_LENGTH);
    return write(tenant, actor, id, expectedVersion, d -> Operations.escalate(d, checked));
  }

  /**
   * Changes the priority; raising it to URGENT also publishes {@code TicketUrgentFlagged}.
   *
   * @param tenant the tenant
   * @param actor an agent or the system
   * @param id the ticket
   * @param expectedVersion the version the caller read
   * @param priority the new priority
   * @return the ticket after the change
   * @throws NullPointerException if an argument is null
   * @throws InvalidInputException if the actor is a requester
   * @throws TicketNotFoundException if the tenant has no such ticket
   * @throws TicketConflictException if the version is stale
   * @throws TicketStateException if the ticket is closed
   */
  public Ticket changePriority(
      TenantId tenant, Actor actor, TicketId id, long expectedVersion, Priority priority) {
    Texts.notNull("priority", priority);
    return write(tenant, actor, id, expectedVersion, d -> Operations.priority(d, priority));
  }

  /**
   * Changes the category.
   *
   * @param tenant the tenant
   * @param actor an agent or the system
   * @param id the ticket
   * @param expectedVersion the version the caller read
   * @param category the new category, or null to clear it
   * @return the ticket after the change
   * @throws InvalidInputException if a required argument is null or the actor is a requester
   * @throws TicketNotFoundException if the tenant has no such ticket
   * @throws TicketConflictException if the version is stale
   * @throws TicketStateException if the ticket is closed
   */
  public Ticket changeCategory(TenantId tenant, Actor actor, TicketId id, long expectedVersion,
      @Nullable Category category) {
    return write(tenant, actor, id, expectedVersion, d -> Operations.category(d, category));
  }

  /**
   * Adds a tag (adding a tag the ticket has changes nothing).
   *
   * @param tenant the tenant
   * @param actor an agent or the system
   * @param id the ticket
   * @param expectedVersion the version the caller read
   * @param tag the tag
   * @return the ticket after the change
   * @throws NullPointerException if an argument is null
   * @throws InvalidInputException if the actor a requester, or the ticket
   *     would have more than {@value Ticket#MAX_TAGS} tags
   * @throws TicketNotFoundException if the tenant has no such ticket
   * @throws TicketConflictException if the version is stale
   */
  public Ticket tag(TenantId tenant, Actor actor, TicketId id, long expectedVersion, Tag tag) {
    Texts.notNull("tag", tag);
    return write(tenant, actor, id, expectedVersion, d -> Operations.tag(d, tag, true));
  }

  /**
   * Removes a tag (removing a tag the ticket lacks changes nothing).
   *
   * @param tenant the tenant
   * @param actor an agent or the system
   * @param id the ticket
   * @param expectedVersion the version the caller read
   * @param tag the tag
   * @return the ticket after the change
   * @throws NullPointerException if an argument is null
   * @throws InvalidInputException if the actor a requester
   * @throws TicketNotFoundException if the tenant has no such ticket
   * @throws TicketConflictException if the version is stale
   */
  public Ticket untag(TenantId tenant, Actor actor, TicketId id, long expectedVersion, Tag tag) {
    Texts.notNull("tag", tag);
    return write(tenant, actor, id, expectedVersion, d -> Operations.tag(d, tag, false));
  }

  /**
   * Links the ticket to another ticket of the same tenant (an existing link changes nothing).
   *
   * @param tenant the tenant
   * @param actor an agent or the system
   * @param id the ticket
   * @param expectedVersion the version the caller read
   * @param link the link; MERGED_INTO is reserved for {@link #merge}
   * @return the ticket after the change
   * @throws NullPointerException if an argument is null
   * @throws InvalidInputException if the actor a requester, the link
   *     MERGED_INTO or to the ticket itself, or one too many
   * @throws TicketNotFoundException if the tenant has no such ticket or no such target
   * @throws TicketConflictException if the version is stale
   */
  public Ticket link(
      TenantId tenant, Actor actor, TicketId id, long expectedVersion, TicketLink link) {
    Texts.notNull("link", link);
    Texts.notNull("tenant", tenant);
    boolean targetExists = store.get(tenant, link.target()).isPresent();
    return write(tenant, actor, id, expectedVersion, d -> Operations.link(d, targetExists, link));
  }

  /**
   * Merges a ticket into another ticket of the same tenant: the source gets a MERGED_INTO link and
   * fires the workflow's {@code MERGED} trigger into its merged end state. The target is not
   * changed (add a note to it if the team wants one).
   *
   * @param tenant the tenant
   * @param actor an agent or the system
   * @param id the ticket to merge away
   * @param expectedVersion the version of that ticket the caller read
   * @param into the ticket it is merged into
   * @return the merged ticket
   * @throws NullPointerException if an argument is null
   * @throws InvalidInputException if the actor a requester, or the target
   *     the ticket itself
   * @throws TicketNotFoundException if the tenant has no such ticket or target
   * @throws TicketConflictException if the version is stale
   * @throws TicketStateException if the target is closed or the workflow has no merge transition
   * @throws IllegalTransitionException if the merge transition may not fire now
   */
  public Ticket merge(
      TenantId tenant, Actor actor, TicketId id, long expectedVersion, TicketId into) {
    Texts.notNull("into", into);
    Texts.notNull("tenant", tenant);
    Optional<Ticket> target = store.get(tenant, into);
    return write(tenant, actor, id, expectedVersion,
        d -> Operations.merge(d, target.orElse(null), workflow, into));
  }

  /**
   * Records the requester's rating of the proposed resolution and fires the workflow's rating
   * trigger (the standard workflow closes on SATISFIED or NEUTRAL); a DISSATISFIED rating gets
   * what the workflow's {@link Workflow#dissatisfaction() dissatisfaction policy} sets for its
   * reason (the standard one reopens one tier up on NOT_FIXED, UNMET_EXPECTATION and OTHER, and
   * on POOR_COMMUNICATION raises {@code DissatisfactionFlagged} for the team lead and closes), in
   * the same write. Only a ticket in a RESOLVED state can be rated. With a redactor, the
   * comment is masked before it is stored (and a history entry says so).
   *
   * @param tenant the tenant
   * @param actor the requester, or an agent recording the requester's rating
   * @param id the ticket
   * @param expectedVersion the version the caller read
   * @param rating the rating
   * @return the ticket after the rating and its transition
   * @throws NullPointerException if an argument is null
   * @throws InvalidInputException if the actor is the system
   * @throws TicketNotFoundException if the tenant has no such ticket
   * @throws TicketConflictException if the version is stale
   * @throws TicketStateException if the ticket is not in a RESOLVED state
   * @throws IllegalTransitionException if the triggered transition may not fire
   */
  public Ticket rate(
      TenantId tenant, Actor actor, TicketId id, long expectedVersion, Rating rating) {
    Texts.notNull("rating", rating);
    return write(tenant, actor, id, expectedVersion,
        d -> Operations.rate(d, workflow, rating, new Redacting(redactor)));
  }

  /**
   * Changes descriptive fields in one stored change. With a redactor, the texts and text custom
   * fields the edit changes are masked before they are stored, and a history entry (field
   * {@code redaction}) says that redaction happened.
   *
   * @param tenant the tenant
   * @param actor an agent or the system
   * @param id the ticket
   * @param expectedVersion the version the caller read
   * @param edit the changes
   * @return the ticket after the changes
   * @throws NullPointerException if an argument is null
   * @throws InvalidInputException if the actor a requester, or the result
   *     breaks a limit (an attachment added twice, too many custom fields)
   * @throws TicketNotFoundException if the tenant has no such ticket
   * @throws TicketConflictException if the version is stale
   * @throws TicketStateException if the ticket is closed
   */
  public Ticket edit(
      TenantId tenant, Actor actor, TicketId id, long expectedVersion, TicketEdit edit) {
    Texts.notNull("edit", edit);
    return write(tenant, actor, id, expectedVersion,
        d -> Operations.edit(d, edit, new Redacting(redactor)));
  }

  /**
   * Makes several changes as one stored change: one version, one commit, the history entries of
   * every step (the cause first, if any). A macro or a module's escalation uses it.
   *
   * @param tenant the tenant
   * @param actor who makes the change
   * @param id the ticket
   * @param expectedVersion the version the caller read
   * @param changes the steps, in order
   * @return the ticket after the change; the ticket as it is if nothing changed
   * @throws NullPointerException if an argument is null
   * @throws InvalidInputException if a step's input is refused
   * @throws TicketNotFoundException if the tenant has no such ticket
   * @throws TicketConflictException if the version is stale
   * @throws TicketStateException if a step may not be made in the ticket's state
   * @throws IllegalTransitionException if a step's transition may not fire now
   */
  public Ticket apply(TenantId tenant, Actor actor, TicketId id, long expectedVersion,
      TicketChanges changes) {
    Texts.notNull("changes", changes);
    return write(tenant, actor, id, expectedVersion, d -> changes.applyTo(d, this));
  }

  /**
   * Closes every ticket of a tenant that has stayed in the from-states of the workflow's
   * {@code AUTO_CLOSE} transition for at least {@link Workflow#autoCloseAfter()}, as measured by
   * the clock, by firing that transition as {@code system:auto-close}. A ticket that changes
   * meanwhile is skipped until the next sweep. Call it periodically (the host owns scheduling).
   *
   * @param tenant the tenant
   * @return the tickets it closed, in number order
   * @throws NullPointerException if the tenant is null
   */
  public List<Ticket> autoClose(TenantId tenant) {
    Texts.notNull("tenant", tenant);
    return AutoClose.sweep(this, store, workflow, tenant, SupportedTime.now("clock", clock));
  }

  /**
   * Returns a tenant's ticket.
   *
   * @param tenant the tenant
   * @param id the ticket
   * @return the ticket, or empty if the tenant has no such ticket
   * @throws NullPointerException if an argument is null
   */
  public Optional<Ticket> get(TenantId tenant, TicketId id) {
    return store.get(Texts.notNull("tenant", tenant), Texts.notNull("id", id));
  }

  /**
   * Returns a tenant's ticket, which must exist.
   *
   * @param tenant the tenant
   * @param id the ticket
   * @return the ticket
   * @throws NullPointerException if an argument is null
   * @throws TicketNotFoundException if the tenant has no such ticket
   */
  public Ticket require(TenantId tenant, TicketId id) {
    return get(tenant, id).orElseThrow(() -> new TicketNotFoundException(tenant, id));
  }

  /**
   * Returns one page of a tenant's tickets that match a query.
   *
   * @param tenant the tenant
   * @param query the filter, order, page size and cursor
   * @return the page
   * @throws NullPointerException if an argument is null
   */
  public Page<Ticket> query(TenantId tenant, TicketQuery query) {
    return store.query(Texts.notNull("tenant", tenant), Texts.notNull("query", query));
  }

  /**
   * Counts a tenant's tickets that match a query.
   *
   * @param tenant the tenant
   * @param query the filter
   * @return the count
   * @throws NullPointerException if an argument is null
   */
  public long count(TenantId tenant, TicketQuery query) {
    return store.count(Texts.notNull("tenant", tenant), Texts.notNull("query", query));
  }

  /**
   * Returns a ticket's history, oldest first.
   *
   * @param tenant the tenant
   * @param id the ticket
   * @return the entries
   * @throws NullPointerException if an argument is null
   * @throws TicketNotFoundException if the tenant has no such ticket
   */
  public List<HistoryEntry> history(TenantId tenant, TicketId id) {
    require(tenant, id);
    return store.history(tenant, id);
  }

  /**
   * Returns a ticket's whole conversation for the support team, internal notes included.
   *
   * @param tenant the tenant
   * @param id the ticket
   * @return the entries, oldest first
   * @throws NullPointerException if an argument is null
   * @throws TicketNotFoundException if the tenant has no such ticket
   */
  public List<ConversationEntry> conversation(TenantId tenant, TicketId id) {
    require(tenant, id);
    return store.conversation(tenant, id);
  }

  /**
   * Returns the ticket as its requester may see it, without internal notes or fields.
   *
   * @param tenant the tenant
   * @param id the ticket
   * @return the requester's view
   * @throws NullPointerException if an argument is null
   * @throws TicketNotFoundException if the tenant has no such ticket
   */
  public RequesterView requesterView(TenantId tenant, TicketId id) {
    Ticket ticket = require(tenant, id);
    return RequesterView.of(ticket, store.conversation(tenant, id));
  }

  /**
   * Registers a listener for every event of every tenant, after those already registered.
   *
   * @param listener the listener
   * @return the subscription that unregisters it
   * @throws NullPointerException if the listener is null
   */
  public Subscription subscribe(TicketListener listener) {
    return listeners.add(Texts.notNull("listener", listener));
  }

  /**
   * Registers an action for one event type.
   *
   * @param type the event type
   * @param action what to do with each event of that type
   * @param <E> the event type
   * @return the subscription that unregisters it
   * @throws NullPointerException if an argument is null
   */
  public <E extends TicketEvent> Subscription subscribe(
      Class<E> type, Consumer<? super E> action) {
    return subscribe(TicketListener.of(Texts.notNull("type", type), Texts.notNull("action", action)));
  }

  /**
   * Makes one change in one store transaction: the store reads the ticket under its lock and
   * checks the version, the draft is computed from that ticket, and the store commits it with the
   * followers' work.
   */
  Ticket write(TenantId tenant, Actor actor, TicketId id, long expectedVersion,
      Consumer<Draft> change) {
    Texts.notNull("tenant", tenant);
    Texts.notNull("actor", actor);
    Texts.notNull("id", id);
    return write(tenant, actor, id, expectedVersion, change, null);
  }

  private Ticket write(TenantId tenant, Actor actor, TicketId id, long expectedVersion,
      Consumer<Draft> change, Routes.@Nullable Plan plan) {
    Texts.notNull("tenant", tenant);
    Texts.notNull("actor", actor);
    Texts.notNull("id", id);
    Instant now = SupportedTime.now("clock", clock);
    Ticket[] read = new Ticket[1];
    Optional<ChangeSet> committed = store.update(tenant, id, expectedVersion, current -> {
      read[0] = current;
      Draft draft = new Draft(workflow, current, actor,
          now.isBefore(current.updatedAt()) ? current.updatedAt() : now);
      change.accept(draft);
      return draft.isEmpty() ? null : draft.toChangeSet();
    }, routes == null ? followers : (cs, tx) -> {
      routes.settle(tx, read[0], cs.ticket(), plan);
      followers.run(cs, tx);
    });
    if (committed.isEmpty()) {
      return read[0];
    }
    followers.afterCommit(committed.get());
    listeners.publish(committed.get().events());
    Ticket after = committed.get().ticket();
    if (routes != null && plan == null && Routes.escalatedIntoQueue(read[0], after)) {
      return routeAfterEscalation(after);
    }
    return after;
  }

  /** Routes a ticket an escalation left in a new tier's queue; a failure leaves it queued. */
  private Ticket routeAfterEscalation(Ticket escalated) {
    try {
      return route(escalated.tenant(), escalated.id());
    } catch (TicketKitException e) {
      LOG.warn("ticket {} of tenant {} stays in the {} queue: routing failed", escalated.id(),
          escalated.tenant(), escalated.tier(), e);
      return get(escalated.tenant(), escalated.id()).orElse(escalated);
    }
  }

  private UnitOfWork routed(@Nullable Ticket before, Routes.@Nullable Plan plan) {
    Routes r = java.util.Objects.requireNonNull(routes);
    return (cs, tx) -> {
      r.settle(tx, before, cs.ticket(), plan);
      followers.run(cs, tx);
    };
  }

  private Ticket commit(Draft draft, UnitOfWork work) {
    ChangeSet committed = store.commit(draft.toChangeSet(), work);
    followers.afterCommit(committed);
    listeners.publish(committed.events());
    return committed.ticket();
  }
}
