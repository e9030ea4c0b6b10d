package dev.ticketkit.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock for tests that only moves when told to (ticket-core cannot use ticket-testkit's, which
 * depends on it: Maven forbids cycles in the reactor). Thread-safe (the instant is volatile).
 */
public final class MutableClock extends Clock {

  private volatile Instant now;

  /**
   * Creates a clock standing at the given instant.
   *
   * @param start the instant
   */
  public MutableClock(Instant start) {
    this.now = start;
  }

  /**
   * Returns a clock standing at 2024-03-04T01:00:00Z (a Monday, 09:00 in Shanghai).
   *
   * @return the clock
   */
  public static MutableClock standard() {
    return new MutableClock(Instant.parse("2024-03-04T01:00:00Z"));
  }

  /**
   * Moves the clock forward.
   *
   * @param amount how far
   */
  public void advance(Duration amount) {
    now = now.plus(amount);
  }

  /**
   * Sets the clock.
   *
   * @param instant the new instant
   */
  public void set(Instant instant) {
    now = instant;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
