package dev.ticketkit.report;

import dev.ticketkit.core.TenantId;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Tells the report engine which tenants exist and the time zone each reports in. Implementations
 * must be thread-safe.
 */
@FunctionalInterface
public interface TenantDirectory {

  /**
   * Returns a tenant's report zone.
   *
   * @param tenant the tenant
   * @return the zone, or empty if the tenant is unknown
   */
  Optional<ZoneId> zoneOf(TenantId tenant);
}
