package dev.ticketkit.sla.store;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.SupportTier;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.sla.escalation.TicketTrigger;
import java.time.Instant;
import java.util.Objects;

/**
 * An event rule that a ticket change triggered: recorded in the change's own transaction, due at
 * the change's instant, and carried out right after the commit (or by the next tick if the node
 * died first).
 *
 * <p>{@code (ticketVersion, trigger, ruleIndex)} identifies it within its ticket: a change
 * triggers each rule of its policy at most once. Instances are immutable and thread-safe.
 *
 * @param tenant the ticket's tenant
 * @param ticket the ticket
 * @param ticketVersion the ticket version the triggering change produced, 1 or more
 * @param trigger what happened
 * @param ruleIndex the rule's index among its policy's rules on the trigger, 0 or more
 * @param policyId the policy the rule belongs to
 * @param baseTier the ticket's support tier just before the triggering change: a
 *     {@code nextTier} action of the rule moves the ticket to one tier above it, so a change that
 *     already escalated (a reopen one tier up) is not escalated twice
 * @param dueAt when the change was made
 */
public record EventRuleDue(TenantId tenant, TicketId ticket, long ticketVersion,
    TicketTrigger trigger, int ruleIndex, String policyId, SupportTier baseTier, Instant dueAt)
    implements DueWork {

  /**
   * Validates the entry.
   *
   * @throws NullPointerException if a part is null
   * @throws InvalidInputException if the version is below 1 or the index negative
   */
  public EventRuleDue {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(policyId, "policyId");
    Objects.requireNonNull(baseTier, "baseTier");
    Objects.requireNonNull(dueAt, "dueAt");
    if (ticketVersion < 1) {
      throw new InvalidInputException("ticketVersion", ticketVersion, "must be 1 or more");
    }
    if (ruleIndex < 0) {
      throw new InvalidInputException("ruleIndex", ruleIndex, "must not be negative");
    }
  }

  /**
   * Returns {@code R:version:TRIGGER:index}.
   *
   * @return the key
   */
  @Override
  public String key() {
    return "R:" + ticketVersion + ":" + trigger + ":" + ruleIndex;
  }
}
