package dev.ticketkit.core.store;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import java.util.Objects;

/**
 * Thrown when a store cannot tell whether a commit took effect: the database failed while
 * committing (a lost connection at {@code COMMIT}) and the store could not read back which
 * change the ticket holds.
 *
 * <p>Every other {@link TicketStoreException} from a commit means nothing was written, so the
 * caller may simply retry. After this one the caller must read the ticket first: if its version
 * is the one the change would have produced and its last change is the caller's, the change took
 * effect (see {@code TicketService} for how the service resolves this itself). Instances are
 * immutable and therefore thread-safe.
 */
public class TicketCommitUnknownException extends TicketStoreException {

  private static final long serialVersionUID = 1L;

  /** The tenant of the ticket. */
  private final TenantId tenant;
  /** The ticket. */
  private final TicketId ticketId;
  /** The version the change would have produced. */
  private final long version;

  /**
   * Creates the exception.
   *
   * @param tenant the tenant of the ticket
   * @param ticketId the ticket
   * @param version the version the change would have produced
   * @param cause the failure of the commit and of the read-back
   */
  public TicketCommitUnknownException(TenantId tenant, TicketId ticketId, long version,
      Throwable cause) {
    super("cannot tell whether the change to version " + version + " of ticket " + ticketId
        + " of tenant " + tenant + " was committed; read the ticket before retrying",
        Objects.requireNonNull(cause, "cause"));
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.ticketId = Objects.requireNonNull(ticketId, "ticketId");
    this.version = version;
  }

  /** @return the tenant of the ticket */
  public TenantId tenant() {
    return tenant;
  }

  /** @return the ticket */
  public TicketId ticketId() {
    return ticketId;
  }

  /** @return the version the change would have produced */
  public long version() {
    return version;
  }
}
