package dev.ticketkit.testkit.report;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Message;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.DissatisfactionReason;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.StatusCategory;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketEdit;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketKitException;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.workflow.StandardWorkflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * The life of one simulated ticket as a small state machine: each {@link #step} does one thing
 * through the public service API and says when the next step is due. Random choices come from
 * the ticket's own seeded generator, so a world replays identically.
 */
final class TicketScript {

  private enum Stage { ACCEPT, REPLY, FOLLOW_UP, WAIT, ANSWER, ESCALATE, EDIT, RESOLVE, RATE, DONE }

  private final SupportWorld world;
  private final TenantId tenant;
  private final TicketId id;
  private final Actor requester;
  private final Random rnd;
  private Stage stage = Stage.ACCEPT;
  private Actor agent;
  private boolean answerOwed;

  TicketScript(SupportWorld world, Ticket t, Random rnd) {
    this.world = world;
    this.tenant = t.tenant();
    this.id = t.id();
    this.requester = Actor.requester(t.requester().id());
    this.rnd = rnd;
    this.agent = Actor.agent(world.agent(tenant, 1, rnd));
  }

  /** Does the next thing; returns when the step after is due, or null when the script ends. */
  Instant step(Instant now) {
    TicketService s = world.service();
    Ticket t = s.require(tenant, id);
    if (t.status().category() == StatusCategory.CLOSED) {
      return null;
    }
    try {
      return act(s, t, now);
    } catch (TicketKitException e) {
      return stage == Stage.DONE ? null : now.plus(minutes(30));
    }
  }

  private Instant act(TicketService s, Ticket current, Instant now) {
    Ticket t = current;
    switch (stage) {
      case ACCEPT -> {
        if (t.cycle() == 1 && rnd.nextDouble() < 0.04) {
          s.fire(tenant, requester, id, t.version(), StandardWorkflow.CANCEL);
          stage = Stage.DONE;
          return null;
        }
        if (t.status().name().equals(StandardWorkflow.NEW)) {
          s.fire(tenant, agent, id, t.version(), StandardWorkflow.ACCEPT);
        } else {
          agent = Actor.agent(world.agent(tenant, t.tier().level(), rnd));
          s.assign(tenant, agent, id, t.version(), agent.asAgent());
        }
        stage = rnd.nextDouble() < 0.92 ? Stage.REPLY : Stage.EDIT;
        return now.plus(minutes(1 + rnd.nextInt(25)));
      }
      case REPLY -> {
        s.reply(tenant, agent, id, t.version(), Message.of(t.channel(), "我们正在处理 / on it"));
        stage = rnd.nextDouble() < 0.25 ? Stage.FOLLOW_UP
            : rnd.nextDouble() < 0.15 ? Stage.WAIT : Stage.ESCALATE;
        return now.plus(minutes(5 + rnd.nextInt(90)));
      }
      case FOLLOW_UP -> {
        s.reply(tenant, requester, id, t.version(), Message.of(t.channel(), "还是不行 / still broken"));
        answerOwed = true;
        stage = Stage.ESCALATE;
        return now.plus(minutes(10 + rnd.nextInt(60)));
      }
      case WAIT -> {
        s.fire(tenant, agent, id, t.version(), StandardWorkflow.WAIT_ON_REQUESTER);
        stage = Stage.ANSWER;
        return now.plus(hours(1 + rnd.nextInt(30)));
      }
      case ANSWER -> {
        s.reply(tenant, requester, id, t.version(), Message.of(t.channel(), "截图如下 / screenshot"));
        answerOwed = true;
        stage = Stage.ESCALATE;
        return now.plus(minutes(10 + rnd.nextInt(60)));
      }
      case ESCALATE -> {
        if (answerOwed) {
          t = s.reply(tenant, agent, id, t.version(), Message.of(t.channel(), "收到 / thanks"));
          answerOwed = false;
        }
        if (t.cycle() == 1 && rnd.nextDouble() < 0.07 && t.tier().hasNext()) {
          Ticket e = s.escalate(tenant, agent, id, t.version(), "needs tier 2");
          agent = Actor.agent(world.agent(tenant, e.tier().level(), rnd));
          s.assign(tenant, agent, id, e.version(), agent.asAgent());
        } else if (rnd.nextDouble() < 0.03) {
          TicketId into = world.mergeTarget(tenant, id, rnd);
          if (into != null) {
            s.merge(tenant, agent, id, t.version(), into);
            stage = Stage.DONE;
            return null;
          }
        }
        stage = Stage.EDIT;
        return now.plus(minutes(10 + rnd.nextInt(120)));
      }
      case EDIT -> {
        edits(s, t);
        stage = Stage.RESOLVE;
        return now.plus(Duration.ofSeconds((long) (3600 * 4 * Math.exp(rnd.nextGaussian()))));
      }
      case RESOLVE -> {
        Ticket r = t;
        for (String tr : List.of(StandardWorkflow.DIAGNOSE, StandardWorkflow.START_FIX)) {
          if (r.status().name().equals(tr.equals(StandardWorkflow.DIAGNOSE)
              ? StandardWorkflow.ACCEPTED : StandardWorkflow.DIAGNOSING)) {
            r = s.fire(tenant, agent, id, r.version(), tr);
          }
        }
        r = s.edit(tenant, agent, id, r.version(),
            TicketEdit.builder().resolutionSummary("清除缓存后恢复 / cleared the cache").build());
        s.fire(tenant, agent, id, r.version(), StandardWorkflow.PROPOSE_RESOLUTION);
        stage = rnd.nextDouble() < (t.cycle() == 1 ? 0.65 : 0.8) ? Stage.RATE : Stage.DONE;
        return stage == Stage.DONE ? null : now.plus(minutes(30 + rnd.nextInt(36 * 60)));
      }
      case RATE -> {
        double x = rnd.nextDouble();
        Satisfaction sat = t.cycle() > 2 || x < 0.72 ? Satisfaction.SATISFIED
            : x < 0.85 ? Satisfaction.NEUTRAL : Satisfaction.DISSATISFIED;
        String comment = rnd.nextDouble() < 0.4 ? world.comment(sat, rnd) : null;
        // The reason follows from the same draw, so the world's random stream is unchanged.
        s.rate(tenant, requester, id, t.version(), sat != Satisfaction.DISSATISFIED
            ? Rating.of(sat, comment) : Rating.dissatisfied(x < 0.91
                ? DissatisfactionReason.NOT_FIXED : x < 0.96
                    ? DissatisfactionReason.UNMET_EXPECTATION : DissatisfactionReason.OTHER,
                comment));
        stage = sat == Satisfaction.DISSATISFIED ? Stage.ACCEPT : Stage.DONE;
        return stage == Stage.DONE ? null : now.plus(minutes(20 + rnd.nextInt(240)));
      }
      default -> {
        return null;
      }
    }
  }

  private void edits(TicketService s, Ticket t) {
    Ticket c = t;
    if (rnd.nextDouble() < 0.05) {
      c = s.changePriority(tenant, agent, id, c.version(),
          Priority.values()[rnd.nextInt(Priority.values().length)]);
    }
    if (rnd.nextDouble() < 0.05) {
      c = s.changeCategory(tenant, agent, id, c.version(), world.category(rnd));
    }
    if (rnd.nextDouble() < 0.10) {
      s.tag(tenant, agent, id, c.version(), Tag.of(SupportWorld.TAGS.get(rnd.nextInt(4))));
    }
  }

  private static Duration minutes(long n) {
    return Duration.ofMinutes(n);
  }

  private static Duration hours(long n) {
    return Duration.ofHours(n);
  }

}
