package dev.ticketkit.examples.month;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Message;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.StatusCategory;
import dev.ticketkit.core.SupportTier;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketEdit;
import dev.ticketkit.core.TicketKitException;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.KnowledgeBase;
import dev.ticketkit.kb.Viewer;
import dev.ticketkit.kb.search.SearchHit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The helpdesk's people at work: requesters writing in and answering, agents replying, asking,
 * escalating and resolving. Every action goes through the public {@link TicketService} and
 * knowledge-base API with the version just read, as a host application's screens would; the SLA
 * engine, the spike detector and the report only watch. Not thread-safe.
 */
final class Desk {

  /** A request in flight: its plan, its ticket and where it is in its journey. */
  static final class Case {
    final Plan plan;
    final String requester;
    Ticket ticket;
    Staff.Agent booked;
    int next;
    int ratings;

    Case(Plan plan, String requester) {
      this.plan = plan;
      this.requester = requester;
    }
  }

  private final TicketService service;
  private final KnowledgeBase kb;
  private final TenantId tenant;
  private final Staff staff;
  private final Map<Integer, ArticleId> articles;
  private final Counters counters;
  private final Map<String, Boolean> suggestions = new java.util.HashMap<>();

  Desk(TicketService service, KnowledgeBase kb, TenantId tenant, Staff staff,
      Map<Integer, ArticleId> articles, Counters counters) {
    this.service = service;
    this.kb = kb;
    this.tenant = tenant;
    this.staff = staff;
    this.articles = articles;
    this.counters = counters;
  }

  /**
   * A requester types a request: the help centre suggests articles as they type, and a confident
   * suggestion that answers the question deflects some requests (no ticket is opened).
   *
   * @return true if the request was deflected
   */
  boolean deflected(Plan plan) {
    if (plan.kind().article() < 0) {
      return false;
    }
    // The articles do not change during the month, so the same text gets the same suggestion.
    boolean answers = suggestions.computeIfAbsent(plan.subject(), subject -> {
      List<SearchHit> hits = kb.tickets().suggest(tenant, subject, plan.kind().description(),
          Viewer.REQUESTER, Locale.CHINA, 1);
      return !hits.isEmpty() && hits.get(0).confident()
          && hits.get(0).articleId().equals(articles.get(plan.kind().article()));
    });
    return answers && Draw.chance(plan.random(), 0.35);
  }

  /** Opens the ticket as its requester. */
  Case open(Plan plan, int number, List<Tag> tags) {
    String id = "cust-" + number;
    Requester requester = Requester.of(id, "客户" + number,
        SupportCatalogue.handle(plan.channel(), number));
    NewTicket.Builder intake = NewTicket.builder().requester(requester).channel(plan.channel())
        .subject(plan.subject()).description(plan.kind().description())
        .category(plan.kind().category()).priority(plan.priority());
    tags.forEach(intake::tag);
    Case c = new Case(plan, id);
    c.ticket = service.open(tenant, Actor.requester(id), intake.build());
    counters.opened++;
    return c;
  }

