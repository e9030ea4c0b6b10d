package dev.ticketkit.sla.internal;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Handoff;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.SupportTier;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketChanges;
import dev.ticketkit.core.TicketConflictException;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.TicketStateException;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.escalation.EscalationAction;
import dev.ticketkit.sla.escalation.EscalationCause;
import dev.ticketkit.sla.escalation.EscalationContext;
import dev.ticketkit.sla.escalation.EscalationLevel;
import dev.ticketkit.sla.escalation.EventRule;
import dev.ticketkit.sla.escalation.Notification;
import dev.ticketkit.sla.escalation.Notifier;
import dev.ticketkit.sla.escalation.SlaCallback;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.policy.SlaPolicy;
import dev.ticketkit.sla.store.DueWork;
import dev.ticketkit.sla.store.EventRuleDue;
import dev.ticketkit.sla.store.LadderLevelDue;
import dev.ticketkit.sla.store.SlaStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out due work: the one path by which escalation actions reach tickets. Thread-safe if
 * the SPIs are.
 *
 * <p>Implementation notes. For each piece, in due order, the runner reads the ticket and plans
 * the actions against it. Work whose actions change nothing on the ticket (notifications,
 * callbacks, a tag it already has) is carried out in batches through {@link SlaStore#claim}, which
 * records it done in its own transaction. Work that changes the ticket becomes one ticket change
 * through {@link TicketService#apply}, whose cause ({@link SlaWorkCause}) makes the engine's
 * follower record the work done in the same transaction and run the notifications there: the
 * ticket changes happen exactly once, a failed write leaves the work due for the next tick, and
 * another node that did the work first makes the change abandon itself. A stale ticket version is
 * retried with a fresh read; an action the ticket refuses is recorded in its history as not
 * applied. Nothing here is called inside a ticket's or a claim's transaction except the effects.
 */
public final class WorkRunner {

  private static final Logger LOG = LoggerFactory.getLogger(WorkRunner.class);

  private final SlaPolicies policies;
  private final SlaStore store;
  private final TicketService service;
  private final Actor actor;
  private final Notifier notifier;
  private final Map<String, SlaCallback> callbacks;
  private final int maxAttempts;
  private @Nullable SlaFollower follower;

  /**
   * Creates a runner.
   *
   * @param policies the policies
   * @param store the SLA store
   * @param service the ticket service
   * @param actor who the ticket changes are made by
   * @param notifier delivers notifications
   * @param callbacks the host callbacks by name
   * @param maxAttempts attempts per ticket change on optimistic conflicts
   */
  public WorkRunner(SlaPolicies policies, SlaStore store, TicketService service, Actor actor,
      Notifier notifier, Map<String, SlaCallback> callbacks, int maxAttempts) {
    this.policies = policies;
    this.store = store;
    this.service = service;
    this.actor = actor;
    this.notifier = notifier;
    this.callbacks = Map.copyOf(callbacks);
    this.maxAttempts = maxAttempts;
  }

  /** Binds the follower whose transactions record this runner's work. */
  void bind(SlaFollower owner) {
    this.follower = owner;
  }

  /**
   * Carries out work in order.
   *
   * @param work the pieces, in due order
   * @param now the instant to record them done at
   * @param left collects the pieces that were not done (another node holds them, or a write
   *     failed): they stay due
   * @return how many pieces were done
   */
  public int process(List<? extends DueWork> work, Instant now, Set<DueWork> left) {
    List<DueWork> batch = new ArrayList<>();
    Map<DueWork, Plan> plans = new HashMap<>();
    int done = 0;
    for (DueWork w : work) {
      Plan plan = plan(w, now);
      if (plan.changesTicket()) {
        done += claim(batch, plans, now, left);
        done += change(w, now, left);
      } else {
        batch.add(w);
        plans.put(w, plan);
      }
    }
    return done + claim(batch, plans, now, left);
  }

  private int claim(List<DueWork> batch, Map<DueWork, Plan> plans, Instant now,
      Set<DueWork> left) {
    if (batch.isEmpty()) {
      return 0;
    }
    int done;
    try {
      done = store.claim(batch, now, w -> run(plans.get(w)));
    } catch (RuntimeException e) {
      LOG.warn("SLA work {} not done; it stays due", batch, e);
      done = 0;
    }
    if (done < batch.size()) {
      left.addAll(batch);
    }
    batch.clear();
    plans.clear();
    return done;
  }

  private int change(DueWork w, Instant now, Set<DueWork> left) {
    List<String> refused = new ArrayList<>();
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      Plan plan = plan(w, now);
      if (!plan.changesTicket() && refused.isEmpty()) {
        return claim(new ArrayList<>(List.of(w)), new HashMap<>(Map.of(w, plan)), now, left);
      }
      Ticket t = plan.requireTicket();
      try {
        service.apply(t.tenant(), actor, t.id(), t.version(), plan.changes(this, now, refused));
        return 1;
      } catch (TicketConflictException e) {
        LOG.debug("SLA work {} met a concurrent change of ticket {}; retrying", w.key(), t.id());
      } catch (DueWorkTakenException e) {
        return 0;
      } catch (InvalidInputException | TicketStateException e) {
        if (!refused.isEmpty()) {
          LOG.error("SLA work {} of ticket {} refused twice; it stays due", w.key(), t.id(), e);
          left.add(w);
          return 0;
        }
        refused.add(e.getMessage());
      } catch (RuntimeException e) {
        LOG.warn("SLA work {} of ticket {} not done; it stays due", w.key(), t.id(), e);
        left.add(w);
        return 0;
      }
    }
    left.add(w);
    return 0;
  }

  /** Reads what a piece of work needs and plans its actions against the ticket as it is now. */
  private Plan plan(DueWork w, Instant now) {
    Optional<Ticket> ticket = service.get(w.tenant(), w.ticket());
    if (ticket.isEmpty()) {
      return Plan.skip(w, "its ticket is gone");
    }
    if (w instanceof LadderLevelDue l) {
      return planLevel(l, ticket.get(), now);
    }
    return planRule((EventRuleDue) w, ticket.get());
  }

  private Plan planLevel(LadderLevelDue due, Ticket t, Instant now) {
    SlaClock c = store.clock(due.clock()).orElse(null);
    SlaPolicy p = c == null ? null : policies.byId(c.target().policyId()).orElse(null);
    EscalationLevel level = p == null ? null
        : p.ladder(c).level(due.level()).orElse(null);
    if (level == null || !c.isOpen()) {
      return Plan.skip(due, "its clock, policy or level is gone, or the clock stopped");
    }
    EscalationCause cause = new EscalationCause.LevelReached(c, level);
    String summary = "ticket #" + t.number() + " (" + t.tenant() + ", " + t.priority() + ") "
        + cause.describe() + " (due " + c.dueAt() + ")";
    if (c.key().metric().isHandoff()) {
      Handoff h = t.handoffs().stream().filter(x -> x.seq() == c.key().handoff()).findFirst()
          .orElse(null);
      if (h == null || !h.state().isOpen()) {
        return Plan.skip(due, "its handoff is gone or closed");
      }
      summary += c.key().metric() == SlaMetric.HANDOFF_FOLLOW_UP
          ? ": follow-up reminder " + due.level() + " for handoff " + h.seq() + " to "
              + h.department() + ": ask the department for news and tell the requester"
          : ": the answer of " + h.department() + " to handoff " + h.seq() + " is overdue";
    }
    return Plan.of(due, t, new EscalationContext(t, cause, now, summary), level.actions(),
        t.tier().hasNext() ? t.tier().next() : t.tier());
  }

  private Plan planRule(EventRuleDue due, Ticket t) {
    SlaPolicy p = policies.byId(due.policyId()).orElse(null);
    List<EventRule> rules = p == null ? List.of() : p.rules(due.trigger());
    if (due.ruleIndex() >= rules.size()) {
      return Plan.skip(due, "its policy or rule is gone");
    }
    EventRule rule = rules.get(due.ruleIndex());
    EscalationCause cause = new EscalationCause.RuleTriggered(due.trigger(), rule,
        due.ticketVersion());
    String summary = "ticket #" + t.number() + " (" + t.tenant() + ", " + t.priority()
        + ", tier " + t.tier() + "): " + due.trigger();
    SupportTier base = due.baseTier();
    return Plan.of(due, t, new EscalationContext(t, cause, due.dueAt(), summary), rule.actions(),
        base.hasNext() ? base.next() : base);
  }

  /** Runs the notifications and callbacks of work that changes no ticket. */
  private void run(Plan plan) {
    if (plan.reason() != null) {
      LOG.warn("SLA work {} of ticket {} skipped: {}", plan.work().key(), plan.work().ticket(),
          plan.reason());
    } else {
      effects(java.util.Objects.requireNonNull(plan.ctx()), plan.actions());
    }
  }

  /** Runs the notifications and callbacks of a plan. */
  private void effects(EscalationContext ctx, List<EscalationAction> actions) {
    for (EscalationAction a : actions) {
      if (a instanceof EscalationAction.Notify n) {
        notifier.notify(new Notification(n.recipient(), ctx));
      } else if (a instanceof EscalationAction.Callback c) {
        SlaCallback cb = callbacks.get(c.name());
        if (cb == null) {
          LOG.warn("SLA callback {} is not registered; skipped for {}", c.name(), ctx.summary());
        } else {
          cb.onEscalation(ctx);
        }
      }
    }
  }

  /**
   * What a piece of work does to its ticket as read at planning.
   *
   * @param work the work
   * @param ticket the ticket, or null when the work is skipped
   * @param ctx the notification context, or null when skipped
   * @param actions the actions
   * @param nextTier the tier a {@code nextTier} action moves to
   * @param steps the ticket changes that apply (none if nothing changes)
   * @param reason why it is skipped, or null
   */
  private record Plan(DueWork work, @Nullable Ticket ticket, @Nullable EscalationContext ctx,
      List<EscalationAction> actions, SupportTier nextTier, List<EscalationAction> steps,
      @Nullable String reason) {

    static Plan skip(DueWork work, String reason) {
      return new Plan(work, null, null, List.of(), SupportTier.FIRST, List.of(), reason);
    }

    static Plan of(DueWork work, Ticket t, EscalationContext ctx, List<EscalationAction> actions,
        SupportTier nextTier) {
      List<EscalationAction> steps = new ArrayList<>();
      for (EscalationAction a : actions) {
        if (changes(a, t, nextTier)) {
          steps.add(a);
        }
      }
      return new Plan(work, t, ctx, actions, nextTier, steps, null);
    }

    /** Tells whether an action would change the ticket as it is. */
    private static boolean changes(EscalationAction a, Ticket t, SupportTier nextTier) {
      boolean active = t.status().category().isActive();
      if (a instanceof EscalationAction.AddTag g) {
        return !t.tags().contains(g.tag());
      }
      if (a instanceof EscalationAction.RaisePriority p) {
        return active && t.priority().compareTo(p.to()) > 0;
      }
      if (a instanceof EscalationAction.Reassign r) {
        if (r.group() != null) {
          return active && !r.group().equals(t.assignee());
        }
        SupportTier goal = r.nextTier() ? nextTier : r.tier();
        return active && goal != null && t.tier().compareTo(goal) < 0;
      }
      return false;
    }

    boolean changesTicket() {
      return !steps.isEmpty();
    }

    Ticket requireTicket() {
      return java.util.Objects.requireNonNull(ticket);
    }

    /** The ticket change: the cause, then every step the ticket takes (refused ones noted). */
    TicketChanges changes(WorkRunner runner, Instant now, List<String> refused) {
      EscalationContext context = java.util.Objects.requireNonNull(ctx);
      String why = "SLA escalation: " + context.cause().describe();
      TicketChanges.Builder b = TicketChanges.builder();
      if (refused.isEmpty()) {
        for (EscalationAction a : steps) {
          step(b, a, why);
        }
      } else {
        why += "; not applied: " + steps.stream().map(EscalationAction::describe).toList()
            + " (" + refused.get(0) + ")";
      }
      return b.cause(new SlaWorkCause(java.util.Objects.requireNonNull(runner.follower), work,
          now, why, () -> runner.effects(context, actions))).build();
    }

    private void step(TicketChanges.Builder b, EscalationAction a, String why) {
      if (a instanceof EscalationAction.AddTag g) {
        b.tag(g.tag());
      } else if (a instanceof EscalationAction.RaisePriority p) {
        b.priority(p.to());
      } else if (a instanceof EscalationAction.Reassign r) {
        if (r.group() != null) {
          b.assign(r.group());
        } else {
          b.escalateTo(r.nextTier() ? nextTier : java.util.Objects.requireNonNull(r.tier()), why);
        }
      }
    }
  }
}
