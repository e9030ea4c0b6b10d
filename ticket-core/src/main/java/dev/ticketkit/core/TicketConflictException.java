package dev.ticketkit.core;

import java.util.Objects;

/**
 * Thrown when a write carries a version that is no longer the ticket's current version: someone
 * else changed the ticket since the caller read it. Nothing was changed.
 *
 * <p>Read the ticket again and retry, or use {@link ConflictRetry}. When a new ticket's id is
 * already taken, the expected version is 0. Instances are immutable and therefore thread-safe.
 */
public class TicketConflictException extends TicketKitException {

  private static final long serialVersionUID = 1L;

  private final TenantId tenant;
  private final TicketId ticketId;
  private final long expectedVersion;
  private final long actualVersion;

  /**
   * Creates the exception.
   *
   * @param tenant the ticket's tenant
   * @param ticketId the ticket
   * @param expectedVersion the version the write was based on (0 for a new ticket)
   * @param actualVersion the ticket's current version
   */
  public TicketConflictException(
      TenantId tenant, TicketId ticketId, long expectedVersion, long actualVersion) {
    super("ticket " + ticketId + " of tenant " + tenant + " is at version " + actualVersion
        + ", the write expected version " + expectedVersion);
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.ticketId = Objects.requireNonNull(ticketId, "ticketId");
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  /** @return the ticket's tenant */
  public TenantId tenant() {
    return tenant;
  }

  /** @return the ticket */
  public TicketId ticketId() {
    return ticketId;
  }

  /** @return the version the write was based on, 0 for a new ticket */
  public long expectedVersion() {
    return expectedVersion;
  }

  /** @return the ticket's current version */
  public long actualVersion() {
    return actualVersion;
  }
}
