package dev.ticketkit.testkit.story;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Category;
import dev.ticketkit.core.CustomFieldValue;
import dev.ticketkit.core.Handoff;
import dev.ticketkit.core.HandoffDesk;
import dev.ticketkit.core.Message;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketEdit;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.workflow.StandardWorkflow;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happens to a ticket in a {@link TicketStory}, done through the public
 * {@link TicketService} API as an agent or the requester would do it, on the standard workflow.
 *
 * <p>An action that the ticket's state does not allow (accepting an accepted ticket, rating an
 * open one) throws the service's {@code TicketStateException} (or its subclass
 * {@code IllegalTransitionException}); a story driver treats that as "nothing happened". Instances
 * are immutable and thread-safe; {@code toString()} is the form shown in a counterexample.
 */
public sealed interface StoryAction {

  /**
   * Does the action.
   *
   * @param service the ticket service
   * @param ticket the ticket as it is now
   * @param agent the agent who works the ticket
   * @param requester the ticket's requester
   * @return the ticket after the action
   * @throws dev.ticketkit.core.TicketStateException if the ticket's state does not allow it
   */
  Ticket apply(TicketService service, Ticket ticket, Actor agent, Actor requester);

  /** The agent accepts the ticket ({@code accept}). */
  record Accept() implements StoryAction {
    /** {@inheritDoc} */
    @Override
    public Ticket apply(TicketService service, Ticket t, Actor agent, Actor requester) {
      return service.fire(t.tenant(), agent, t.id(), t.version(), StandardWorkflow.ACCEPT);
    }

    /**
     * Returns the text form, {@code accept}.
     *
     * @return the text
     */
    @Override
    public String toString() {
      return "accept";
    }
  }

  /** The agent starts diagnosing, then the fix ({@code diagnose} or {@code start_fix}). */
  record Work() implements StoryAction {
    /** {@inheritDoc} */
    @Override
    public Ticket apply(TicketService service, Ticket t, Actor agent, Actor requester) {
      String next = t.status().name().equals(StandardWorkflow.ACCEPTED) ? StandardWorkflow.DIAGNOSE
          : StandardWorkflow.START_FIX;
      return service.fire(t.tenant(), agent, t.id(), t.version(), next);
    }

    /**
     * Returns the text form, {@code work on it (diagnose / start fix)}.
     *
     * @return the text
     */
    @Override
    public String toString() {
      return "work on it (diagnose / start fix)";
    }
  }

  /** The agent writes a resolution summary and proposes the resolution. */
  record ProposeResolution() implements StoryAction {
    /** {@inheritDoc} */
    @Override
    public Ticket apply(TicketService service, Ticket t, Actor agent, Actor requester) {
      if (!t.status().name().equals(StandardWorkflow.RESOLVING)) {
        return service.fire(t.tenant(), agent, t.id(), t.version(),
            StandardWorkflow.PROPOSE_RESOLUTION); // refused by the workflow, as it should be
      }
      Ticket edited = service.edit(t.tenant(), agent, t.id(), t.version(),
          TicketEdit.builder().resolutionSummary("Cleared the payment cache").build());
      return service.fire(t.tenant(), agent, t.id(), edited.version(),
          StandardWorkflow.PROPOSE_RESOLUTION);
    }

    /**
     * Returns the text form, {@code propose resolution}.
     *
     * @return the text
     */
    @Override
    public String toString() {
      return "propose resolution";
    }
  }

  /** The agent sends a public reply. */
  record AgentReply() implements StoryAction {
    /** {@inheritDoc} */
    @Override
    public Ticket apply(TicketService service, Ticket t, Actor agent, Actor requester) {
      return service.reply(t.tenant(), agent, t.id(), t.version(),
          Message.of(t.channel(), "We are on it."));
    }

    /**
     * Returns the text form, {@code agent replies}.
     *
     * @return the text
     */
    @Override
    public String toString() {
      return "agent replies";
    }
  }

  /** The requester writes; it answers a ticket that waits on them. */
  record RequesterReply() implements StoryAction {
    /** {@inheritDoc} */
    @Override
    public Ticket apply(TicketService service, Ticket t, Actor agent, Actor requester) {
      return service.reply(t.tenant(), requester, t.id(), t.version(),
          Message.of(t.channel(), "Here is the screenshot you asked for."));
    }

    /**
     * Returns the text form, {@code requester replies}.
     *
     * @return the text
     */
    @Override
    public String toString() {
      return "requester replies";
    }
  }

