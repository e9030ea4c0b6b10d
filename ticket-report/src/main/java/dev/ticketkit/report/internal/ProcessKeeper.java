package dev.ticketkit.report.internal;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.store.Page;
import dev.ticketkit.core.store.PageCursor;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.core.store.TicketStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory source's process facts ({@link ProcessFact}), per tenant and ticket, each derived
 * from the ticket's whole history ({@link ProcessDerivation#forTicket}) and kept with the
 * ticket's version. A following source marks the tickets its commits change and derives only
 * those again (and every ticket once, at the tenant's first report); a source that does not
 * follow pages through the tenant's tickets at every report and derives those whose version
 * changed. Tickets retention purged are derived from their anonymised histories. Thread-safe: each tenant's facts are guarded by their own lock.
 */
public final class ProcessKeeper {

  private static final int PAGE = TicketQuery.MAX_LIMIT;

  /** A ticket's facts at a version. */
  private record Kept(long version, List<ProcessFact> facts) {}

  /** One tenant's kept facts and marks. */
  private static final class Tenant {
    final Map<TicketId, Kept> kept = new ConcurrentHashMap<>();
    final Set<TicketId> marked = ConcurrentHashMap.newKeySet();
    boolean seeded;
  }

  private final TicketStore tickets;
  private final boolean following;
  private final Map<TenantId, Tenant> tenants = new ConcurrentHashMap<>();

  /**
   * Creates a keeper.
   *
   * @param tickets the ticket store
   * @param following whether commits mark the changed tickets ({@link #mark})
   */
  public ProcessKeeper(TicketStore tickets, boolean following) {
    this.tickets = Objects.requireNonNull(tickets, "tickets");
    this.following = following;
  }

  /**
   * Marks a ticket whose facts must be derived again at the next report.
   *
   * @param tenant the tenant
   * @param ticket the ticket
   */
  public void mark(TenantId tenant, TicketId ticket) {
    tenant(tenant).marked.add(ticket);
  }

  private Tenant tenant(TenantId tenant) {
    return tenants.computeIfAbsent(tenant, t -> new Tenant());
  }

  /**
   * Returns a tenant's process facts as the store holds them now.
   *
   * @param tenant the tenant
   * @return the facts (a new list)
   */
  public List<ProcessFact> facts(TenantId tenant) {
    Tenant t = tenant(tenant);
    synchronized (t) {
      if (!following || !t.seeded) {
        t.marked.clear();
        all(tenant, t);
        t.seeded = true;
      } else {
        for (java.util.Iterator<TicketId> it = t.marked.iterator(); it.hasNext(); ) {
          TicketId id = it.next();
          it.remove();
          try {
            Ticket now = tickets.get(tenant, id).orElse(null);
            if (now == null) {
              t.kept.remove(id);
            } else {
              derive(tenant, now, t);
            }
          } catch (RuntimeException e) {
            t.marked.add(id);
            throw e;
          }
        }
      }
      List<ProcessFact> out = new ArrayList<>();
      t.kept.values().forEach(k -> out.addAll(k.facts()));
      return out;
    }
  }

  private void all(TenantId tenant, Tenant t) {
    Set<TicketId> seen = new java.util.HashSet<>();
    TicketQuery query = TicketQuery.builder().limit(PAGE).build();
    @Nullable PageCursor cursor = null;
    do {
      Page<Ticket> page = tickets.query(tenant, query.withAfter(cursor));
      for (Ticket ticket : page.items()) {
        seen.add(ticket.id());
        derive(tenant, ticket, t);
      }
      cursor = page.next();
    } while (cursor != null);
    if (tickets instanceof dev.ticketkit.core.privacy.PersonalDataStore personal) {
      // tickets retention purged, kept anonymised for the reports of past periods
      for (dev.ticketkit.core.privacy.PurgedTicket p : personal.purged(tenant)) {
        seen.add(p.ticket().id());
        Kept k = t.kept.get(p.ticket().id());
        if (k == null || k.version() != p.ticket().version()) {
          t.kept.put(p.ticket().id(), new Kept(p.ticket().version(), List.copyOf(
              ProcessDerivation.forTicket(p.ticket(), p.history()))));
        }
      }
    }
    t.kept.keySet().retainAll(seen);
  }

  private void derive(TenantId tenant, Ticket ticket, Tenant t) {
    Kept k = t.kept.get(ticket.id());
    if (k == null || k.version() != ticket.version()) {
      t.kept.put(ticket.id(), new Kept(ticket.version(), List.copyOf(
          ProcessDerivation.forTicket(ticket, tickets.history(tenant, ticket.id())))));
    }
  }
}
