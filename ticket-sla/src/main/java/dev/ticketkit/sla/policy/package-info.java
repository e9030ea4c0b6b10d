/**
 * SLA policies: which tickets a policy takes (conditions on priority, channel, category, tenant,
 * customer tier and tags), the targets it sets per metric and priority (on a named calendar or
 * 24x7, optionally depending on when the clock started), its escalation ladders and event rules,
 * and the JSON form they load from.
 *
 * <p>Start from {@link dev.ticketkit.sla.policy.SlaPolicies#fromJson(String, SlaCalendars)} or
 * {@link dev.ticketkit.sla.policy.SlaPolicies#standard()}. Everything here is not-null unless
 * marked {@code @Nullable}.
 */
@NullMarked
package dev.ticketkit.sla.policy;

import org.jspecify.annotations.NullMarked;
