package dev.ticketkit.testkit.contract;

import dev.ticketkit.core.ActorKind;
import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.Message;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.StatusCategory;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketEdit;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.Visibility;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.store.TicketChange;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.core.workflow.Effect;
import dev.ticketkit.core.workflow.Transition;
import dev.ticketkit.core.workflow.Workflow;
import dev.ticketkit.core.workflow.WorkflowBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Makes genuine change sets for store tests: each one is what a {@link TicketService} commits
 * for one call, recorded instead of written (the service reads tickets from a source store,
 * usually the store under test), so a test commits it to the store under test with
 * {@link TicketStore#commit} and the store is tested on its own. There is no other way to make a
 * change set: only the service does. Stateless and thread-safe.
 *
 * <p>The service follows {@link #WORKFLOW}, which lets an agent move a ticket to any of its
 * states, so a test reaches every status without walking the support process.
 */
public final class TicketFixtures {

  /** A Monday morning in Shanghai, where fixtures start. */
  public static final Instant T0 = Instant.parse("2024-03-04T01:00:00Z");
  /** The agent fixtures write as. */
  public static final Actor AGENT = Actor.agent("fixture-agent");
  /** The states of {@link #WORKFLOW}, with their categories. */
  public static final List<String> STATES = List.of("NEW", "DIAGNOSING", "RESOLVING",
      "WAITING_ON_REQUESTER", "AWAITING_CONFIRMATION", "CLOSED");
  /**
   * The fixtures' workflow: the states of {@link #STATES}; an agent moves a ticket from any state
   * to state {@code X} with transition {@code to_x} ({@code to_waiting_on_requester} remembers
   * the state it leaves), accepts it with {@code accept} (to DIAGNOSING) and starts a new cycle
   * with {@code reopen} (to DIAGNOSING).
   */
  public static final Workflow WORKFLOW = workflow();

  private TicketFixtures() {}

  private static Workflow workflow() {
    List<StatusCategory> categories = List.of(StatusCategory.NEW, StatusCategory.OPEN,
        StatusCategory.OPEN, StatusCategory.PENDING, StatusCategory.RESOLVED,
        StatusCategory.CLOSED);
    WorkflowBuilder b = Workflow.builder("store-fixtures");
    for (int i = 0; i < STATES.size(); i++) {
      b.state(STATES.get(i), categories.get(i));
    }
    String[] all = STATES.toArray(String[]::new);
    for (String state : STATES) {
      Transition.Builder t = Transition.named(move(state)).from(all).to(state).by(ActorKind.AGENT);
      if (state.equals("WAITING_ON_REQUESTER")) {
        t.effect(Effect.REMEMBER_STATE);
      }
      b.transition(t.build());
    }
    b.transition(Transition.named("accept").from(all).to("DIAGNOSING").by(ActorKind.AGENT)
        .effect(Effect.ACCEPT).build());
    b.transition(Transition.named("reopen").from(all).to("DIAGNOSING").by(ActorKind.AGENT)
        .effect(Effect.NEW_CYCLE).build());
    return b.initial("NEW").build();
  }

  /**
   * Returns the name of the transition that moves a ticket to a state of {@link #WORKFLOW}.
   *
   * @param state one of {@link #STATES}
   * @return the transition's name, such as {@code to_closed}
   */
  public static String move(String state) {
    return "to_" + state.toLowerCase(Locale.ROOT);
  }

  /**
   * Returns a fixture intake form: requester {@code req-1}, e-mail, a subject and a description.
   *
   * @return the builder, for more fields
   */
  public static NewTicket.Builder intake() {
    return intake("Fixture ticket");
  }

  /**
   * Returns a fixture intake form with the given subject.
   *
   * @param subject the subject
   * @return the builder, for more fields
   */
  public static NewTicket.Builder intake(String subject) {
    return NewTicket.builder()
        .requester(Requester.of("req-1", "Requester One", ContactHandle.email("one@example.com")))
        .channel(Channel.EMAIL)
        .subject(subject)
        .description("Description of the fixture ticket");
  }

  /**
   * Returns the change set that opens a fixture ticket with a random id.
   *
   * @param tenant the tenant
   * @param at the instant of intake
   * @return the change set, with a provisional number the store replaces
   */
  public static ChangeSet opening(TenantId tenant, Instant at) {
    return opening(tenant, TicketId.of(UUID.randomUUID()), at, intake().build());
  }

  /**
   * Returns the change set that opens a ticket.
   *
   * @param tenant the tenant
   * @param id the new ticket's id
   * @param at the instant of intake
   * @param intake what the ticket says
   * @return the change set, with a provisional number the store replaces
   */
  public static ChangeSet opening(TenantId tenant, TicketId id, Instant at, NewTicket intake) {
    Objects.requireNonNull(id, "id");
    return ChangeSetRecorder.record(InMemoryTicketStore.create(), at, () -> id,
        s -> s.open(tenant, AGENT, intake));
  }

  /**
   * Returns the change set one service call commits, without writing it.
   *
   * @param source the store the service reads tickets from (usually the store under test)
   * @param at the instant of the change
   * @param call the call, on a service over a recorder of {@code source}
   * @return the change set
   * @throws IllegalStateException if the call commits nothing
   */
  public static ChangeSet change(TicketStore source, Instant at,
      Function<TicketService, ?> call) {
    Objects.requireNonNull(source, "source");
    return ChangeSetRecorder.record(source, at, () -> TicketId.of(UUID.randomUUID()), call);
  }

  /**
   * Returns a change for {@link TicketStore#update}: what one service call commits, computed from
   * the ticket the store reads under its lock (the call's service sees that ticket only).
   *
   * @param at the instant of the change
   * @param call the call, given the service and the locked ticket
   * @return the change
   */
  public static TicketChange changeOf(Instant at, BiFunction<TicketService, Ticket, ?> call) {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(call, "call");
    return ChangeSetRecorder.asChange(at, call);
  }

  /**
   * Returns the change set of an edit by {@link #AGENT}.
   *
   * @param source the store the service reads the ticket from
   * @param current the ticket as the caller read it (its version is the expected one)
   * @param at the instant of the change
   * @param edit what to change, on a fresh edit builder
   * @return the change set
   */
  public static ChangeSet update(TicketStore source, Ticket current, Instant at,
      UnaryOperator<TicketEdit.Builder> edit) {
    return change(source, at, s -> s.edit(current.tenant(), AGENT, current.id(),
        current.version(), edit.apply(TicketEdit.builder()).build()));
  }

  /**
   * Returns the change set that adds a public reply or an internal note by {@link #AGENT}.
   *
   * @param source the store the service reads the ticket from
   * @param current the ticket as the caller read it
   * @param at the instant of the change
   * @param visibility public reply or internal note
   * @param body the text
   * @return the change set
   */
  public static ChangeSet conversation(TicketStore source, Ticket current, Instant at,
      Visibility visibility, String body) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(visibility, "visibility");
    Message message = Message.of(Channel.EMAIL, body);
    return change(source, at, s -> visibility == Visibility.PUBLIC
        ? s.reply(current.tenant(), AGENT, current.id(), current.version(), message)
        : s.note(current.tenant(), AGENT, current.id(), current.version(), message));
  }
}
