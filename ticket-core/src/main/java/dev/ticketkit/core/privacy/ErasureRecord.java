package dev.ticketkit.core.privacy;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * The record of one erasure: who asked for it, when, how many tickets and attachment references
 * it covered, and the pseudonym that now stands for the requester; never the erased data.
 * Instances are immutable and thread-safe.
 *
 * @param tenant the tenant
 * @param pseudonym the requester's pseudonym
 * @param erasedBy who asked for the erasure
 * @param at when it finished
 * @param tickets how many tickets this run erased
 * @param attachments how many attachment references it handed to the host to delete
 */
public record ErasureRecord(TenantId tenant, String pseudonym, Actor erasedBy, Instant at,
    int tickets, int attachments) {

  /**
   * Validates the record.
   *
   * @throws NullPointerException if a part is null
   * @throws InvalidInputException if a count is negative
   */
  public ErasureRecord {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(pseudonym, "pseudonym");
    Objects.requireNonNull(erasedBy, "erasedBy");
    Objects.requireNonNull(at, "at");
    if (tickets < 0) {
      throw new InvalidInputException("tickets", tickets, "must be 0 or more");
    }
    if (attachments < 0) {
      throw new InvalidInputException("attachments", attachments, "must be 0 or more");
    }
  }
}
