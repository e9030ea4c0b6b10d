package dev.ticketkit.report.spike;

import dev.ticketkit.core.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides which node raises a spike episode's event: the first to claim the episode's key. Nodes
 * that see the same signals in the same order compute the same key (the episode's start bucket is
 * a pure function of the signals), so exactly one claim succeeds. A database implementation
 * keeps the keys in a table with a unique constraint (ticket-jdbc, a later phase). Implementations
 * must be thread-safe.
 */
public interface EpisodeClaims {

  /**
   * The identity of one spike episode.
   *
   * @param tenant the tenant
   * @param series the series
   * @param startedAt the start of the bucket in which the alarm rose
   */
  record Key(TenantId tenant, SeriesKey series, Instant startedAt) {
    /**
     * Validates the key.
     *
     * @throws NullPointerException if a part is null
     */
    public Key {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(series, "series");
      Objects.requireNonNull(startedAt, "startedAt");
    }
  }

  /**
   * Claims an episode.
   *
   * @param key the episode
   * @return true for the first claim of the key, false for every later one
   */
  boolean claim(Key key);

  /**
   * Returns claims kept in memory: exactly once within one process.
   *
   * @return the claims
   */
  static EpisodeClaims inMemory() {
    return new InMemoryEpisodeClaims();
  }
}
