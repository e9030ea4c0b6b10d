package dev.ticketkit.sla.store;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.sla.clock.ClockKey;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one ticket change writes to the SLA store, all or nothing: the clocks it changed or
 * started, each with its new schedule, and the event rules it triggered.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param ticketVersion the ticket version the change produced (stored with every clock it
 *     writes, see {@link TicketClocks#appliedVersion()}), or 0 for a write outside a ticket
 *     change; 1 is the change that opened the ticket, which finds no SLA rows of the ticket (a
 *     store may skip looking for pending levels to replace and for done records)
 * @param updates the clock updates, at most one per clock
 * @param rules the event rules the change triggered, each due at the change's instant
 */
public record SlaChanges(long ticketVersion, List<ClockUpdate> updates, List<EventRuleDue> rules) {

  /** Changes that change nothing. */
  public static final SlaChanges NONE = new SlaChanges(0, List.of(), List.of());

  /**
   * Validates the changes and copies the lists.
   *
   * @throws NullPointerException if a list or an element is null
   * @throws InvalidInputException if the version is negative, two updates are for the same clock
   *     or two rules have the same key
   */
  public SlaChanges {
    if (ticketVersion < 0) {
      throw new InvalidInputException("ticketVersion", ticketVersion, "must not be negative");
    }
    updates = List.copyOf(updates);
    rules = List.copyOf(rules);
    Set<ClockKey> keys = new HashSet<>();
    for (int i = 0; i < updates.size(); i++) {
      if (!keys.add(updates.get(i).clock().key())) {
        throw new InvalidInputException("updates[" + i + "]", updates.get(i).clock().key(),
            "updates a clock that an earlier update already updates");
      }
    }
    Set<String> ruleKeys = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      EventRuleDue r = rules.get(i);
      if (!ruleKeys.add(r.tenant() + "/" + r.ticket() + "/" + r.key())) {
        throw new InvalidInputException("rules[" + i + "]", r.key(), "is repeated");
      }
    }
  }

  /**
   * Returns changes of the given clock updates, outside a ticket change.
   *
   * @param updates the updates
   * @return the changes
   */
  public static SlaChanges of(ClockUpdate... updates) {
    return new SlaChanges(0, List.of(updates), List.of());
  }

  /**
   * Tells whether there is nothing to write.
   *
   * @return true without updates and rules
   */
  public boolean isEmpty() {
    return updates.isEmpty() && rules.isEmpty();
  }
}