  /** The agent waits on the requester ({@code wait_on_requester}): SLA clocks pause. */
  record WaitOnRequester() implements StoryAction {
    /** {@inheritDoc} */
    @Override
    public Ticket apply(TicketService service, Ticket t, Actor agent, Actor requester) {
      return service.fire(t.tenant(), agent, t.id(), t.version(),
          StandardWorkflow.WAIT_ON_REQUESTER);
    }

    /**
     * Returns the text form, {@code wait on requester}.
     *
     * @return the text
     */
    @Override
    public String toString() {
      return "wait on requester";
    }
  }

  /**
   * The agent changes the priority.
   *
   * @param to the new priority
   */
  record ChangePriority(Priority to) implements StoryAction {
    /**
     * Validates the action.
     *
     * @throws NullPointerException if the priority is null
     */
    public ChangePriority {
      Objects.requireNonNull(to, "to");
    }

    /** {@inheritDoc} */
    @Override
    public Ticket apply(TicketService service, Ticket t, Actor agent, Actor requester) {
      return service.changePriority(t.tenant(), agent, t.id(), t.version(), to);
    }

    /**
     * Returns the text form, {@code priority -> URGENT}.
     *
     * @return the text
     */
    @Override
    public String toString() {
      return "priority -> " + to;
    }
  }

  /**
   * The requester rates the proposed resolution; DISSATISFIED reopens it one tier up.
   *
   * @param satisfaction the rating
   */
  record Rate(Satisfaction satisfaction) implements StoryAction {
    /**
     * Validates the action.
     *
     * @throws NullPointerException if the rating is null
     */
    public Rate {
      Objects.requireNonNull(satisfaction, "satisfaction");
    }

    /** {@inheritDoc} */
    @Override
    public Ticket apply(TicketService service, Ticket t, Actor agent, Actor requester) {
      return service.rate(t.tenant(), requester, t.id(), t.version(), Rating.of(satisfaction));
    }

    /**
     * Returns the text form, {@code rate DISSATISFIED}.
     *
     * @return the text
     */
    @Override
    public String toString() {
      return "rate " + satisfaction;
    }
  }

  /** The agent records that the fix did not work ({@code not_fixed}): a new resolution cycle. */
  record Reopen() implements StoryAction {
    /** {@inheritDoc} */
    @Override
    public Ticket apply(TicketService service, Ticket t, Actor agent, Actor requester) {
      return service.fire(t.tenant(), agent, t.id(), t.version(), StandardWorkflow.NOT_FIXED);
    }

    /**
     * Returns the text form, {@code reopen (not fixed)}.
     *
     * @return the text
     */
    @Override
    public String toString() {
      return "reopen (not fixed)";
    }
  }

  /** The agent escalates the ticket to the next support tier. */
  record Escalate() implements StoryAction {
    /** {@inheritDoc} */
    @Override
    public Ticket apply(TicketService service, Ticket t, Actor agent, Actor requester) {
      return service.escalate(t.tenant(), agent, t.id(), t.version(), "needs the next tier");
    }

    /**
     * Returns the text form, {@code escalate to the next tier}.
     *
     * @return the text
     */
    @Override
    public String toString() {
      return "escalate to the next tier";
    }
  }

  /**
   * The agent adds or removes a tag.
   *
   * @param tag the tag
   * @param add true to add, false to remove
   */
  record Retag(Tag tag, boolean add) implements StoryAction {
    /**
     * Validates the action.
     *
     * @throws NullPointerException if the tag is null
     */
    public Retag {
      Objects.requireNonNull(tag, "tag");
    }

    /** {@inheritDoc} */
    @Override
    public Ticket apply(TicketService service, Ticket t, Actor agent, Actor requester) {
      return add ? service.tag(t.tenant(), agent, t.id(), t.version(), tag)
          : service.untag(t.tenant(), agent, t.id(), t.version(), tag);
    }

    /**
     * Returns the text form, {@code tag +vip} or {@code tag -vip}.
     *
     * @return the text
     */
    @Override
    public String toString() {
      return "tag " + (add ? "+" : "-") + tag;
    }
  }

  /**
   * The agent changes the category, or clears it.
   *
   * @param category the new category, or null
   */
  record ChangeCategory(@Nullable Category category) implements StoryAction {
    /** {@inheritDoc} */
    @Override
    public Ticket apply(TicketService service, Ticket t, Actor agent, Actor requester) {
      return service.changeCategory(t.tenant(), agent, t.id(), t.version(), category);
    }

    /**
     * Returns the text form, {@code category -> payment/refund}.
     *
     * @return the text
     */
    @Override
    public String toString() {
      return "category -> " + (category == null ? "(none)" : category);
    }
  }

