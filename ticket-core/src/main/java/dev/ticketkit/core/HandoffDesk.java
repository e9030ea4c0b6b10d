package dev.ticketkit.core;

import dev.ticketkit.core.event.HandoffChecked;
import dev.ticketkit.core.event.HandoffClosed;
import dev.ticketkit.core.event.HandoffOpened;
import dev.ticketkit.core.event.EventHeader;
import dev.ticketkit.core.event.TicketEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Handoffs of tickets to other departments or teams (technical, finance, logistics...) beyond the
 * tier ladder. The ticket stays with its owner (assignee and tier do not change); each
 * {@link Handoff} has its own state (open, answered, returned), and every change of one is a
 * versioned write through the {@link TicketService} with a history entry and a typed event
 * ({@link HandoffOpened}, {@link HandoffChecked}, {@link HandoffClosed}). Tickets with an open
 * handoff are found with {@code TicketQuery.builder().withOpenHandoff()}; response targets and the
 * follow-up cadence are ticket-sla's {@code HandoffTargets}. Thread-safe if the service is.
 */
public final class HandoffDesk {

  private static final Set<ActorKind> TEAM = EnumSet.of(ActorKind.AGENT, ActorKind.SYSTEM);
  private static final TextRule TEXT = TextRule.text(Handoff.MAX_TEXT_LENGTH);

  private final TicketService service;

  private HandoffDesk(TicketService service) {
    this.service = service;
  }

  /**
   * Returns the desk of a service.
   *
   * @param service the service every change goes through
   * @return the desk
   * @throws NullPointerException if the service is null
   */
  public static HandoffDesk of(TicketService service) {
    return new HandoffDesk(Texts.notNull("service", service));
  }

