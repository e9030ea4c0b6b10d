package dev.ticketkit.examples;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.Message;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.PublicReply;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.RequesterView;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketEdit;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.jdbc.JdbcTicketKit;
import dev.ticketkit.kb.Article;
import dev.ticketkit.kb.ArticleContent;
import dev.ticketkit.kb.ArticleDetails;
import dev.ticketkit.kb.Audience;
import dev.ticketkit.kb.CategoryPath;
import dev.ticketkit.kb.KnowledgeBase;
import dev.ticketkit.kb.Viewer;
import dev.ticketkit.kb.search.SearchHit;
import dev.ticketkit.kb.ticket.TicketText;
import dev.ticketkit.sla.SlaEngine;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.policy.SlaPolicies;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The README's demo: one ticket's life, from a WeChat message to the requester's rating.
 *
 * <p>Everything is stored in an embedded H2 database through {@link JdbcTicketKit}: the tickets,
 * the SLA clocks (on the mainland-China business calendar) and the knowledge base. The demo
 * suggests articles at intake, prints the ticket's audit history, what the agent sees beside what
 * the requester sees (the requester never sees internal notes), and how each SLA clock ended, with
 * its explanation. Run it with {@code mvn -q -pl examples -am compile exec:java}.
 */
public final class HelpdeskDemo {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(SHANGHAI);

  private final PrintStream out;
  private final DemoClock clock =
      new DemoClock(Instant.parse("2026-03-02T01:30:00Z"), SHANGHAI); // Monday 09:30 in Shanghai
  private final TicketService service;
  private final SlaEngine sla;
  private final KnowledgeBase kb;

  HelpdeskDemo(PrintStream out) {
    this.out = out;
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:ticketkit-demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    JdbcTicketKit kit = JdbcTicketKit.create(h2);       // creates the tk_ tables
    service = TicketService.builder()
        .store(kit.ticketStore())
        .workflow(StandardWorkflow.create())
        .clock(clock)
        .build();
    sla = SlaEngine.builder()
        .tickets(service)
        .policies(SlaPolicies.standard())
        .store(kit.slaStore())
        .notifier(n -> out.println("  [notify " + n.recipient() + "] " + n.context().summary()))
        .build();
    kb = KnowledgeBase.builder(clock).store(kit.articleStore()).build();
  }

