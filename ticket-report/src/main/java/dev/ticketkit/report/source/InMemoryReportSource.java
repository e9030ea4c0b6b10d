package dev.ticketkit.report.source;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketFollower;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketKitException;
import dev.ticketkit.core.privacy.RequesterData;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.core.store.TransactionContext;
import dev.ticketkit.report.internal.FactDerivation;
import dev.ticketkit.report.internal.FactSet;
import dev.ticketkit.report.internal.MemoryFactReader;
import dev.ticketkit.sla.store.SlaStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ReportSource} over a ticket store and an SLA store that aggregates in memory: for the
 * in-memory stores, tests and small hosts. It comes in two kinds.
 *
 * <ul>
 *   <li>{@link #following(TicketStore, SlaStore)}: a {@link TicketFollower} that keeps each
 *       ticket's cycle facts at commit time, from the ticket's facts before the change and the
 *       change's own history entries (inside the ticket's transaction; a rolled-back commit
 *       leaves them as they were). It also keeps each ticket's clock facts: a commit marks the
 *       ticket, and the next report reads the marked tickets' clocks from the SLA store again
 *       (the SLA engine writes clocks only within ticket commits), so a report reads clocks
 *       only for the tickets that changed since the last one. Fired escalation levels are read
 *       tenant-wide at every report (the SLA engine also records them done outside ticket
 *       commits, when a level only notifies). Attach it to the ticket service. A report then
 *       takes the kept facts and aggregates. The first report of a tenant also derives, once, the facts of the tickets
 *       the source has not followed (stored before it was attached) from their histories; a
 *       source that is not attached would keep stale facts, so attach it before the first
 *       report.
 *   <li>{@link #of(TicketStore, SlaStore)}: derives the facts from the stores when a reader is
 *       opened (pages through the tenant's tickets, caching each ticket's cycle facts per
 *       version), for a host that does not attach a follower. Cost linear in the tenant's
 *       tickets per report.
 * </ul>
 *
 * <p>Either way a reader holds its own immutable snapshot. A database host uses the SQL source
 * of ticket-jdbc instead, which aggregates in the database. Thread-safe.
 */
public final class InMemoryReportSource implements ReportSource, TicketFollower, RequesterData {

  private final TicketStore tickets;
  private final SlaStore sla;
  private final boolean following;
  private final Map<TenantId, Map<TicketId, FactDerivation.CachedCycles>> cache =
      new ConcurrentHashMap<>();
  /** A following source's clock facts by ticket, as last read. */
  private final Map<TenantId, Map<TicketId, List<ClockFact>>> slaKept =
      new ConcurrentHashMap<>();
  /**
   * Tickets whose clock facts must be read again: marked by every commit of the ticket (inside
   * the transaction and after the commit, so that the SLA engine's writes of the same commit are
   * covered whatever the attach order), unmarked by the report that reads them.
   */
  private final Map<TenantId, Set<TicketId>> slaDirty = new ConcurrentHashMap<>();

  /** Tenants whose tickets were all derived once (a following source keeps them since). */
  private final Set<TenantId> seeded = ConcurrentHashMap.newKeySet();

  private InMemoryReportSource(TicketStore tickets, SlaStore sla, boolean following) {
    this.tickets = Objects.requireNonNull(tickets, "tickets");
    this.sla = Objects.requireNonNull(sla, "sla");
    this.following = following;
  }

  /**
   * Returns a source that derives the facts from the stores at every report.
   *
   * @param tickets the ticket store
   * @param sla the SLA store
   * @return the source
   */
  public static InMemoryReportSource of(TicketStore tickets, SlaStore sla) {
    return new InMemoryReportSource(tickets, sla, false);
  }

  /**
   * Returns a source that keeps the cycle facts at commit time: attach it to the service over
   * the ticket store ({@code TicketService.attach} or the builder's {@code follower}).
   *
   * @param tickets the ticket store the service commits to
   * @param sla the SLA store that holds its tickets' clocks
   * @return the source, to attach
   */
  public static InMemoryReportSource following(TicketStore tickets, SlaStore sla) {
    return new InMemoryReportSource(tickets, sla, true);
  }

  /**
   * {@inheritDoc}
   *
   * <p>A following source updates the ticket's kept cycle facts (undone if the commit rolls
   * back); a ticket it has no current facts for is marked to be derived from the store at the
   * next report. A source made by {@link #of} does nothing here.
   */
  @Override
  public void inTransaction(ChangeSet committed, TransactionContext transaction) {
    Objects.requireNonNull(committed, "committed");
    Objects.requireNonNull(transaction, "transaction");
    if (!following) {
      return;
    }
    Ticket t = committed.ticket();
    Map<TicketId, FactDerivation.CachedCycles> kept =
        cache.computeIfAbsent(t.tenant(), x -> new ConcurrentHashMap<>());
    FactDerivation.CachedCycles before = kept.get(t.id());
    FactDerivation.CachedCycles after;
    if (committed.isNewTicket()) {
      after = new FactDerivation.CachedCycles(t.version(),
          FactDerivation.afterChange(t, List.of(), committed.history()));
    } else if (before != null && before.version() == committed.expectedVersion()) {
      after = new FactDerivation.CachedCycles(t.version(),
          FactDerivation.afterChange(t, before.cycles(), committed.history()));
    } else {
      after = new FactDerivation.CachedCycles(-1, List.of());
    }
    kept.put(t.id(), after);
    dirty(t.tenant()).add(t.id());
    transaction.onRollback(() -> {
      if (before == null) {
        kept.remove(t.id(), after);
      } else {
        kept.replace(t.id(), after, before);
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>A following source marks the ticket's clock facts to be read again from
   * the SLA store at the next report (the SLA engine writes them in the same commit, possibly
   * after this source's {@link #inTransaction}). A source made by {@link #of} does nothing here.
   */
  @Override
  public void afterCommit(ChangeSet committed) {
    Objects.requireNonNull(committed, "committed");
    if (following) {
      dirty(committed.ticket().tenant()).add(committed.ticket().id());
    }
  }

  private Set<TicketId> dirty(TenantId tenant) {
    return slaDirty.computeIfAbsent(tenant, x -> ConcurrentHashMap.newKeySet());
  }

  @Override
  public FactReader open(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    Map<TicketId, FactDerivation.CachedCycles> kept =
        cache.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>());
    try {
      if (!following) {
        return new MemoryFactReader(FactDerivation.derive(tickets, sla, tenant, kept));
      }
      Map<TicketId, List<ClockFact>> slaFacts =
          slaKept.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>());
      Set<TicketId> dirty = dirty(tenant);
      if (seeded.add(tenant)) {
        FactDerivation.derive(tickets, sla, tenant, kept);
        dirty.addAll(kept.keySet());
      }
      List<CycleFact> all = new ArrayList<>(kept.size() + kept.size() / 4);
      List<ClockFact> clocks = new ArrayList<>(kept.size() * 6);
      for (Map.Entry<TicketId, FactDerivation.CachedCycles> e : kept.entrySet()) {
        TicketId id = e.getKey();
        List<CycleFact> mine = e.getValue().cycles();
        if (e.getValue().version() < 0) {
          dirty.add(id);
          mine = rederive(tenant, id, kept);
        }
        all.addAll(mine);
        boolean marked = dirty.remove(id);
        List<ClockFact> s = slaFacts.get(id);
        if (s == null || marked) {
          s = readClocks(tenant, id, mine);
          slaFacts.put(id, s);
        }
        clocks.addAll(s);
      }
      List<EscalationFact> escalations = new ArrayList<>();
      FactDerivation.escalationFacts(sla, tenant, escalations);
      return new MemoryFactReader(new FactSet(all, clocks, escalations));
    } catch (TicketKitException e) {
      throw new ReportSourceException("could not read the facts of tenant " + tenant, e);
    }
  }

  /**
   * Forgets the kept facts of the requester's tickets after {@link
   * dev.ticketkit.core.privacy.Privacy#erase} rewrote them in the ticket store, so the next report
   * derives them again from the erased tickets: the example subjects and rating comments it
   * kept no longer carry the requester's personal data. Give this source to {@code
   * Privacy.builder().requesterData(...)}. The erased tickets are the tenant's tickets that now
   * name the pseudonym as their requester.
   *
   * @param tenant the tenant
   * @param requesterId the requester's id in the host system (already replaced in the store)
   * @param pseudonym the pseudonym the erasure gave the requester
   * @return how many tickets' kept facts were dropped
   */
  @Override
  public int eraseRequester(TenantId tenant, String requesterId, String pseudonym) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(requesterId, "requesterId");
    Objects.requireNonNull(pseudonym, "pseudonym");
    Map<TicketId, FactDerivation.CachedCycles> kept = cache.get(tenant);
    if (kept == null) {
      return 0;
    }
    int dropped = 0;
    for (TicketId id : List.copyOf(kept.keySet())) {
      Optional<Ticket> t = tickets.get(tenant, id);
      String now = t.map(x -> x.requester().id()).orElse(null);
      if (pseudonym.equals(now) || requesterId.equals(now)) {
        kept.put(id, new FactDerivation.CachedCycles(-1, List.of()));
        dropped++;
      }
    }
    return dropped;
  }

  /**
   * Reads one ticket's clocks from the SLA store (after its mark was removed, so a commit that
   * lands meanwhile marks it again).
   */
  private List<ClockFact> readClocks(TenantId tenant, TicketId id, List<CycleFact> cycles) {
    if (cycles.isEmpty()) {
      return List.of();
    }
    List<ClockFact> clocks = new ArrayList<>(8);
    FactDerivation.clockFacts(sla, tenant, id, cycles, clocks);
    return List.copyOf(clocks);
  }

  /** Derives a ticket the follower could not continue, from the store. */
  private List<CycleFact> rederive(TenantId tenant, TicketId id,
      Map<TicketId, FactDerivation.CachedCycles> kept) {
    Optional<Ticket> t = tickets.get(tenant, id);
    if (t.isEmpty()) {
      return List.of();
    }
    List<CycleFact> facts = FactDerivation.forTicket(t.get(), tickets.history(tenant, id));
    FactDerivation.CachedCycles now = new FactDerivation.CachedCycles(t.get().version(), facts);
    kept.computeIfPresent(id, (k, v) -> v.version() < 0 ? now : v);
    return facts;
  }
}
