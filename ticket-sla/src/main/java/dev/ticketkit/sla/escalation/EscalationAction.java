package dev.ticketkit.sla.escalation;

import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.SupportTier;
import dev.ticketkit.core.Tag;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an escalation level or an event rule does. The set of actions is closed.
 *
 * <p>Actions that change the ticket go through {@code TicketService} as the engine's system actor,
 * reading the ticket afresh and retrying on an optimistic conflict, and they are idempotent where
 * the action allows it: raising a priority or moving to a tier does nothing if the ticket is
 * already there, adding a tag it has does nothing. All implementations are immutable and
 * thread-safe.
 */
public sealed interface EscalationAction {

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
     * @throws InvalidInputException if the recipient is blank
     */
    public Notify {
      if (Objects.requireNonNull(recipient, "recipient").isBlank()) {
        throw new InvalidInputException("notify", recipient, "must name a recipient");
      }
    }
  }

  /**
   * Moves the ticket to a support tier or to a group's queue.
   *
   * <p>Exactly one of the forms: {@code tier} (escalate until the ticket is at least at that
   * tier; idempotent), {@code nextTier} (escalate until the ticket is at least one tier above a
   * base tier read from its history; idempotent: in a ladder level the base is the tier the
   * ticket had just before the level's due instant, in an event rule the tier it had before the
   * triggering change, so a workflow that escalates on reopen is not doubled), or {@code group}
   * (assign to that queue's agent id; idempotent).
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
     * @throws InvalidInputException if the name is blank
     */
    public Callback {
      if (Objects.requireNonNull(name, "name").isBlank()) {
        throw new InvalidInputException("callback", name, "must name a callback");
      }
    }
  }
}
