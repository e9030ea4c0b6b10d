package dev.ticketkit.sla.internal;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.ConflictRetry;
import dev.ticketkit.core.SupportTier;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.sla.escalation.EscalationAction;
import dev.ticketkit.sla.escalation.EscalationContext;
import dev.ticketkit.sla.escalation.Notification;
import dev.ticketkit.sla.escalation.Notifier;
import dev.ticketkit.sla.escalation.SlaCallback;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs escalation actions: notifications and callbacks through the host's SPIs, ticket changes
 * through {@link TicketService} as the engine's actor, each reading the ticket afresh and retried
 * on an optimistic conflict ({@link ConflictRetry}). Ticket changes are idempotent where the
 * action allows (see {@link EscalationAction}) and are skipped for a ticket that is no longer
 * active; a {@code nextTier} reassignment resolves to a concrete tier (one above a tier the caller
 * reads from the ticket's history) and escalates until the ticket is there, so repeating it
 * changes nothing. A failing action is logged and does not stop the next one. Thread-safe if the SPIs are.
 */
public final class ActionRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ActionRunner.class);
  private static final int MAX_REASON = 500;

  private final TicketService service;
  private final Actor actor;
  private final Notifier notifier;
  private final Map<String, SlaCallback> callbacks;
  private final int maxAttempts;

  /**
   * Creates a runner.
   *
   * @param service the ticket service
   * @param actor who the ticket changes are made by
   * @param notifier delivers notifications
   * @param callbacks the host callbacks by name
   * @param maxAttempts attempts per ticket change on optimistic conflicts
   */
  public ActionRunner(TicketService service, Actor actor, Notifier notifier,
      Map<String, SlaCallback> callbacks, int maxAttempts) {
    this.service = service;
    this.actor = actor;
    this.notifier = notifier;
    this.callbacks = Map.copyOf(callbacks);
    this.maxAttempts = maxAttempts;
  }

  /**
   * Runs actions in order.
   *
   * @param actions the actions
   * @param ctx why they run
   * @param tierBase the tier a {@code nextTier} reassignment moves one above, read only if such
   *     an action runs; it must give the same tier each time the same level or rule is handed
   *     over, so that the reassignment reaches the same concrete tier (idempotent)
   */
  public void run(List<EscalationAction> actions, EscalationContext ctx,
      Supplier<SupportTier> tierBase) {
    for (EscalationAction a : actions) {
      try {
        runOne(a, ctx, tierBase);
      } catch (RuntimeException e) {
        LOG.warn("SLA action {} failed for {}", a, ctx.summary(), e);
      }
    }
  }

  private void runOne(EscalationAction a, EscalationContext ctx, Supplier<SupportTier> tierBase) {
    if (a instanceof EscalationAction.Notify n) {
      notifier.notify(new Notification(n.recipient(), ctx));
    } else if (a instanceof EscalationAction.Callback c) {
      SlaCallback cb = callbacks.get(c.name());
      if (cb == null) {
        LOG.warn("SLA callback {} is not registered; skipped for {}", c.name(), ctx.summary());
      } else {
        cb.onEscalation(ctx);
      }
    } else if (a instanceof EscalationAction.AddTag t) {
      change(ctx, x -> x.tags().contains(t.tag()) ? null
          : service.tag(x.tenant(), actor, x.id(), x.version(), t.tag()));
    } else if (a instanceof EscalationAction.RaisePriority p) {
      change(ctx, x -> x.priority().compareTo(p.to()) <= 0 || !active(x) ? null
          : service.changePriority(x.tenant(), actor, x.id(), x.version(), p.to()));
    } else if (a instanceof EscalationAction.Reassign r) {
      reassign(r, ctx, tierBase);
    }
  }

  private void reassign(EscalationAction.Reassign r, EscalationContext ctx,
      Supplier<SupportTier> tierBase) {
    if (r.group() != null) {
      change(ctx, x -> r.group().equals(x.assignee()) || !active(x) ? null
          : service.assign(x.tenant(), actor, x.id(), x.version(), r.group()));
      return;
    }
    SupportTier goal = r.nextTier() ? tierBase.get().next() : Objects.requireNonNull(r.tier());
    String reason = reason(ctx);
    while (change(ctx, x -> x.tier().compareTo(goal) >= 0 || !x.tier().hasNext() || !active(x)
        ? null : service.escalate(x.tenant(), actor, x.id(), x.version(), reason)) != null) {
      Thread.onSpinWait();
    }
  }

  private @Nullable Ticket change(EscalationContext ctx, Function<Ticket, @Nullable Ticket> op) {
    Ticket t = ctx.ticket();
    return ConflictRetry.run(maxAttempts, () -> op.apply(service.require(t.tenant(), t.id())));
  }

  private static boolean active(Ticket t) {
    return t.status().category().isActive();
  }

  private static String reason(EscalationContext ctx) {
    String r = "SLA escalation: " + ctx.summary();
    return r.length() <= MAX_REASON ? r : r.substring(0, MAX_REASON);
  }
}
