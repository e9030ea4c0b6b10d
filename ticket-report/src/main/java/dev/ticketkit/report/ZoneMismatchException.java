package dev.ticketkit.report;

import dev.ticketkit.core.InvalidInputException;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A report was asked for a period in a time zone other than the tenant's report zone, so its days
 * and hours would not be the tenant's. Instances are immutable and thread-safe.
 */
public final class ZoneMismatchException extends InvalidInputException {

  private static final long serialVersionUID = 1L;

  private final String tenantZone;

  /**
   * Creates the exception.
   *
   * @param asked the period's zone
   * @param tenantZone the tenant's zone
   * @param tenant the tenant
   */
  public ZoneMismatchException(ZoneId asked, ZoneId tenantZone, Object tenant) {
    super("period.zone", Objects.requireNonNull(asked, "asked"), "differs from the zone "
        + tenantZone + " of tenant " + Objects.requireNonNull(tenant, "tenant"));
    this.tenantZone = tenantZone.getId();
  }

  /**
   * Returns the tenant's zone.
   *
   * @return the zone id
   */
  public String tenantZone() {
    return tenantZone;
  }
}
