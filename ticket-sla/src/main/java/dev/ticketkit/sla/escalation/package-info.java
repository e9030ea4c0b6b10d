/**
 * Escalation: ladders of levels at shares of a target and after a breach, rules on ticket events,
 * the actions they take, and the SPIs through which actions reach people and the host
 * ({@link dev.ticketkit.sla.escalation.Notifier}, {@link dev.ticketkit.sla.escalation.SlaCallback}).
 *
 * <p>Everything here is not-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.ticketkit.sla.escalation;

import org.jspecify.annotations.NullMarked;
