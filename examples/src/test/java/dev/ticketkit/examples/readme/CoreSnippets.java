package dev.ticketkit.examples.readme;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.DissatisfactionReason;
import dev.ticketkit.core.FollowUp;
import dev.ticketkit.core.FollowUpLedger;
import dev.ticketkit.core.FollowUpPage;
import dev.ticketkit.core.HandoffDesk;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.ProblemDesk;
import dev.ticketkit.core.ProblemRecord;
import dev.ticketkit.core.ProblemReplies;
import dev.ticketkit.core.ProblemResolution;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.RequesterDirectory;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.routing.AgentProfile;
import dev.ticketkit.core.routing.Roster;
import dev.ticketkit.core.routing.Router;
import dev.ticketkit.core.routing.Routing;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.core.workflow.DissatisfactionPolicy;
import dev.ticketkit.core.workflow.DissatisfactionPolicy.Reaction;
import dev.ticketkit.core.workflow.Workflow;
import dev.ticketkit.jdbc.JdbcTicketKit;
import dev.ticketkit.sla.SlaEngine;
import dev.ticketkit.sla.ShiftAvailability;
import dev.ticketkit.sla.calendar.BusinessCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * The README's Java snippets about tickets and the support process, as host code that compiles
 * with every build; {@link ReadmeSnippetsTest} checks that the README shows each one verbatim.
 * Each method's parameters are the variables the snippet takes from its surroundings.
 */
final class CoreSnippets {

  private CoreSnippets() {}

  static Ticket rateWithReason(TicketService service, TenantId tenant, TicketId id, long version) {
    // README:start
    service.rate(tenant, Actor.requester("wang"), id, version,
        Rating.dissatisfied(DissatisfactionReason.POOR_COMMUNICATION, "nobody called me back"));
    // README:end
    return service.get(tenant, id).orElseThrow();
  }

  static Workflow dissatisfactionPolicy() {
    // README:start
    Workflow workflow = Workflow.builder("ours")/* states, transitions, triggers ... */
        .dissatisfaction(DissatisfactionPolicy.of(Reaction.fire("not_fixed"))
            .with(DissatisfactionReason.POOR_COMMUNICATION, Reaction.notifyTeamLead("confirm_with_complaint"))
            .with(DissatisfactionReason.of("SLOW_REFUND"), Reaction.notifyTeamLead(null)))
        .build();
    // README:end
    return workflow;
  }

  static ProblemResolution problems(TicketService service, TenantId tenant, Actor agent,
      TicketId problemId, long version, TicketId incidentId, long incidentVersion) {
    // README:start
    ProblemDesk desk = ProblemDesk.of(service, ProblemReplies.standard(Locale.CHINA));
    Ticket p = desk.record(tenant, agent, problemId, version,
        ProblemRecord.reported("Gateway times out under load", LocalDate.of(2026, 3, 20))).problem();
    desk.linkIncident(tenant, agent, incidentId, incidentVersion, p.id());
    desk.incidents(tenant, p.id());       // both ways: desk.problemOf(tenant, incidentId)
    desk.openProblems(tenant);            // open problems, most open incidents first
    ProblemResolution r = desk.resolve(tenant, agent, p.id(), "Gateway pool enlarged to 200");
    r.proposed(); r.changed(); r.notProposable();
    // README:end
    return r;
  }

  static Ticket handoffs(TicketService service, SlaEngine sla, TenantId tenant, Actor agent,
      TicketId id, long version) {
    // README:start
    HandoffDesk handoffs = HandoffDesk.of(service);
    Ticket t = handoffs.handOver(tenant, agent, id, version, "finance", "Why is the refund late?", null);
    t = handoffs.check(tenant, agent, id, t.version(), 1);            // asked the department for news
    t = handoffs.answer(tenant, agent, id, t.version(), 1, "Refunded today");   // or giveBack(...)
    service.query(tenant, TicketQuery.builder().withOpenHandoff().build());     // indexed everywhere

    sla.handoffClocks(tenant, id, 1);   // with the SLA engine: the department's clocks, durably
    // README:end
    return t;
  }

  static RequesterDirectory requesterDirectory(TicketService service, JdbcTicketKit kit,
      TenantId tenant, Actor agent, Requester mergedRequester) {
    // README:start
    RequesterDirectory directory = RequesterDirectory.attach(service, kit.requesterIndex());
    directory.tickets(tenant, ContactHandle.phone("+86 138 0013 8000"));
    directory.merge(tenant, agent, "tel-7", mergedRequester);   // every ticket moves, with history
    // README:end
    return directory;
  }

  static FollowUpPage followUps(TicketService service, TenantId tenant) {
    // README:start
    FollowUpLedger ledger = FollowUpLedger.of(service, Duration.ofHours(84));   // twice a week
    FollowUpPage page = ledger.forAgent(tenant, AgentId.of("li"), 50, null);
    for (FollowUp f : page.items()) { if (f.overdue()) { /* update the requester */ } }
    page = ledger.forAgent(tenant, AgentId.of("li"), 50, page.next());          // next page
    // README:end
    return page;
  }

  static Ticket routing(JdbcTicketKit kit, Clock clock, Map<AgentId, BusinessCalendar> shiftsByAgent,
      BusinessCalendar standardCalendar, TenantId tenant, Actor requester, NewTicket intake) {
    // README:start
    Roster roster = Roster.of(
        AgentProfile.of(AgentId.of("li"), "L1", 8).withCategories(Category.of("billing"))
            .withLanguages("zh").withChannels(Channel.WECHAT_OFFICIAL_ACCOUNT, Channel.PHONE),
        AgentProfile.of(AgentId.of("zhao"), "L1", 8).withLanguages("zh", "en")
            .withChannels(Channel.EMAIL, Channel.PHONE),
        AgentProfile.of(AgentId.of("chen"), "L2", 5));
    TicketService service = TicketService.builder().store(kit.ticketStore()).clock(clock)
        .routing(Routing.builder().roster(roster)
            .router(Router.skills(Router.leastLoaded(), Router.roundRobin()))
            .availability(ShiftAvailability.of(shiftsByAgent, standardCalendar))   // ticket-sla
            .store(kit.rosterStore())                       // InMemoryRosterStore.create() in memory
            .build())
        .build();
    Ticket t = service.open(tenant, requester, intake);     // t.assignee(): the router's choice
    // README:end
    return t;
  }
}
