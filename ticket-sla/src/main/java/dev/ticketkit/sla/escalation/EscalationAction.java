package dev.ticketkit.sla.escalation;

import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.SupportTier;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TextRule;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an escalation level or an event rule does. The set of actions is closed.
 *
 * <p>The actions of one level or rule that change the ticket are made together as one ticket
 * change through {@code TicketService}, as the engine's system actor, in the same transaction
 * that records the level or rule as done: they happen exactly once, and a failed write leaves the
 * work due for the next tick. Raising a priority or moving to a tier does nothing if the ticket
 * is already there, adding a tag it has does nothing; an action the ticket refuses (a 51st tag, a
 * closed ticket) is recorded in the ticket's history as not applied. All implementations are immutable and
 * thread-safe.
 */
public sealed interface EscalationAction {

  /**
   * Describes the action for people.
   *
   * @return for example {@code "notify tier-lead"}, {@code "tag late"}
   */
  String describe();

  /**
   * The rule for recipients and callback names: one line of at most 200 code points (the text
   * rule, {@link TextRule}).
   */
  TextRule NAME = TextRule.line(200);

  /**
   * Tells someone through the {@link Notifier}.
   *
   * @param recipient who, as a role the host's notifier resolves: {@code "assignee"},
   *     {@code "tier-lead"}, {@code "requester"}, or any name such as {@code "group:billing"}
   */
  record Notify(String recipient) implements EscalationAction {
    /**
     * Validates the action.
     *
     * @throws InvalidInputException if the recipient breaks {@link EscalationAction#NAME}
     */
    public Notify {
      NAME.require("notify", Objects.requireNonNull(recipient, "recipient"));
    }

    @Override
    public String describe() {
      return "notify " + recipient;
    }
  }

  /**
   * Moves the ticket to a support tier or to a group's queue.
   *
   * <p>Exactly one of the forms: {@code tier} (escalate the ticket to at least that tier),
   * {@code nextTier} (one tier up: in a ladder level, one above the ticket's tier when the level
   * fires; in an event rule, one above the tier the ticket had before the triggering change, so
   * a workflow that already escalates on reopen is not doubled), or {@code group} (assign to that
   * queue's agent id).
   *
   * @param tier the tier to reach, or null
   * @param nextTier true to move one tier up
   * @param group the group's agent id, or null
   */
  record Reassign(@Nullable SupportTier tier, boolean nextTier, @Nullable AgentId group)
      implements EscalationAction {
    /**
     * Validates the action.
     *
     * @throws InvalidInputException unless exactly one form is given
     */
    public Reassign {
      int forms = (tier != null ? 1 : 0) + (nextTier ? 1 : 0) + (group != null ? 1 : 0);
      if (forms != 1) {
        throw new InvalidInputException("reassign", forms + " forms",
            "must give exactly one of tier, nextTier, group");
      }
    }

    /**
     * Returns the action that moves the ticket one tier up.
     *
     * @return the action
     */
    public static Reassign toNextTier() {
      return new Reassign(null, true, null);
    }

    @Override
    public String describe() {
      return nextTier ? "move to the next tier" : tier != null ? "move to tier " + tier
          : "assign to " + group;
    }
  }

  /**
   * Raises the ticket's priority to at least the given one (a ticket already as urgent or more is
   * left alone).
   *
   * @param to the priority to reach
   */
  record RaisePriority(Priority to) implements EscalationAction {
    /** Validates the action. */
    public RaisePriority {
      Objects.requireNonNull(to, "to");
    }

    @Override
    public String describe() {
      return "raise the priority to " + to;
    }
  }

  /**
   * Adds a tag to the ticket.
   *
   * @param tag the tag
   */
  record AddTag(Tag tag) implements EscalationAction {
    /** Validates the action. */
    public AddTag {
      Objects.requireNonNull(tag, "tag");
    }

    @Override
    public String describe() {
      return "tag " + tag;
    }
  }

  /**
   * Calls the host's {@link SlaCallback} registered under a name.
   *
   * @param name the callback's name
   */
  record Callback(String name) implements EscalationAction {
    /**
     * Validates the action.
     *
     * @throws InvalidInputException if the name breaks {@link EscalationAction#NAME}
     */
    public Callback {
      NAME.require("callback", Objects.requireNonNull(name, "name"));
    }

    @Override
    public String describe() {
      return "call " + name;
    }
  }
}