  /**
   * Hands a ticket to a department: a new OPEN handoff numbered after the ticket's last one.
   *
   * @param tenant the tenant
   * @param actor the agent who hands it over
   * @param id the ticket
   * @param expectedVersion the version the caller read
   * @param department the department's code (see {@link Handoff#department()})
   * @param ask what is asked
   * @param answerExpectedBy when an answer is expected, or null
   * @return the ticket after the change; its last handoff is the new one
   * @throws InvalidInputException if an argument is malformed, the actor not an agent, or the
   *     ticket has {@value Ticket#MAX_HANDOFFS} handoffs
   * @throws TicketNotFoundException if the tenant has no such ticket
   * @throws TicketConflictException if the version is stale
   * @throws TicketStateException if the ticket is resolved or closed
   */
  public Ticket handOver(TenantId tenant, Actor actor, TicketId id, long expectedVersion,
      String department, String ask, @Nullable Instant answerExpectedBy) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(ask, "ask");
    String checkedAsk = TEXT.require("handoff.ask", ask);
    return service.write(tenant, actor, id, expectedVersion, d -> {
      requireActive(d, "hand over", EnumSet.of(ActorKind.AGENT));
      List<Handoff> all = d.current().handoffs();
      int seq = all.isEmpty() ? 1 : all.get(all.size() - 1).seq() + 1;
      Handoff h = new Handoff(seq, department, d.actor.asAgent(), checkedAsk, answerExpectedBy,
          HandoffState.OPEN, d.now, null, null, null);
      List<Handoff> next = new ArrayList<>(all);
      next.add(h);
      record(d, next, hd -> new HandoffOpened(hd, h));
    });
  }

  /**
   * Records a department check: the owner asked the department for news of an open handoff.
   *
   * @param tenant the tenant
   * @param actor an agent or the system
   * @param id the ticket
   * @param expectedVersion the version the caller read
   * @param seq the handoff's number
   * @return the ticket after the change
   * @throws NullPointerException if an argument is null
   * @throws InvalidInputException if the actor a requester, or the ticket
   *     has no such open handoff
   * @throws TicketNotFoundException if the tenant has no such ticket
   * @throws TicketConflictException if the version is stale
   * @throws TicketStateException if the ticket is resolved or closed
   */
  public Ticket check(TenantId tenant, Actor actor, TicketId id, long expectedVersion, int seq) {
    return change(tenant, actor, id, expectedVersion, seq, "check a handoff",
        (h, now) -> h.checkedAt(now), HandoffChecked::new);
  }

  /**
   * Records the department's answer and closes the handoff as ANSWERED.
   *
   * @param tenant the tenant
   * @param actor an agent or the system
   * @param id the ticket
   * @param expectedVersion the version the caller read
   * @param seq the handoff's number
   * @param answer the answer
   * @return the ticket after the change
   * @throws InvalidInputException as for {@link #check}, or if the answer is blank or too long
   * @throws TicketNotFoundException if the tenant has no such ticket
   * @throws TicketConflictException if the version is stale
   * @throws TicketStateException if the ticket is resolved or closed
   */
  public Ticket answer(TenantId tenant, Actor actor, TicketId id, long expectedVersion, int seq,
      String answer) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(answer, "answer");
    String text = TEXT.require("handoff.outcome", answer);
    return change(tenant, actor, id, expectedVersion, seq, "answer a handoff",
        (h, now) -> h.closed(HandoffState.ANSWERED, text, now), HandoffClosed::new);
  }

  /**
   * Records that the department gave the ticket back without an answer, closing the handoff as
   * RETURNED.
   *
   * @param tenant the tenant
   * @param actor an agent or the system
   * @param id the ticket
   * @param expectedVersion the version the caller read
   * @param seq the handoff's number
   * @param reason why it came back
   * @return the ticket after the change
   * @throws InvalidInputException as for {@link #check}, or if the reason is blank or too long
   * @throws TicketNotFoundException if the tenant has no such ticket
   * @throws TicketConflictException if the version is stale
   * @throws TicketStateException if the ticket is resolved or closed
   */
  public Ticket giveBack(TenantId tenant, Actor actor, TicketId id, long expectedVersion, int seq,
      String reason) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(reason, "reason");
    String text = TEXT.require("handoff.outcome", reason);
    return change(tenant, actor, id, expectedVersion, seq, "return a handoff",
        (h, now) -> h.closed(HandoffState.RETURNED, text, now), HandoffClosed::new);
  }

  /** A change of one open handoff. */
  private interface Step {
    Handoff apply(Handoff open, Instant now);
  }

  private Ticket change(TenantId tenant, Actor actor, TicketId id, long expectedVersion, int seq,
      String operation, Step step, BiFunction<EventHeader, Handoff, TicketEvent> event) {
    return service.write(tenant, actor, id, expectedVersion, d -> {
      requireActive(d, operation, TEAM);
      List<Handoff> next = new ArrayList<>(d.current().handoffs());
      int at = indexOfOpen(next, seq);
      Handoff changed = step.apply(next.get(at), d.now);
      next.set(at, changed);
      record(d, next, hd -> event.apply(hd, changed));
    });
  }

  private static int indexOfOpen(List<Handoff> handoffs, int seq) {
    for (int i = 0; i < handoffs.size(); i++) {
      if (handoffs.get(i).seq() == seq && handoffs.get(i).state().isOpen()) {
        return i;
      }
    }
    throw new InvalidInputException("handoff.seq", seq, "names no open handoff of the ticket");
  }

  private static void record(Draft d, List<Handoff> next,
      Function<EventHeader, TicketEvent> event) {
    d.builder.set(TicketFields.HANDOFFS, next);
    d.stage(HistoryAction.HANDED_OFF);
    d.addLeadEvent(event);
  }

  private static void requireActive(Draft d, String operation, Set<ActorKind> kinds) {
    if (!kinds.contains(d.actor.kind())) {
      throw new InvalidInputException(
          "actor", d.actor, "may not " + operation + "; allowed kinds are " + kinds);
    }
    if (!d.before.status().category().isActive()) {
      throw new TicketStateException(d.before.id(), d.before.status(), operation,
          "only a ticket in a NEW, OPEN or PENDING state has open handoffs");
    }
  }
}
