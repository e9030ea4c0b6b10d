package dev.ticketkit.report.internal;

import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.store.Page;
import dev.ticketkit.core.store.PageCursor;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.core.privacy.PersonalDataStore;
import dev.ticketkit.core.privacy.PurgedTicket;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.report.source.ClockFact;
import dev.ticketkit.report.source.CycleFact;
import dev.ticketkit.report.source.EscalationFact;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.store.DoneWork;
import dev.ticketkit.sla.store.LadderLevelDue;
import dev.ticketkit.sla.store.SlaStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.ticketkit.core.TicketId;
import org.jspecify.annotations.Nullable;

/**
 * Derives the facts of a tenant from a ticket store and an SLA store: pages through the tickets,
 * replays each history into cycle facts ({@link CycleReplay}) and reads each ticket's clocks and
 * fired escalations. Stateless and thread-safe.
 */
public final class FactDerivation {

  private static final int PAGE = TicketQuery.MAX_LIMIT;

  private FactDerivation() {}

  /**
   * Derives every fact of a tenant.
   *
   * @param tickets the ticket store
   * @param sla the SLA store
   * @param tenant the tenant
   * @return the facts
   */
  public static FactSet derive(TicketStore tickets, SlaStore sla, TenantId tenant) {
    return derive(tickets, sla, tenant, null);
  }

  /**
   * Derives every fact of a tenant, reusing the cycle facts of tickets whose version has not
   * changed since they were cached (a ticket's cycle facts depend on its history only, which only
   * grows with its version; clocks and fired escalations are always read afresh).
   *
   * @param tickets the ticket store
   * @param sla the SLA store
   * @param tenant the tenant
   * @param cache the cycle facts by ticket, or null for none
   * @return the facts
   */
  public static FactSet derive(TicketStore tickets, SlaStore sla, TenantId tenant,
      @Nullable Map<TicketId, CachedCycles> cache) {
    List<CycleFact> cycles = new ArrayList<>();
    List<ClockFact> clocks = new ArrayList<>();
    List<EscalationFact> escalations = new ArrayList<>();
    TicketQuery query = TicketQuery.builder().limit(PAGE).build();
    @Nullable PageCursor cursor = null;
    do {
      Page<Ticket> page = tickets.query(tenant, query.withAfter(cursor));
      for (Ticket t : page.items()) {
        List<CycleFact> mine = cycles(tickets, t, cache);
        cycles.addAll(mine);
        clocks(sla, t, mine, clocks);
        escalations(sla, t, escalations);
      }
      cursor = page.next();
    } while (cursor != null);
    if (tickets instanceof PersonalDataStore kept) {
      // tickets retention purged, kept anonymised for the reports of past periods
      for (PurgedTicket p : kept.purged(tenant)) {
        Ticket t = p.ticket();
        List<CycleFact> mine = forTicket(t, p.history());
        if (cache != null) {
          cache.put(t.id(), new CachedCycles(t.version(), mine));
        }
        cycles.addAll(mine);
        clocks(sla, t, mine, clocks);
        escalations(sla, t, escalations);
      }
    }
    return new FactSet(cycles, clocks, escalations);
  }

  /** A ticket's cycle facts as of one version. */
  public record CachedCycles(long version, List<CycleFact> cycles) {}

  private static List<CycleFact> cycles(TicketStore tickets, Ticket t,
      @Nullable Map<TicketId, CachedCycles> cache) {
    CachedCycles hit = cache == null ? null : cache.get(t.id());
    if (hit != null && hit.version() == t.version()) {
      return hit.cycles();
    }
    List<CycleFact> mine = forTicket(t, tickets.history(t.tenant(), t.id()));
    if (cache != null) {
      cache.put(t.id(), new CachedCycles(t.version(), mine));
    }
    return mine;
  }

  /**
   * Derives the cycle facts of one ticket from its history.
   *
   * @param ticket the ticket at its latest version
   * @param history its whole history, in order
   * @return one fact per cycle, in cycle order
   */
  public static List<CycleFact> forTicket(Ticket ticket, List<HistoryEntry> history) {
    return new CycleReplay(ticket).replay(history);
  }

