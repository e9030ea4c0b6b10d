package dev.ticketkit.report;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketKitException;

/**
 * A report was asked for a tenant the report engine does not know (its tenant directory gives no
 * zone for it). Instances are immutable and thread-safe.
 */
public final class UnknownTenantException extends TicketKitException {

  private static final long serialVersionUID = 1L;

  private final String tenant;

  /**
   * Creates the exception.
   *
   * @param tenant the tenant
   */
  public UnknownTenantException(TenantId tenant) {
    super("unknown tenant " + tenant + ": the report engine's tenant directory has no zone for it");
    this.tenant = tenant.value();
  }

  /**
   * Returns the tenant's id.
   *
   * @return the id
   */
  public String tenant() {
    return tenant;
  }
}
