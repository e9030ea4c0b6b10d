package dev.ticketkit.examples.month;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.DissatisfactionReason;
import dev.ticketkit.core.FollowUp;
import dev.ticketkit.core.FollowUpCursor;
import dev.ticketkit.core.FollowUpLedger;
import dev.ticketkit.core.FollowUpPage;
import dev.ticketkit.core.Handoff;
import dev.ticketkit.core.HandoffDesk;
import dev.ticketkit.core.HandoffState;
import dev.ticketkit.core.ProblemDesk;
import dev.ticketkit.core.ProblemRecord;
import dev.ticketkit.core.ProblemReplies;
import dev.ticketkit.core.ProblemResolution;
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
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.KnowledgeBase;
import dev.ticketkit.kb.Viewer;
import dev.ticketkit.kb.search.SearchHit;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import dev.ticketkit.sla.calendar.BusinessCalendar;

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
    /** True while the incident waits for its problem's fix (no step scheduled). */
    boolean waiting;
    /** When to try the current step again (it could not be done yet), or null. */
    Instant retryAt;

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
  private final HandoffDesk handoffs;
  private final ProblemDesk problems;
  private final FollowUpLedger ledger;
  private final BusinessCalendar office;
  private final BiConsumer<Case, Instant> resume;

  /**
   * Creates the desk.
   *
   * @param office the departments' working calendar (handoff answers come in working time)
   * @param resume schedules a case's next step at an instant (an incident whose problem was
   *     resolved continues its journey)
   */
  Desk(TicketService service, KnowledgeBase kb, TenantId tenant, Staff staff,
      Map<Integer, ArticleId> articles, Counters counters, BusinessCalendar office,
      BiConsumer<Case, Instant> resume) {
    this.service = service;
    this.kb = kb;
    this.tenant = tenant;
    this.staff = staff;
    this.articles = articles;
    this.counters = counters;
    this.office = office;
    this.resume = resume;
    this.handoffs = HandoffDesk.of(service);
    this.problems = ProblemDesk.of(service, ProblemReplies.standard(Locale.SIMPLIFIED_CHINESE));
    this.ledger = FollowUpLedger.of(service, FOLLOW_UP_CADENCE);
  }

  /** The support process's cadence of updates to requesters: at least twice a week. */
  static final Duration FOLLOW_UP_CADENCE = Duration.ofHours(84);

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
          if (c.ticket.problem() == null || !c.ticket.problem().isResolved()) {
            update(c, service.edit(tenant, Actor.agent(agent), id(c), v(c), TicketEdit.builder()
                .resolutionSummary("已按" + c.plan.kind().category() + "的处理流程解决。").build()));
          }
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
          Rating rating = s == Satisfaction.DISSATISFIED ? dissatisfied(c)
              : Rating.of(s, comment(s, c.plan.random()));
          update(c, service.rate(tenant, Actor.requester(c.requester), id(c), v(c), rating));
          counters.ratings++;
          if (rating.reason() != null) {
            counters.dissatisfiedByReason.merge(rating.reason().code(), 1, Integer::sum);
          }
        }
        case REWORK_REPLY -> {
          takeOver(c, now);
          reply(c, agentOf(c), "很抱歉没有解决您的问题，已转交高级工程师重新处理。");
        }
        case REQUESTER_CANCELS -> update(c, service.fire(tenant,
            Actor.requester(c.requester), id(c), v(c), StandardWorkflow.CANCEL));
        case HAND_OFF -> handOff(c, now);
        case HANDOFF_ANSWERED -> answerHandoff(c);
        case MARK_PROBLEM -> markProblem(c);
        case LINK_PROBLEM -> linkProblem(c, now);
        case RESOLVE_PROBLEM -> resolveProblem(c, now);
        default -> throw new IllegalStateException("no action for step " + step);
      }
    } catch (TicketKitException e) {
      counters.refused++; // the ticket's state refused the step (an SLA escalation moved it)
    }
    if (c.retryAt != null) {
      Instant at = c.retryAt;
      c.retryAt = null;
      c.next--;
      return Optional.of(at);
    }
    return c.waiting || c.next >= c.plan.steps().size() ? Optional.empty()
        : Optional.of(when(c, c.plan.steps().get(c.next), now));
  }

  /** The assignee hands the ticket over, expecting an answer within a working day. */
  private void handOff(Case c, Instant now) {
    String ask = Plan.FINANCE.equals(c.plan.department()) ? "请财务核对该笔退款的到账情况。"
        : "用户反馈：" + c.plan.subject() + "，请技术团队排查日志并给出处理方案。";
    update(c, handoffs.handOver(tenant, Actor.agent(agentOf(c)), id(c), v(c),
        c.plan.department(), ask, office.plus(now, Duration.ofHours(8))));
    counters.handoffsOpened++;
  }

  /** The department's answer (or, for some, the ticket given back), recorded by the owner. */
  private void answerHandoff(Case c) {
    List<Handoff> all = c.ticket.handoffs();
    if (all.isEmpty() || all.get(all.size() - 1).state() != HandoffState.OPEN) {
      return;
    }
    int seq = all.get(all.size() - 1).seq();
    Actor owner = Actor.agent(agentOf(c));
    if (c.plan.outage() == null && Draw.chance(c.plan.random(), 0.12)) {
      update(c, handoffs.giveBack(tenant, owner, id(c), v(c), seq, "无法复现，请补充用户的设备型号和日志。"));
      counters.handoffsReturned++;
    } else {
      update(c, handoffs.answer(tenant, owner, id(c), v(c), seq, c.plan.outage() != null
          ? "故障原因已定位，修复已发布。" : "已定位原因并处理，可以回复用户。"));
      counters.handoffsAnswered++;
    }
  }

  /** An agent marks the outage's first ticket a problem, with the fix's expected date. */
  private void markProblem(Case c) {
    Outage o = c.plan.outage();
    LocalDate fixDate = LocalDate.ofInstant(o.fixAt, office.zone());
    update(c, problems.record(tenant, Actor.agent(agentOf(c)), id(c), v(c),
        ProblemRecord.reported("故障 #" + o.number + "：大量用户反馈“" + c.plan.subject()
            + "”，已报技术团队。", fixDate)).problem());
    o.marked = true;
    counters.problems++;
  }

  /** Links an incident to its problem, then it waits for the fix (or continues if fixed). */
  private void linkProblem(Case c, Instant now) {
    Outage o = c.plan.outage();
    if (!o.marked) {
      c.retryAt = now.plus(Duration.ofMinutes(10)); // the problem is not marked yet
      return;
    }
    AgentId agent = agentOf(c);
    update(c, problems.linkIncident(tenant, Actor.agent(agent), id(c), v(c), o.problem.ticket.id()));
    counters.incidentsLinked++;
    o.linked++;
    reply(c, agent, "这是已知故障，技术团队正在修复，修复后会第一时间通知您。");
    if (!o.resolved) {
      o.waiting.add(c);
      c.waiting = true;
    }
  }

  /**
   * The fix is released: the problem's resolution is proposed on its open incidents, and the
   * waiting ones continue (to the requester's rating where it was proposed, else to the work).
   */
  private void resolveProblem(Case c, Instant now) {
    Outage o = c.plan.outage();
    Set<TicketId> proposed = Set.of();
    try {
      ProblemResolution res = problems.resolve(tenant, Actor.agent(agentOf(c)), id(c),
          "故障 #" + o.number + " 已修复：技术团队已发布修复，请重新登录后再试。");
      update(c, res.problem());
      proposed = Set.copyOf(res.proposed());
      counters.incidentsProposed += proposed.size();
      counters.resolutions += proposed.size();
    } finally {
      o.resolved = true;
      for (Case w : o.waiting) {
        w.waiting = false;
        w.ticket = service.require(tenant, id(w));
        if (proposed.contains(id(w))) {
          w.next = w.plan.steps().indexOf(Step.PROPOSE_RESOLUTION) + 1;
        }
        if (w.next < w.plan.steps().size()) {
          resume.accept(w, when(w, w.plan.steps().get(w.next), now));
        }
      }
      o.waiting.clear();
    }
  }

  /**
   * The morning round of follow-ups: each tier's ledger lists its open tickets; every one whose
   * requester is due an update gets one, and an open handoff behind it is chased with the
   * department (a check).
   */
  void followUps() {
    for (int level = 1; level <= 3; level++) {
      FollowUpCursor after = null;
      do {
        FollowUpPage page = ledger.forTier(tenant, SupportTier.of(level), 200, after);
        page.items().stream().filter(FollowUp::overdue).forEach(this::followUp);
        after = page.next();
      } while (after != null);
    }
  }

  private void followUp(FollowUp f) {
    Ticket t = f.ticket();
    SupportTier tier = t.tier() == null ? SupportTier.FIRST : t.tier();
    AgentId agent = staff.byId(t.assignee()).map(a -> a.id)
        .orElseGet(() -> staff.pick(tier, f.nextFollowUpDue()).id);
    try {
      t = service.reply(tenant, Actor.agent(agent), t.id(), t.version(), Message.of(t.channel(),
          "进展更新：您的问题仍在处理中，我们会持续跟进。"));
      counters.followUps++;
      List<Handoff> all = t.handoffs();
      if (!all.isEmpty() && all.get(all.size() - 1).state() == HandoffState.OPEN) {
        handoffs.check(tenant, Actor.agent(agent), t.id(), t.version(),
            all.get(all.size() - 1).seq());
        counters.handoffChecks++;
      }
    } catch (TicketKitException e) {
      counters.refused++;
    }
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
      case HAND_OFF -> book(c, now, Duration.ofMinutes(10));
      case HANDOFF_ANSWERED -> c.plan.outage() != null
          ? later(c.plan.outage().fixAt, now.plus(Duration.ofMinutes(20)))
          : office.plus(now, Draw.lognormal(r, Duration.ofHours(5), 0.9));
      case MARK_PROBLEM -> now.plus(Duration.ofMinutes(3));
      case LINK_PROBLEM -> book(c, now, Duration.ofMinutes(3));
      case RESOLVE_PROBLEM -> now.plus(Duration.ofMinutes(10));
    };
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
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

  /**
   * A dissatisfied rating with its reason: not fixed is the most common; slow or unclear
   * communication is more common after a handoff or an outage, when the requester waited on
   * another team; a few give no reason (recorded as OTHER).
   */
  private static Rating dissatisfied(Case c) {
    SplittableRandom r = c.plan.random();
    boolean waited = c.plan.department() != null || c.plan.outage() != null;
    int i = Draw.weighted(r, waited ? new int[] {30, 20, 40, 10} : new int[] {45, 25, 20, 10});
    return switch (i) {
      case 0 -> Rating.dissatisfied(DissatisfactionReason.NOT_FIXED,
          r.nextBoolean() ? "问题没有解决，还是一样。" : "给出的方法不管用。");
      case 1 -> Rating.dissatisfied(DissatisfactionReason.UNMET_EXPECTATION,
          "只给了补偿券，我要的是退款。");
      case 2 -> Rating.dissatisfied(DissatisfactionReason.POOR_COMMUNICATION,
          r.nextBoolean() ? "回复太慢，反复询问同样的信息。" : "等了好几天都没人告诉我进展。");
      default -> r.nextBoolean() ? Rating.of(Satisfaction.DISSATISFIED, "不满意。")
          : Rating.dissatisfied(DissatisfactionReason.OTHER, "客服态度一般。");
    };
  }

  private static String comment(Satisfaction s, SplittableRandom r) {
    return switch (s) {
      case SATISFIED -> r.nextBoolean() ? "处理很快，谢谢！" : null;
      case NEUTRAL -> r.nextBoolean() ? "解决了，但等了比较久。" : null;
      case DISSATISFIED -> throw new IllegalArgumentException("see dissatisfied(Case)");
    };
  }

  private static void update(Case c, Ticket t) {
    c.ticket = t;
  }

  private static TicketId id(Case c) {
    return c.ticket.id();
  }

  private static long v(Case c) {
    return c.ticket.version();
  }
}
