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
import dev.ticketkit.report.internal.KeptFacts;
import dev.ticketkit.report.internal.MemoryFactReader;
import dev.ticketkit.report.internal.ProcessKeeper;
import dev.ticketkit.sla.store.InMemorySlaStore;
import dev.ticketkit.sla.store.SlaStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

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
 *       (the SLA engine writes clocks only within ticket commits). Fired escalation levels are
 *       kept the same way when the SLA store is an {@link InMemorySlaStore}, which tells the
 *       source whose done records changed ({@link InMemorySlaStore#onDoneChanged}; the SLA
 *       engine also records levels done outside ticket commits, when a level only notifies);
 *       over any other SLA store they are read tenant-wide at every report. The kept facts are
 *       columns (every instant, key and duration field as a primitive array, one row per fact,
 *       the rows of a ticket replaced when it was marked), so a report reads the changed
 *       tickets, then aggregates over arrays without building or copying anything per fact.
 *       Attach it to the ticket service. The first report of a tenant also derives, once, the
 *       facts of the tickets the source has not followed (stored before it was attached) from
 *       their histories; a source that is not attached would keep stale facts, so attach it
 *       before the first report.
 *   <li>{@link #of(TicketStore, SlaStore)}: derives the facts from the stores when a reader is
 *       opened (pages through the tenant's tickets, caching each ticket's cycle facts per
 *       version), for a host that does not attach a follower. Cost linear in the tenant's
 *       tickets per report.
 * </ul>
 *
 * <p>Either way a reader holds its own immutable snapshot. The support-process facts behind
 * {@link FactReader#process} (hand-offs, follow-up gaps, problems and incidents, rating requests)
 * are derived per ticket from its whole history and kept with its version: a following source
 * derives again only the tickets its commits marked, the other kind those whose version changed.
 * Tickets purged by retention keep their cycle facts but not their process facts.
 *
 * <p> A database host uses the SQL source
 * of ticket-jdbc instead, which aggregates in the database. Thread-safe.
 */
public final class InMemoryReportSource implements ReportSource, TicketFollower, RequesterData {

  private final TicketStore tickets;
  private final SlaStore sla;
  private final boolean following;
  private final Map<TenantId, Map<TicketId, FactDerivation.CachedCycles>> cache =
      new ConcurrentHashMap<>();
  /**
   * A following source's cycle and clock facts as columns, per tenant (each guarded by its own
   * lock): a report replaces the rows of the marked tickets only.
   */
  private final Map<TenantId, KeptFacts> columns = new ConcurrentHashMap<>();
  /**
   * Tickets whose clock facts must be read again: marked by every commit of the ticket (inside
   * the transaction and after the commit, so that the SLA engine's writes of the same commit are
   * covered whatever the attach order), unmarked by the report that reads them.
   */
  private final Map<TenantId, Set<TicketId>> slaDirty = new ConcurrentHashMap<>();
  /**
   * Tickets whose escalation facts must be read again, marked by the SLA store when their done
   * records change; null when the SLA store does not tell (escalations are then read
   * tenant-wide at every report).
   */
  private final @Nullable Map<TenantId, Set<TicketId>> doneDirty;

  /** The process facts (hand-offs, follow-ups, problems, rating requests) per tenant. */
  private final ProcessKeeper process;

  /** Tenants whose tickets were all derived once (a following source keeps them since). */
  private final Set<TenantId> seeded = ConcurrentHashMap.newKeySet();

  private InMemoryReportSource(TicketStore tickets, SlaStore sla, boolean following) {
    this.tickets = Objects.requireNonNull(tickets, "tickets");
    this.sla = Objects.requireNonNull(sla, "sla");
    this.following = following;
    this.process = new ProcessKeeper(tickets, following);
    if (following && sla instanceof InMemorySlaStore memory) {
      Map<TenantId, Set<TicketId>> marks = new ConcurrentHashMap<>();
      memory.onDoneChanged((tenant, ticket) ->
          marks.computeIfAbsent(tenant, x -> ConcurrentHashMap.newKeySet()).add(ticket));
      this.doneDirty = marks;
    } else {
      this.doneDirty = null;
    }
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
    process.mark(t.tenant(), t.id());
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
      process.mark(committed.ticket().tenant(), committed.ticket().id());
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
        return new MemoryFactReader(FactDerivation.derive(tickets, sla, tenant, kept))
            .withProcess(process.facts(tenant));
      }
      KeptFacts facts = columns.computeIfAbsent(tenant, t -> new KeptFacts());
      synchronized (facts) {
        Set<TicketId> dirty = dirty(tenant);
        boolean seed = !seeded.contains(tenant);
        if (seed) {
          FactDerivation.derive(tickets, sla, tenant, kept);
          dirty.addAll(kept.keySet());
        }
        for (java.util.Iterator<TicketId> it = dirty.iterator(); it.hasNext(); ) {
          TicketId id = it.next();
          it.remove();
          try {
            refresh(tenant, id, kept, facts);
          } catch (RuntimeException e) {
            dirty.add(id); // read it at the next report
            throw e;
          }
        }
        List<EscalationFact> escalations = new ArrayList<>();
        if (doneDirty == null) {
          seeded.add(tenant);
          FactDerivation.escalationFacts(sla, tenant, escalations);
          return facts.reader(escalations).withProcess(process.facts(tenant));
        }
        Set<TicketId> marked = doneDirty.computeIfAbsent(tenant,
            x -> ConcurrentHashMap.newKeySet());
        if (seed) {
          keepEscalations(tenant, marked, facts);
          seeded.add(tenant);
        }
        for (java.util.Iterator<TicketId> it = marked.iterator(); it.hasNext(); ) {
          TicketId id = it.next();
          it.remove();
          try {
            escalations.clear();
            FactDerivation.escalationFacts(sla, tenant, id, escalations);
            facts.replaceEscalations(id, escalations);
          } catch (RuntimeException e) {
            marked.add(id);
            throw e;
          }
        }
        return facts.reader().withProcess(process.facts(tenant));
      }
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
        dirty(tenant).add(id);
        process.mark(tenant, id);
        dropped++;
      }
    }
    return dropped;
  }

  /**
   * Keeps every ticket's escalation facts from one tenant-wide read of the done records (the
   * tenant's first report); the tickets whose records change meanwhile are marked again.
   */
  private void keepEscalations(TenantId tenant, Set<TicketId> marked, KeptFacts facts) {
    marked.clear();
    List<EscalationFact> all = new ArrayList<>();
    FactDerivation.escalationFacts(sla, tenant, all);
    Map<TicketId, List<EscalationFact>> byTicket = new java.util.HashMap<>();
    for (EscalationFact e : all) {
      byTicket.computeIfAbsent(e.ticketId(), x -> new ArrayList<>()).add(e);
    }
    byTicket.forEach(facts::replaceEscalations);
  }

  /**
   * Replaces a marked ticket's kept rows: its cycle facts as the follower keeps them (derived
   * again from the store if the follower could not continue them) and its clocks read again
   * (its mark is already removed, so a commit that lands meanwhile marks it again).
   */
  private void refresh(TenantId tenant, TicketId id,
      Map<TicketId, FactDerivation.CachedCycles> kept, KeptFacts facts) {
    FactDerivation.CachedCycles now = kept.get(id);
    if (now == null) {
      facts.replace(id, List.of(), List.of()); // its creation rolled back
      return;
    }
    List<CycleFact> mine = now.version() < 0 ? rederive(tenant, id, kept) : now.cycles();
    facts.replace(id, mine, readClocks(tenant, id, mine));
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
