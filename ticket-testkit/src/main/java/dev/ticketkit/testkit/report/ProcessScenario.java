package dev.ticketkit.testkit.report;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.HandoffDesk;
import dev.ticketkit.core.Message;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.ProblemDesk;
import dev.ticketkit.core.ProblemRecord;
import dev.ticketkit.core.ProblemReplies;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketEdit;
import dev.ticketkit.core.TicketFollower;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A scripted helpdesk for the support-process figures: four tenants, each exercising one figure
 * group around March 2026 (Shanghai), with hand-made expected values that
 * {@link ReportSourceContract} checks on every source. All tenants share the stores, so each
 * tenant's figures also show that the others' data never leaks in. The script:
 *
 * <ul>
 *   <li>{@link #HANDOFFS}: a finance hand-off opened in February and answered in March (not a
 *       March hand-off); in March technical hand-offs answered after 4 h and 24 h and one opened
 *       at 23:00 on the 31st answered in April (still open at the period's end), a finance
 *       hand-off returned after 24 h.
 *   <li>{@link #FOLLOW_UPS} (cadence 84 h): F1 open since 20 February without a reply; F2 replied
 *       every 48-72 h, then resolved; F3 first replied after 120 h, then silent; F4 opened on the
 *       31st at 20:00; F5 resolved in February; F6 opened 27 February, replied at 00:00 on
 *       2 March, resolved on the 5th.
 *   <li>{@link #PROBLEMS}: P1 recorded in February with an incident linked then, three incidents
 *       linked in March, resolved on 20 March; P2 recorded in March with one incident; P3 recorded
 *       on the 31st at 23:30 without incidents.
 *   <li>{@link #RATINGS} (auto-close after 7 days): R1 resolved and rated in March; R2 resolved on
 *       5 March, expired on the 13th; R3 resolved on 28 March, expires in April; R4 resolved in
 *       February, expired in March.
 * </ul>
 *
 * Not thread-safe.
 */
public final class ProcessScenario {

  /** The tenant of the hand-off script. */
  public static final TenantId HANDOFFS = TenantId.of("proc-handoffs");
  /** The tenant of the follow-up script. */
  public static final TenantId FOLLOW_UPS = TenantId.of("proc-follow-ups");
  /** The tenant of the problem script. */
  public static final TenantId PROBLEMS = TenantId.of("proc-problems");
  /** The tenant of the rating script. */
  public static final TenantId RATINGS = TenantId.of("proc-ratings");
  /** When the script ends: the reports' clock. */
  public static final Instant END = cn("2026-04-10T12:00");

  private static final Actor AGENT = Actor.agent("li.wei");
  private static final Actor CUSTOMER = Actor.requester("c1");

  private final MutableClock clock = new MutableClock(cn("2026-02-01T00:00"));
  private final TicketService service;
  private final HandoffDesk handoffs;
  private final ProblemDesk problems;

  private ProcessScenario(TicketStore store, @Nullable TicketFollower follower) {
    var b = TicketService.builder().store(store).clock(clock)
        .workflow(StandardWorkflow.create(Duration.ofDays(7)));
    this.service = b.build();
    if (follower != null) {
      service.attach(follower);
    }
    this.handoffs = HandoffDesk.of(service);
    this.problems = ProblemDesk.of(service, ProblemReplies.standard(Locale.ENGLISH));
  }

  /**
   * Runs the script over a ticket store.
   *
   * @param store the ticket store
   * @param follower what follows the commits (a source's follower), or null
   */
  public static void run(TicketStore store, @Nullable TicketFollower follower) {
    ProcessScenario s = new ProcessScenario(store, follower);
    s.handoffs(HANDOFFS);
    s.followUps(FOLLOW_UPS);
    s.problems(PROBLEMS);
    s.ratings(RATINGS);
  }

  /**
   * Runs the whole script for one tenant (for a sample report that shows every figure).
   *
   * @param store the ticket store
   * @param tenant the tenant
   */
  public static void runFor(TicketStore store, TenantId tenant) {
    ProcessScenario s = new ProcessScenario(store, null);
    s.handoffs(tenant);
    s.followUps(tenant);
    s.problems(tenant);
    s.ratings(tenant);
  }

  private void handoffs(TenantId t) {
    TicketId t1 = open(t, "2026-02-25T10:00", "T1");
    int f1 = handOver(t, t1, "2026-02-28T10:00", "finance");
    answer(t, t1, "2026-03-02T10:00", f1);
    TicketId t2 = open(t, "2026-03-02T09:00", "T2");
    int a = handOver(t, t2, "2026-03-02T10:00", "technical");
    answer(t, t2, "2026-03-02T14:00", a);
    int b = handOver(t, t2, "2026-03-03T10:00", "finance");
    at("2026-03-04T10:00");
    handoffs.giveBack(t, AGENT, t2, version(t, t2), b, "not ours");
    TicketId t3 = open(t, "2026-03-05T09:00", "T3");
    int c = handOver(t, t3, "2026-03-05T10:00", "technical");
    answer(t, t3, "2026-03-06T10:00", c);
    int d = handOver(t, t3, "2026-03-31T23:00", "technical");
    answer(t, t3, "2026-04-02T10:00", d);
  }

  private void followUps(TenantId t) {
    open(t, "2026-02-20T09:00", "F1");
    TicketId f2 = open(t, "2026-03-10T09:00", "F2");
    reply(t, f2, "2026-03-12T09:00");
    reply(t, f2, "2026-03-15T09:00");
    resolve(t, f2, "2026-03-17T09:00");
    TicketId f3 = open(t, "2026-03-20T09:00", "F3");
    reply(t, f3, "2026-03-25T09:00");
    open(t, "2026-03-31T20:00", "F4");
    TicketId f5 = open(t, "2026-02-01T09:00", "F5");
    reply(t, f5, "2026-02-03T09:00");
    resolve(t, f5, "2026-02-05T09:00");
    TicketId f6 = open(t, "2026-02-27T00:00", "F6");
    reply(t, f6, "2026-03-02T00:00");
    resolve(t, f6, "2026-03-05T00:00");
  }

  private void problems(TenantId t) {
    TicketId p1 = open(t, "2026-02-20T09:00", "P1 login outage");
    record(t, p1, "2026-02-25T10:00");
    link(t, open(t, "2026-02-26T09:00", "I0"), p1, "2026-02-26T10:00");
    link(t, open(t, "2026-03-03T09:00", "I1"), p1, "2026-03-03T10:00");
    link(t, open(t, "2026-03-04T09:00", "I2"), p1, "2026-03-04T10:00");
    TicketId p2 = open(t, "2026-03-08T09:00", "P2 refunds late");
    record(t, p2, "2026-03-08T10:00");
    link(t, open(t, "2026-03-09T09:00", "I4"), p2, "2026-03-09T10:00");
    link(t, open(t, "2026-03-10T09:00", "I3"), p1, "2026-03-10T10:00");
    at("2026-03-20T10:00");
    problems.resolve(t, AGENT, p1, "fixed in release 2.3");
    TicketId p3 = open(t, "2026-03-31T23:00", "P3 slow pages");
    record(t, p3, "2026-03-31T23:30");
  }

  private void ratings(TenantId t) {
    TicketId r4 = open(t, "2026-02-26T09:00", "R4");
    resolve(t, r4, "2026-02-27T10:00");
    at("2026-03-06T12:00");
    service.autoClose(t);
    TicketId r1 = open(t, "2026-03-02T09:00", "R1");
    resolve(t, r1, "2026-03-03T10:00");
    at("2026-03-04T10:00");
    service.rate(t, CUSTOMER, r1, version(t, r1), Rating.of(Satisfaction.SATISFIED, null));
    TicketId r2 = open(t, "2026-03-04T09:00", "R2");
    resolve(t, r2, "2026-03-05T10:00");
    at("2026-03-13T00:00");
    service.autoClose(t);
    TicketId r3 = open(t, "2026-03-27T09:00", "R3");
    resolve(t, r3, "2026-03-28T10:00");
    at("2026-04-06T00:00");
    service.autoClose(t);
    at("2026-04-10T12:00");
  }

  private TicketId open(TenantId tenant, String local, String subject) {
    at(local);
    return service.open(tenant, CUSTOMER, NewTicket.builder()
        .requester(Requester.of("c1", "Customer", ContactHandle.email("c1@example.com")))
        .channel(Channel.EMAIL).subject(subject).description("details of " + subject)
        .build()).id();
  }

  private int handOver(TenantId tenant, TicketId id, String local, String department) {
    at(local);
    Ticket t = handoffs.handOver(tenant, AGENT, id, version(tenant, id), department,
        "please look", null);
    return t.handoffs().get(t.handoffs().size() - 1).seq();
  }

  private void answer(TenantId tenant, TicketId id, String local, int seq) {
    at(local);
    handoffs.answer(tenant, AGENT, id, version(tenant, id), seq, "done");
  }

  private void reply(TenantId tenant, TicketId id, String local) {
    at(local);
    service.reply(tenant, AGENT, id, version(tenant, id), Message.of(Channel.EMAIL, "update"));
  }

  private void resolve(TenantId tenant, TicketId id, String local) {
    at(local);
    for (String tr : java.util.List.of(StandardWorkflow.ACCEPT, StandardWorkflow.DIAGNOSE,
        StandardWorkflow.START_FIX)) {
      service.fire(tenant, AGENT, id, version(tenant, id), tr);
    }
    service.edit(tenant, AGENT, id, version(tenant, id),
        TicketEdit.builder().resolutionSummary("fixed").build());
    service.fire(tenant, AGENT, id, version(tenant, id), StandardWorkflow.PROPOSE_RESOLUTION);
  }

  private void record(TenantId tenant, TicketId id, String local) {
    at(local);
    problems.record(tenant, AGENT, id, version(tenant, id),
        ProblemRecord.reported("reported to the technical team", null));
  }

  private void link(TenantId tenant, TicketId incident, TicketId problem, String local) {
    at(local);
    problems.linkIncident(tenant, AGENT, incident, version(tenant, incident), problem);
  }

  private long version(TenantId tenant, TicketId id) {
    return service.require(tenant, id).version();
  }

  private void at(String local) {
    clock.set(cn(local));
  }

  /**
   * Returns an instant from a Shanghai local date-time.
   *
   * @param local the local date-time, {@code 2026-03-01T09:00}
   * @return the instant
   */
  public static Instant cn(String local) {
    return LocalDateTime.parse(local).atZone(SupportWorld.SHANGHAI).toInstant();
  }
}