  /**
   * Performs the case's next step at {@code now} and says when the one after it is due.
   *
   * @return the instant of the next step, or empty when the journey is over
   */
  Optional<Instant> perform(Case c, Instant now) {
    Step step = c.plan.steps().get(c.next++);
    c.ticket = service.require(tenant, c.ticket.id());
    if (!c.ticket.status().category().isActive()
        && c.ticket.status().category() != StatusCategory.RESOLVED) {
      return Optional.empty(); // closed meanwhile (cancelled, auto-closed)
    }
    try {
      switch (step) {
        case FIRST_REPLY -> {
          AgentId agent = agentOf(c);
          update(c, service.fire(tenant, Actor.agent(agent), id(c), v(c), StandardWorkflow.ACCEPT));
          reply(c, agent, "您好，已收到您的问题，正在为您处理。");
        }
        case ASK_REQUESTER -> {
          AgentId agent = agentOf(c);
          reply(c, agent, "为了进一步排查，请提供订单号和问题截图。");
          update(c, service.fire(tenant, Actor.agent(agent), id(c), v(c),
              StandardWorkflow.WAIT_ON_REQUESTER));
        }
        case REQUESTER_ANSWERS, FOLLOW_UP -> update(c, service.reply(tenant,
            Actor.requester(c.requester), id(c), v(c), Message.of(c.plan.channel(),
                step == Step.FOLLOW_UP ? "还有一个问题：多久能处理好？" : "订单号和截图已发送，请查收。")));
        case CLOSE_UNANSWERED -> {
          AgentId agent = agentOf(c);
          reply(c, agent, "三天未收到您的回复，本工单先关闭；如需继续处理请重新联系我们。");
          update(c, service.fire(tenant, Actor.agent(agent), id(c), v(c), StandardWorkflow.CANCEL));
        }
        case ANSWER_FOLLOW_UP -> reply(c, agentOf(c), "正在处理中，预计今天内给您答复。");
        case ESCALATE -> {
          AgentId agent = agentOf(c);
          update(c, service.escalate(tenant, Actor.agent(agent), id(c), v(c),
              "需要上一级支持处理"));
          counters.tierEscalations++;
          takeOver(c, now);
        }
        case WORK -> {
          AgentId agent = agentOf(c);
          if (c.ticket.status().name().equals(StandardWorkflow.ACCEPTED)) {
            update(c, service.fire(tenant, Actor.agent(agent), id(c), v(c),
                StandardWorkflow.DIAGNOSE));
          }
          if (c.ticket.status().name().equals(StandardWorkflow.DIAGNOSING)) {
            update(c, service.fire(tenant, Actor.agent(agent), id(c), v(c),
                StandardWorkflow.START_FIX));
          }
        }
        case PROPOSE_RESOLUTION -> {
          AgentId agent = agentOf(c);
          update(c, service.edit(tenant, Actor.agent(agent), id(c), v(c), TicketEdit.builder()
              .resolutionSummary("已按" + c.plan.kind().category() + "的处理流程解决。").build()));
          reply(c, agent, "问题已处理，请确认是否解决。");
          update(c, service.fire(tenant, Actor.agent(agent), id(c), v(c),
              StandardWorkflow.PROPOSE_RESOLUTION));
          counters.resolutions++;
          ArticleId article = articles.get(c.plan.kind().article());
          if (article != null && Draw.chance(c.plan.random(), 0.6)) {
            kb.tickets().linkSolution(tenant, article, id(c), agent.value());
          }
        }
        case RATE -> {
          Satisfaction s = c.plan.ratings().get(c.ratings++);
          update(c, service.rate(tenant, Actor.requester(c.requester), id(c), v(c),
              Rating.of(s, comment(s, c.plan.random()))));
          counters.ratings++;
        }
        case REWORK_REPLY -> {
          takeOver(c, now);
          reply(c, agentOf(c), "很抱歉没有解决您的问题，已转交高级工程师重新处理。");
        }
        case REQUESTER_CANCELS -> update(c, service.fire(tenant,
            Actor.requester(c.requester), id(c), v(c), StandardWorkflow.CANCEL));
        default -> throw new IllegalStateException("no action for step " + step);
      }
    } catch (TicketKitException e) {
      counters.refused++; // the ticket's state refused the step (an SLA escalation moved it)
    }
    return c.next >= c.plan.steps().size() ? Optional.empty()
        : Optional.of(when(c, c.plan.steps().get(c.next), now));
  }

  /** Returns when the first step happens: when an agent of the ticket's tier gets to it. */
  Instant firstStepAt(Case c, Instant now) {
    return when(c, c.plan.steps().get(0), now);
  }

