package dev.ticketkit.core;

import dev.ticketkit.core.event.Subscription;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.core.store.Page;
import dev.ticketkit.core.store.PageCursor;
import dev.ticketkit.core.store.RequesterIndex;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.core.store.TransactionContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One requester, many handles: finds a requester's tickets by any contact handle (e-mail, phone,
 * WeChat OpenID/UnionID, Douyin id...), normalised by {@link HandleKey}, and merges two requester
 * identities found to be one person.
 *
 * <p>{@link #attach} joins the service as a {@link TicketFollower}: every commit that sets a
 * ticket's requester (intake, an edit, a merge) records the requester's handles in the
 * {@link RequesterIndex} inside the ticket's transaction, so the index never misses a committed
 * ticket. Attach it before taking tickets in (tickets committed before are not indexed). A look-up
 * reads the index (keyed by tenant and handle on every store), then the tickets by requester id
 * ({@code tk_ticket_by_requester}). Thread-safe if the service and the index are.
 */
public final class RequesterDirectory {

  private static final int ATTEMPTS = 5;
  private static final Set<ActorKind> TEAM = EnumSet.of(ActorKind.AGENT, ActorKind.SYSTEM);

  private final TicketService service;
  private final RequesterIndex index;
  private final Subscription subscription;

  private RequesterDirectory(TicketService service, RequesterIndex index) {
    this.service = service;
    this.index = index;
    this.subscription = service.attach(new TicketFollower() {
      @Override
      public void inTransaction(ChangeSet committed, TransactionContext transaction) {
        indexRequester(committed, transaction);
      }
    });
  }

  /**
   * Attaches a directory to a service.
   *
   * @param service the service
   * @param index where handles are kept, in the service's store's database
   * @return the directory
   * @throws NullPointerException if an argument is null
   */
  public static RequesterDirectory attach(TicketService service, RequesterIndex index) {
    return new RequesterDirectory(Texts.notNull("service", service), Texts.notNull("index", index));
  }

  /** Detaches the directory from the service; later commits are not indexed. */
  public void detach() {
    subscription.cancel();
  }

  /**
   * Returns the requesters that have a handle.
   *
   * @param tenant the tenant
   * @param handle the handle, in any of its written forms
   * @return the requester ids
   * @throws NullPointerException if an argument is null
   */
  public Set<String> requesterIds(TenantId tenant, ContactHandle handle) {
    return index.requesterIds(Texts.notNull("tenant", tenant), HandleKey.of(handle));
  }

  /**
   * Returns the tickets of every requester that has a handle, in number order.
   *
   * @param tenant the tenant
   * @param handle the handle, in any of its written forms
   * @return the tickets
   * @throws NullPointerException if an argument is null
   */
  public List<Ticket> tickets(TenantId tenant, ContactHandle handle) {
    List<Ticket> out = new ArrayList<>();
    for (String id : requesterIds(tenant, handle)) {
      out.addAll(ticketsOf(tenant, id));
    }
    out.sort(Comparator.comparingLong(Ticket::number));
    return out;
  }

  /**
   * Merges one requester identity into another found to be the same person: every ticket of
   * {@code fromRequesterId} gets the requester {@code into}, each in its own write with a history
   * entry that names the merge (a ticket that keeps changing is retried, then reported by the
   * exception). Give {@code into} the handles of both, so that both are found afterwards.
   *
   * @param tenant the tenant
   * @param actor an agent or the system
   * @param fromRequesterId the identity merged away
   * @param into the identity kept, with its handles
   * @return the tickets that moved, in number order
   * @throws NullPointerException if an argument is null
   * @throws InvalidInputException if the actor a requester, or both ids
   *     are equal
   * @throws TicketConflictException if a ticket kept changing through every retry
   */
  public List<TicketId> merge(TenantId tenant, Actor actor, String fromRequesterId,
      Requester into) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(fromRequesterId, "fromRequesterId");
    Texts.notNull("into", into);
    Texts.notNull("actor", actor);
    if (into.id().equals(fromRequesterId)) {
      throw new InvalidInputException("fromRequesterId", fromRequesterId,
          "must differ from the requester merged into");
    }
    if (!TEAM.contains(actor.kind())) {
      throw new InvalidInputException("actor", actor, "may not merge requesters");
    }
    String why = "requester " + fromRequesterId + " merged into " + into.id();
    List<TicketId> moved = new ArrayList<>();
    for (Ticket t : ticketsOf(tenant, fromRequesterId)) {
      ConflictRetry.run(ATTEMPTS, () -> {
        Ticket c = service.require(tenant, t.id());
        return service.write(tenant, actor, c.id(), c.version(), d -> {
          if (!d.current().requester().id().equals(fromRequesterId)) {
            return;
          }
          d.cause(() -> why);
          d.builder.set(TicketFields.REQUESTER, into);
          d.stage(HistoryAction.EDITED);
        });
      });
      moved.add(t.id());
    }
    return moved;
  }

  private List<Ticket> ticketsOf(TenantId tenant, String requesterId) {
    TicketQuery q = TicketQuery.builder().requesterId(requesterId).limit(TicketQuery.MAX_LIMIT)
        .build();
    List<Ticket> out = new ArrayList<>();
    PageCursor cursor = null;
    do {
      Page<Ticket> page = service.query(tenant, q.withAfter(cursor));
      out.addAll(page.items());
      cursor = page.next();
    } while (cursor != null);
    return out;
  }

  private void indexRequester(ChangeSet committed, TransactionContext transaction) {
    boolean requesterSet = committed.history().stream()
        .anyMatch(e -> TicketField.REQUESTER.equals(e.field()));
    if (requesterSet) {
      Requester r = committed.ticket().requester();
      Set<HandleKey> keys = new LinkedHashSet<>();
      r.handles().forEach(h -> keys.add(HandleKey.of(h)));
      if (!keys.isEmpty()) {
        index.record(committed.ticket().tenant(), r.id(), keys, transaction);
      }
    }
  }
}