  /**
   * Continues a ticket's cycle facts with one committed change, without its earlier history:
   * equal to {@link #forTicket} over the whole history (a property test holds this).
   *
   * @param ticket the ticket after the change
   * @param prior its cycle facts before the change, in cycle order; none for a new ticket
   * @param change the change's history entries
   * @return its cycle facts after the change, in cycle order
   */
  public static List<CycleFact> afterChange(Ticket ticket, List<CycleFact> prior,
      List<HistoryEntry> change) {
    return new CycleReplay(ticket).resume(prior, change);
  }

  /**
   * Derives one ticket's clock facts from the SLA store's read of that ticket: each clock
   * credited to the agent of its ticket cycle in the given cycle facts.
   *
   * @param sla the SLA store
   * @param tenant the tenant
   * @param ticket the ticket
   * @param cycles the ticket's cycle facts, in cycle order
   * @param clocks where to add the clock facts
   */
  public static void clockFacts(SlaStore sla, TenantId tenant, TicketId ticket,
      List<CycleFact> cycles, List<ClockFact> clocks) {
    for (SlaClock c : sla.clocks(tenant, ticket)) {
      clocks.add(clockFact(tenant, c, cycles));
    }
  }

  /**
   * Derives a tenant's escalation facts from the SLA store's tenant-wide read of done work.
   *
   * @param sla the SLA store
   * @param tenant the tenant
   * @param escalations where to add the escalation facts
   */
  public static void escalationFacts(SlaStore sla, TenantId tenant,
      List<EscalationFact> escalations) {
    for (DoneWork d : sla.done(tenant, java.time.Instant.MIN, java.time.Instant.MAX)) {
      if (d.work() instanceof LadderLevelDue f) {
        escalations.add(new EscalationFact(tenant, d.work().ticket(), f.clock().metric(),
            f.clock().cycle(), f.level(), f.dueAt(), d.doneAt()));
      }
    }
  }

  /**
   * Derives one ticket's escalation facts from the SLA store's read of that ticket's done work.
   *
   * @param sla the SLA store
   * @param tenant the tenant
   * @param ticket the ticket
   * @param escalations where to add the escalation facts
   */
  public static void escalationFacts(SlaStore sla, TenantId tenant, TicketId ticket,
      List<EscalationFact> escalations) {
    for (DoneWork d : sla.done(tenant, ticket)) {
      if (d.work() instanceof LadderLevelDue f) {
        escalations.add(new EscalationFact(tenant, ticket, f.clock().metric(),
            f.clock().cycle(), f.level(), f.dueAt(), d.doneAt()));
      }
    }
  }

  private static ClockFact clockFact(TenantId tenant, SlaClock c, List<CycleFact> cycles) {
    int cycle = Math.min(c.ticketCycle(), cycles.size());
    AgentId agent = cycles.isEmpty() ? null : cycles.get(cycle - 1).agent();
    return new ClockFact(tenant, c.key().ticket(), c.key().metric(), c.key().cycle(),
        c.ticketCycle(), c.target().priority(), agent, c.target().calendarId(),
        c.target().target(), c.startedAt(), c.state(), c.dueAt(), c.stoppedAt(), c.elapsed());
  }

  private static void clocks(SlaStore sla, Ticket t, List<CycleFact> cycles, List<ClockFact> out) {
    for (SlaClock c : sla.clocks(t.tenant(), t.id())) {
      out.add(clockFact(t.tenant(), c, cycles));
    }
  }

  private static void escalations(SlaStore sla, Ticket t, List<EscalationFact> out) {
    for (DoneWork d : sla.done(t.tenant(), t.id())) {
      if (d.work() instanceof LadderLevelDue f) {
        out.add(new EscalationFact(t.tenant(), t.id(), f.clock().metric(), f.clock().cycle(),
            f.level(), f.dueAt(), d.doneAt()));
      }
    }
  }
}