  /**
   * The agent sets or clears a custom field, such as the customer tier a policy reads.
   *
   * @param key the field's key
   * @param value the value, or null to clear it
   */
  record SetCustomField(String key, @Nullable CustomFieldValue value) implements StoryAction {
    /**
     * Validates the action.
     *
     * @throws dev.ticketkit.core.InvalidInputException if the key is not a custom field key
     */
    public SetCustomField {
      Objects.requireNonNull(key, "key");
      CustomFieldValue.checkKey(key);
    }

    /** {@inheritDoc} */
    @Override
    public Ticket apply(TicketService service, Ticket t, Actor agent, Actor requester) {
      return service.edit(t.tenant(), agent, t.id(), t.version(),
          TicketEdit.builder().customField(key, value).build());
    }

    /**
     * Returns the text form, {@code customer_tier := text:gold}.
     *
     * @return the text
     */
    @Override
    public String toString() {
      return key + " := " + (value == null ? "(none)" : value);
    }
  }

  /** The requester withdraws the ticket ({@code cancel}). */
  record Cancel() implements StoryAction {
    /** {@inheritDoc} */
    @Override
    public Ticket apply(TicketService service, Ticket t, Actor agent, Actor requester) {
      return service.fire(t.tenant(), requester, t.id(), t.version(), StandardWorkflow.CANCEL);
    }

    /**
     * Returns the text form, {@code cancel}.
     *
     * @return the text
     */
    @Override
    public String toString() {
      return "cancel";
    }
  }

  /**
   * The agent hands the ticket to the technical department and asks for an answer (a handoff);
   * nothing happens when the ticket already has {@value Ticket#MAX_HANDOFFS} handoffs.
   */
  record HandOver() implements StoryAction {
    /** {@inheritDoc} */
    @Override
    public Ticket apply(TicketService service, Ticket t, Actor agent, Actor requester) {
      if (t.handoffs().size() >= Ticket.MAX_HANDOFFS) {
        return t;
      }
      return HandoffDesk.of(service).handOver(t.tenant(), agent, t.id(), t.version(),
          "technical", "Please check the payment logs.", null);
    }

    /**
     * Returns the text form, {@code hand over to technical}.
     *
     * @return the text
     */
    @Override
    public String toString() {
      return "hand over to technical";
    }
  }

  /**
   * Something happens to the oldest open handoff: the agent asks the department for news (a
   * check), or the department answers or gives the ticket back. Nothing happens when no handoff
   * is open.
   *
   * @param outcome {@code CHECK}, {@code ANSWERED} or {@code RETURNED}
   */
  record HandoffNews(String outcome) implements StoryAction {
    /**
     * Validates the outcome.
     *
     * @throws NullPointerException if it is null
     * @throws IllegalArgumentException if it is not one of the three
     */
    public HandoffNews {
      Objects.requireNonNull(outcome, "outcome");
      if (!List.of("CHECK", "ANSWERED", "RETURNED").contains(outcome)) {
        throw new IllegalArgumentException("outcome must be CHECK, ANSWERED or RETURNED: "
            + outcome);
      }
    }

    /** {@inheritDoc} */
    @Override
    public Ticket apply(TicketService service, Ticket t, Actor agent, Actor requester) {
      Handoff open = t.handoffs().stream().filter(h -> h.state().isOpen()).findFirst()
          .orElse(null);
      if (open == null) {
        return t;
      }
      HandoffDesk desk = HandoffDesk.of(service);
      return switch (outcome) {
        case "CHECK" -> desk.check(t.tenant(), agent, t.id(), t.version(), open.seq());
        case "ANSWERED" -> desk.answer(t.tenant(), agent, t.id(), t.version(), open.seq(),
            "The logs show a timeout; fixed in the next release.");
        default -> desk.giveBack(t.tenant(), agent, t.id(), t.version(), open.seq(),
            "Not ours: please ask logistics.");
      };
    }

    /**
     * Returns the text form, for example {@code handoff news: ANSWERED}.
     *
     * @return the text
     */
    @Override
    public String toString() {
      return "handoff news: " + outcome;
    }
  }

  /** Nothing happens to the ticket: only time passes (and the step's ticks run). */
  record Idle() implements StoryAction {
    /** {@inheritDoc} */
    @Override
    public Ticket apply(TicketService service, Ticket t, Actor agent, Actor requester) {
      return t;
    }

    /**
     * Returns the text form, {@code time passes}.
     *
     * @return the text
     */
    @Override
    public String toString() {
      return "time passes";
    }
  }
}
