package dev.ticketkit.core.privacy;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.store.TicketStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies each tenant's {@link RetentionPolicy}: tickets closed for longer than the policy keeps
 * them are anonymised or purged, in batches. Each batch is one transaction of the
 * {@link PersonalDataStore} that claims its tickets with {@code SELECT ... FOR UPDATE SKIP
 * LOCKED}, so several nodes running retention at once share the work and never handle a ticket
 * twice. Anonymised tickets keep everything reports count (see {@link Privacy#erase}); their
 * requester's id becomes the same pseudonym an erasure gives. Purged tickets are gone for every
 * reader except the report: the store keeps, anonymised the same way, what reports of past
 * periods read, so those reports stay the same. Thread-safe.
 */
public final class Retention {

  private final TicketStore tickets;
  private final PersonalDataStore store;
  private final Clock clock;
  private final ErasurePlan plans;
  private final Map<TenantId, RetentionPolicy> policies = new ConcurrentHashMap<>();

  /**
   * Returns a retention service.
   *
   * @param tickets the ticket store (anonymising reads a ticket's history and conversation)
   * @param store the personal-data store, usually the same object
   * @param clock the clock "closed for longer than" is measured against
   * @param pseudonymKey the key of pseudonyms, the same as {@link Privacy}'s: at least 16 bytes
   * @param redactor the redactor whose findings anonymising also replaces
   * @return the service, with no policy set
   * @throws NullPointerException if an argument is null
   * @throws InvalidInputException if the key is shorter than 16 bytes
   */
  public static Retention of(TicketStore tickets, PersonalDataStore store, Clock clock,
      byte[] pseudonymKey, Redactor redactor) {
    Objects.requireNonNull(tickets, "tickets");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(pseudonymKey, "pseudonymKey");
    Objects.requireNonNull(redactor, "redactor");
    if (pseudonymKey == null || pseudonymKey.length < 16) {
      throw new InvalidInputException("pseudonymKey", pseudonymKey == null ? null
          : pseudonymKey.length + " bytes", "must hold at least 16 bytes");
    }
    return new Retention(tickets, store, clock,
        new ErasurePlan(new Pseudonyms(pseudonymKey), Objects.requireNonNull(redactor)));
  }

  private Retention(TicketStore tickets, PersonalDataStore store, Clock clock,
      ErasurePlan plans) {
    this.tickets = Objects.requireNonNull(tickets, "tickets");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.plans = plans;
  }

  /**
   * Sets a tenant's policy, replacing the one it had.
   *
   * @param tenant the tenant
   * @param policy the policy
   * @return this service
   * @throws NullPointerException if an argument is null
   */
  public Retention policy(TenantId tenant, RetentionPolicy policy) {
    policies.put(Objects.requireNonNull(tenant, "tenant"),
        Objects.requireNonNull(policy, "policy"));
    return this;
  }

  /**
   * Returns a tenant's policy.
   *
   * @param tenant the tenant
   * @return the policy, or empty if the tenant keeps tickets for ever
   */
  public Optional<RetentionPolicy> policyOf(TenantId tenant) {
    return Optional.ofNullable(policies.get(Objects.requireNonNull(tenant, "tenant")));
  }

  /**
   * Handles one batch of a tenant's expired tickets, in one transaction.
   *
   * @param tenant the tenant
   * @param batchSize the most tickets to handle, 1 or more
   * @return how many tickets the batch handled: 0 when none is left, none is claimable or the
   *     tenant has no policy
   * @throws InvalidInputException if the batch size is below 1
   */
  public int runBatch(TenantId tenant, int batchSize) {
    if (batchSize < 1) {
      throw new InvalidInputException("batchSize", batchSize, "must be 1 or more");
    }
    RetentionPolicy policy = policies.get(Objects.requireNonNull(tenant, "tenant"));
    if (policy == null) {
      return 0;
    }
    Instant closedBefore = clock.instant().minus(policy.keepClosedFor());
    return store.retain(tenant, closedBefore, batchSize,
        policy.action() == RetentionPolicy.Action.PURGE, id -> plan(tenant, id));
  }

  /**
   * Handles a tenant's expired tickets in batches until none is left.
   *
   * @param tenant the tenant
   * @param batchSize the most tickets per batch (per transaction), 1 or more
   * @return how many tickets this call handled
   * @throws InvalidInputException if the batch size is below 1
   */
  public int run(TenantId tenant, int batchSize) {
    int total = 0;
    for (int n = runBatch(tenant, batchSize); n > 0; n = runBatch(tenant, batchSize)) {
      total += n;
    }
    return total;
  }

  private Erasure plan(TenantId tenant, TicketId id) {
    Ticket t = tickets.get(tenant, id).orElseThrow(
        () -> new IllegalStateException("claimed ticket " + id + " is not readable"));
    return plans.plan(t, tickets.history(tenant, id), tickets.conversation(tenant, id));
  }
}