  /** Returns when the next step happens: requesters take their time, agents work shifts. */
  private Instant when(Case c, Step step, Instant now) {
    SplittableRandom r = c.plan.random();
    return switch (step) {
      case FIRST_REPLY -> book(c, now, Draw.lognormal(r, Duration.ofMinutes(4), 0.6));
      case ASK_REQUESTER -> now.plus(Duration.ofMinutes(1));
      case REQUESTER_ANSWERS -> now.plus(Draw.lognormal(r, Duration.ofHours(2), 1.0));
      case CLOSE_UNANSWERED -> appointment(c, now.plus(Duration.ofDays(3)), Duration.ofMinutes(2));
      case FOLLOW_UP -> now.plus(Draw.lognormal(r, Duration.ofMinutes(90), 0.9));
      case ANSWER_FOLLOW_UP -> book(c, now, Draw.lognormal(r, Duration.ofMinutes(6), 0.6));
      case ESCALATE -> book(c, now, Duration.ofMinutes(3));
      case WORK -> book(c, now, Duration.ofMinutes(5));
      case PROPOSE_RESOLUTION -> appointment(c, now.plus(work(c, r)), Duration.ofMinutes(8));
      case RATE -> now.plus(Draw.lognormal(r, Duration.ofHours(3), 1.2));
      case REWORK_REPLY -> now.plus(Duration.ofMinutes(1));
      case REQUESTER_CANCELS -> now.plus(Draw.lognormal(r, Duration.ofMinutes(40), 1.0));
    };
  }

  private static Duration work(Case c, SplittableRandom r) {
    double scale = switch (c.plan.priority()) {
      case URGENT -> 0.5;
      case HIGH -> 0.8;
      case MEDIUM -> 1.2;
      case LOW -> 2.0;
    };
    long minutes = Math.round(c.plan.kind().workHours() * scale * 60);
    return Draw.lognormal(r, Duration.ofMinutes(Math.max(10, minutes)), 0.8);
  }

  /** Books the ticket's assignee if they are of its tier, else the soonest agent of the tier. */
  private Instant book(Case c, Instant at, Duration handling) {
    SupportTier tier = tier(c);
    Optional<Staff.Agent> assignee = staff.byId(c.ticket.assignee())
        .filter(a -> a.tier.equals(tier));
    Staff.Booking b = assignee.map(a -> staff.book(a, at, handling))
        .orElseGet(() -> staff.book(tier, at, handling));
    c.booked = b.agent();
    return b.at();
  }

  /** Books later work with the ticket's agent (see {@link Staff#appointment}). */
  private Instant appointment(Case c, Instant at, Duration handling) {
    SupportTier tier = tier(c);
    Staff.Agent agent = staff.byId(agentOf(c)).orElseGet(() -> staff.pick(tier, at));
    c.booked = agent;
    return staff.appointment(agent, at, handling).at();
  }

  /** Assigns the ticket to the soonest agent of its (new) tier. */
  private void takeOver(Case c, Instant now) {
    c.ticket = service.require(tenant, id(c));
    Staff.Agent a = staff.pick(tier(c), now);
    c.booked = a;
    if (!a.id.equals(c.ticket.assignee())) {
      update(c, service.assign(tenant, Actor.agent(a.id), id(c), v(c), a.id));
    }
  }

  private AgentId agentOf(Case c) {
    SupportTier tier = tier(c);
    if (c.booked != null && c.booked.tier.equals(tier)) {
      return c.booked.id;
    }
    return staff.byId(c.ticket.assignee()).filter(a -> a.tier.equals(tier)).map(a -> a.id)
        .orElseGet(() -> staff.pick(tier, c.ticket.updatedAt()).id);
  }

  private static SupportTier tier(Case c) {
    SupportTier t = c.ticket.tier();
    return t == null ? SupportTier.FIRST : SupportTier.of(Math.min(t.level(), 3));
  }

  private void reply(Case c, AgentId agent, String text) {
    update(c, service.reply(tenant, Actor.agent(agent), id(c), v(c),
        Message.of(c.plan.channel(), text)));
  }

  private static String comment(Satisfaction s, SplittableRandom r) {
    return switch (s) {
      case SATISFIED -> r.nextBoolean() ? "处理很快，谢谢！" : null;
      case NEUTRAL -> r.nextBoolean() ? "解决了，但等了比较久。" : null;
      case DISSATISFIED -> List.of("问题没有解决，还是一样。", "回复太慢，反复询问同样的信息。",
          "给出的方法不管用。").get(r.nextInt(3));
    };
  }

  private static void update(Case c, Ticket t) {
    c.ticket = t;
  }

  private static dev.ticketkit.core.TicketId id(Case c) {
    return c.ticket.id();
  }

  private static long v(Case c) {
    return c.ticket.version();
  }
}
