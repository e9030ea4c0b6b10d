package dev.ticketkit.report.spike;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link EpisodeClaims} in a concurrent set: exactly once among the detectors of one process that
 * share the instance. It keeps every key (a few per spike); a long-running host prunes it by
 * making a new one now and then, or uses a database implementation. Thread-safe.
 */
final class InMemoryEpisodeClaims implements EpisodeClaims {

  private final Set<Key> claimed = ConcurrentHashMap.newKeySet();

  @Override
  public boolean claim(Key key) {
    return claimed.add(key);
  }
}
