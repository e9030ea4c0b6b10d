package dev.ticketkit.testkit.report;

import dev.ticketkit.testkit.MutableClock;
import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.StatusCategory;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.sla.SlaEngine;
import dev.ticketkit.sla.store.SlaStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A simulated helpdesk: tickets of several tenants arrive on a daily and weekly rhythm and live
 * their lives (acceptance, replies, waiting, escalation, merges, cancellations, resolution,
 * ratings, reopens, auto-close) through the public {@link TicketService} API, with the SLA engine
 * following every commit, ticking every 15 minutes and the auto-close sweep running daily. All
 * randomness is seeded and the event order is total, so a world replays identically; a tenant's
 * tickets are the same whether or not other tenants share the world. Not thread-safe.
 */
public final class SupportWorld {

  /** The zone of the simulated tenants. */
  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /** A simulated tenant. */
  public static final TenantId ACME = TenantId.of("acme");
  /** Another simulated tenant. */
  public static final TenantId GLOBEX = TenantId.of("globex");
  static final List<String> TAGS = List.of("vip", "refund", "outage", "complaint");

  private static final Duration TICK = Duration.ofMinutes(15);
  private static final String[][] CATEGORIES = {
      {"account/login", "登录失败 Login fails"}, {"account/password", "重置密码无效 Reset fails"},
      {"payment/refund", "退款未到账 Refund missing"}, {"payment/charge", "重复扣款 Charged twice"},
      {"shipping/delay", "物流延迟 Parcel late"}, {"app/crash", "应用闪退 App crashes"},
      {"app/slow", "页面加载慢 Page slow"}, {"feature", "功能建议 Feature idea"}};
  private static final double[] CATEGORY_WEIGHTS = {20, 10, 15, 10, 15, 12, 8, 5};
  private static final Channel[] CHANNELS = {Channel.WECHAT_OFFICIAL_ACCOUNT, Channel.ONLINE_CHAT,
      Channel.EMAIL, Channel.PHONE, Channel.DOUYIN, Channel.IN_APP, Channel.COMMUNITY_FORUM,
      Channel.WEB_FORM};
  private static final double[] CHANNEL_WEIGHTS = {25, 20, 15, 10, 10, 10, 5, 5};
  private static final double[] PRIORITY_WEIGHTS = {5, 20, 50, 25};
  private static final double[] HOUR_WEIGHTS = {.2, .15, .1, .1, .1, .15, .3, .5, 1, 2, 2, 2, 1.5,
      1.5, 2, 2, 2, 2, 1.3, 1.3, 1.3, 1.3, .6, .4};
  private static final String[][] AGENTS = {{"li.wei", "wang.fang", "zhang.min", "chen.jing"},
      {"liu.yang", "zhao.lei"}, {"sun.hao"}};

  private final MutableClock clock;
  private final TicketService service;
  private final SlaEngine sla;
  private final PriorityQueue<Pending> queue = new PriorityQueue<>();
  private final Map<TenantId, List<TicketId>> opened = new HashMap<>();
  private final Set<TenantId> tenants = new LinkedHashSet<>();
  private long seq;
  private Instant ticked;
  private @Nullable UUID nextId;

