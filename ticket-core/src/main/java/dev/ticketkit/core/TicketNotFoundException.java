package dev.ticketkit.core;

import java.util.Objects;

/**
 * Thrown when a tenant has no ticket with the given id, including when the id belongs to another
 * tenant (so a caller cannot learn that another tenant's ticket exists).
 *
 * <p>Instances are immutable and therefore thread-safe.
 */
public class TicketNotFoundException extends TicketKitException {

  private static final long serialVersionUID = 1L;

  private final TenantId tenant;
  private final TicketId ticketId;

  /**
   * Creates the exception.
   *
   * @param tenant the tenant that asked
   * @param ticketId the id it asked for
   */
  public TicketNotFoundException(TenantId tenant, TicketId ticketId) {
    super("tenant " + tenant + " has no ticket " + ticketId);
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.ticketId = Objects.requireNonNull(ticketId, "ticketId");
  }

  /** @return the tenant that asked */
  public TenantId tenant() {
    return tenant;
  }

  /** @return the id it asked for */
  public TicketId ticketId() {
    return ticketId;
  }
}