  /**
   * Runs the demo and prints to standard output.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    new HelpdeskDemo(System.out).run();
  }

  void run() {
    TenantId tenant = TenantId.of("acme-shop");
    Article faq = publishArticles(tenant);
    Ticket ticket = intake(tenant);
    suggest(tenant, ticket);
    ticket = work(tenant, ticket);
    kb.tickets().linkSolution(tenant, faq.id(), ticket.id(), "agent-wang");
    out.printf("Article \"%s\" has now solved %d ticket(s).%n%n", faq.content().title(),
        kb.tickets().ticketsSolved(tenant, faq.id()));
    printHistory(tenant, ticket);
    printViews(tenant, ticket);
    printClocks(tenant, ticket);
  }

  private Article publishArticles(TenantId tenant) {
    Article paid = publish(tenant, "付款成功但订单显示待支付怎么办",
        "支付回调延迟时订单可能仍显示待支付。请等待 10 分钟后刷新；仍未更新请联系客服补单。", "支付", "订单");
    publish(tenant, "退款多久到账", "原路退回：微信支付 1-3 个工作日，银行卡 3-7 个工作日。", "退款", "支付");
    publish(tenant, "忘记密码如何重置", "在登录页点击“忘记密码”，通过手机验证码重置。", "登录", "密码");
    return paid;
  }

  private Article publish(TenantId tenant, String title, String body, String... tags) {
    Article draft = kb.createDraft(tenant, new ArticleContent(title, body, List.of(tags),
        CategoryPath.parse("常见问题"), new ArticleDetails.Faq()), Locale.CHINA, Audience.PUBLIC,
        "kb-editor");
    Article inReview = kb.submit(tenant, draft.id(), draft.version());
    return kb.publish(tenant, draft.id(), inReview.version(), "kb-reviewer", "首次发布");
  }

  private void suggest(TenantId tenant, Ticket ticket) {
    List<SearchHit> hits = kb.tickets().suggest(tenant,
        TicketText.open(ticket.id(), ticket.subject(), ticket.description()), Viewer.REQUESTER,
        Locale.CHINA, 2);
    out.println("Suggested articles at intake:");
    hits.forEach(h -> out.printf("  %.2f  %s%n", h.score(), h.title()));
    out.println();
  }

  private Ticket intake(TenantId tenant) {
    Requester lin = Requester.of("cust-1024", "林晓", ContactHandle.wechatOpenId("o6_bmjrPTlm6_2sgVt7hMZOPfL2M"),
        ContactHandle.phone("+86 138 0000 1234"));
    NewTicket intake = NewTicket.builder()
        .requester(lin)
        .channel(Channel.WECHAT_OFFICIAL_ACCOUNT)
        .subject("付款成功但订单仍显示待支付")
        .description("昨晚用微信支付了订单，钱已扣，但订单页面一直显示“待支付”。")
        .accountReference("ORD-20260301-8842")
        .category(Category.parse("payment/order-status"))
        .priority(Priority.HIGH)
        .build();
    Ticket ticket = service.open(tenant, Actor.requester(lin.id()), intake);
    out.printf("Ticket #%d opened from %s: %s%n%n", ticket.number(), ticket.channel(), ticket.subject());
    return ticket;
  }

  private Ticket work(TenantId tenant, Ticket t) {
    Actor wang = Actor.agent(AgentId.of("agent-wang"));
    Actor lin = Actor.requester("cust-1024");
    clock.advance(Duration.ofMinutes(12));
    t = service.fire(tenant, wang, t.id(), t.version(), StandardWorkflow.ACCEPT);
    t = service.reply(tenant, wang, t.id(), t.version(), Message.of(Channel.WECHAT_OFFICIAL_ACCOUNT,
        "您好，已收到，正在核对支付流水，请稍候。"));
    clock.advance(Duration.ofMinutes(20));
    t = service.fire(tenant, wang, t.id(), t.version(), StandardWorkflow.DIAGNOSE);
    t = service.note(tenant, wang, t.id(), t.version(), Message.of(Channel.API,
        "支付回调在 23:58 超时，订单状态未更新；需手工补单。"));
    t = service.fire(tenant, wang, t.id(), t.version(), StandardWorkflow.START_FIX);
    clock.advance(Duration.ofMinutes(35));
    t = service.edit(tenant, wang, t.id(), t.version(), TicketEdit.builder()
        .resolutionSummary("支付回调超时导致订单未更新；已按支付流水手工补单。").build());
    t = service.reply(tenant, wang, t.id(), t.version(), Message.of(Channel.WECHAT_OFFICIAL_ACCOUNT,
        "已为您补单，订单现为“已支付”，预计今天发货。请确认是否解决。"));
    t = service.fire(tenant, wang, t.id(), t.version(), StandardWorkflow.PROPOSE_RESOLUTION);
    clock.advance(Duration.ofHours(2));
    t = service.rate(tenant, lin, t.id(), t.version(),
        Rating.of(Satisfaction.SATISFIED, "处理很快，谢谢！"));
    sla.tick(clock.instant());
    return t;
  }

  private void printHistory(TenantId tenant, Ticket ticket) {
    out.println("History (every change, in order):");
    for (HistoryEntry e : service.history(tenant, ticket.id())) {
      out.printf("  v%-2d %s  %-22s %-10s %-18s %s -> %s%n", e.ticketVersion(), TIME.format(e.at()),
          e.actor(), e.action(), e.field(), shorten(e.before()), shorten(e.after()));
    }
    out.println();
  }

  private void printViews(TenantId tenant, Ticket ticket) {
    List<ConversationEntry> agentView = service.conversation(tenant, ticket.id());
    RequesterView requesterView = service.requesterView(tenant, ticket.id());
    out.printf("Agent view: status %s, tier %s, assignee %s, rating %s%n", ticket.status(),
        ticket.tier(), ticket.assignee(), ticket.rating());
    for (ConversationEntry e : agentView) {
      out.printf("  %s %-7s %-20s %s%n", TIME.format(e.at()), e.isPublic() ? "reply" : "NOTE",
          e.author(), e.body());
    }
    out.printf("%nRequester view: status %s, resolution: %s%n", requesterView.status(),
        requesterView.resolutionSummary());
    for (PublicReply r : requesterView.replies()) {
      out.printf("  %s %-20s %s%n", TIME.format(r.at()), r.authorKind(), r.body());
    }
  }

  private void printClocks(TenantId tenant, Ticket ticket) {
    out.printf("%nSLA clocks (policy \"standard\", mainland-China business calendar):%n");
    for (SlaClock c : sla.clocks(tenant, ticket.id())) {
      out.printf("  %-16s %-9s due %s%n", c.key().metric(), c.state(),
          c.dueAt() == null ? "-" : TIME.format(c.dueAt()));
    }
    sla.clocks(tenant, ticket.id()).stream()
        .filter(c -> c.key().metric() == SlaMetric.FIRST_RESPONSE)
        .findFirst()
        .ifPresent(c -> out.printf("%nWhy first response was due when it was:%n%s%n",
            sla.explain(c).indent(2)));
  }

  private static String shorten(String text) {
    if (text == null) {
      return "-";
    }
    return text.length() <= 24 ? text : text.substring(0, 23) + "…";
  }
}