  /** One scheduled thing: an intake or a script step. */
  private record Pending(Instant at, long seq, Runnable action) implements Comparable<Pending> {
    @Override
    public int compareTo(Pending o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  /**
   * Creates a world over two stores, its clock standing at an instant.
   *
   * @param store the ticket store
   * @param slaStore the SLA store
   * @param start the instant the world starts at (SLA ticks are on a 15-minute grid from it)
   */
  public SupportWorld(TicketStore store, SlaStore slaStore, Instant start) {
    this.clock = new MutableClock(start);
    this.ticked = start;
    this.service = TicketService.builder().store(store).clock(clock)
        .ids(() -> TicketId.of(nextId)).build();
    this.sla = SlaEngine.builder().tickets(service).store(slaStore)
        .notifier(n -> { }).build();
  }

  /**
   * Schedules a tenant's intakes: {@code tickets} tickets arriving in {@code [from, to)}.
   *
   * @param tenant the tenant
   * @param from the first arrival's earliest instant
   * @param to the arrivals' end
   * @param tickets how many
   * @param seed the seed of the tenant's randomness
   */
  public void plan(TenantId tenant, Instant from, Instant to, int tickets, long seed) {
    tenants.add(tenant);
    Random rnd = new Random(seed);
    long days = Math.max(1, Duration.between(from, to).toDays());
    for (int i = 0; i < tickets; i++) {
      Instant at = arrival(from, to, days, rnd);
      long ticketSeed = rnd.nextLong();
      int index = i;
      schedule(at, () -> intake(tenant, index, ticketSeed, at));
    }
  }

  /**
   * Runs every scheduled thing due before an instant, in time order, then leaves the clock there.
   *
   * @param end the instant to run to
   */
  public void runUntil(Instant end) {
    while (!queue.isEmpty() && queue.peek().at().isBefore(end)) {
      Pending p = queue.poll();
      tickUpTo(p.at());
      clock.set(p.at());
      p.action().run();
    }
    tickUpTo(end);
    clock.set(end);
  }

  private void tickUpTo(Instant t) {
    while (!ticked.plus(TICK).isAfter(t)) {
      ticked = ticked.plus(TICK);
      clock.set(ticked);
      sla.tick(ticked);
      ZonedDateTime local = ticked.atZone(SHANGHAI);
      if (local.getHour() == 3 && local.getMinute() == 0) {
        tenants.forEach(service::autoClose);
      }
    }
  }

  private void intake(TenantId tenant, int index, long seed, Instant at) {
    Random rnd = new Random(seed);
    String[] cat = CATEGORIES[pick(CATEGORY_WEIGHTS, rnd)];
    String customer = "c" + rnd.nextInt(Math.max(10, index));
    NewTicket.Builder b = NewTicket.builder()
        .requester(Requester.of(customer, "客户 " + customer, ContactHandle.email(customer
            + "@example.com")))
        .channel(CHANNELS[pick(CHANNEL_WEIGHTS, rnd)])
        .subject(cat[1] + " #" + index)
        .description("详细描述 / details for " + cat[0])
        .priority(Priority.values()[pick(PRIORITY_WEIGHTS, rnd)]);
    if (rnd.nextDouble() < 0.95) {
      b.category(Category.parse(cat[0]));
    }
    if (rnd.nextDouble() < 0.12) {
      b.tag(Tag.of(TAGS.get(rnd.nextInt(TAGS.size()))));
    }
    nextId = UUID.nameUUIDFromBytes((tenant + "/" + index).getBytes(StandardCharsets.UTF_8));
    Ticket t = service.open(tenant, Actor.requester(customer), b.build());
    opened.computeIfAbsent(tenant, k -> new ArrayList<>()).add(t.id());
    TicketScript script = new TicketScript(this, t, rnd);
    schedule(at.plus(Duration.ofMinutes(2 + rnd.nextInt(60))), () -> run(script));
  }

  private void run(TicketScript script) {
    Instant next = script.step(clock.instant());
    if (next != null) {
      schedule(next, () -> run(script));
    }
  }

  private void schedule(Instant at, Runnable action) {
    queue.add(new Pending(at, seq++, action));
  }

  private static Instant arrival(Instant from, Instant to, long days, Random rnd) {
    for (;;) {
      ZonedDateTime day = from.atZone(SHANGHAI).plusDays(rnd.nextInt((int) days))
          .withHour(pick(HOUR_WEIGHTS, rnd)).withMinute(rnd.nextInt(60))
          .withSecond(rnd.nextInt(60));
      boolean weekend = day.getDayOfWeek().getValue() >= 6;
      Instant at = day.toInstant();
      if ((!weekend || rnd.nextDouble() < 0.6) && !at.isBefore(from) && at.isBefore(to)) {
        return at;
      }
    }
  }

  static int pick(double[] weights, Random rnd) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = rnd.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  String agent(TenantId tenant, int tier, Random rnd) {
    String[] names = AGENTS[Math.min(tier, AGENTS.length) - 1];
    return tenant.value() + "." + names[rnd.nextInt(names.length)];
  }

  Category category(Random rnd) {
    return Category.parse(CATEGORIES[pick(CATEGORY_WEIGHTS, rnd)][0]);
  }

  String comment(Satisfaction s, Random rnd) {
    String[] texts = switch (s) {
      case SATISFIED -> new String[] {"很快就解决了，谢谢！", "Quick and friendly, thanks."};
      case NEUTRAL -> new String[] {"解决了，但等了很久。", "Fixed, but it took a while."};
      case DISSATISFIED -> new String[] {"问题还在，客服没看懂我的问题。",
          "Still broken and nobody called back."};
    };
    return texts[rnd.nextInt(texts.length)];
  }

  @Nullable TicketId mergeTarget(TenantId tenant, TicketId self, Random rnd) {
    List<TicketId> ids = opened.getOrDefault(tenant, List.of());
    for (int i = 0; i < 5 && ids.size() > 1; i++) {
      TicketId c = ids.get(Math.max(0, ids.size() - 1 - rnd.nextInt(Math.min(50, ids.size()))));
      if (!c.equals(self) && service.require(tenant, c).status().category().isActive()) {
        return c;
      }
    }
    return null;
  }

  /**
   * Returns the world's ticket service.
   *
   * @return the service
   */
  public TicketService service() {
    return service;
  }

  /**
   * Returns the world's SLA engine.
   *
   * @return the engine
   */
  public SlaEngine sla() {
    return sla;
  }

  /**
   * Returns the world's clock.
   *
   * @return the clock
   */
  public MutableClock clock() {
    return clock;
  }

  static boolean closed(Ticket t) {
    return t.status().category() == StatusCategory.CLOSED;
  }
}
