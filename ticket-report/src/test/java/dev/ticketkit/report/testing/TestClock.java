package dev.ticketkit.report.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that only moves when told to. Thread-safe (the instant is volatile). */
public final class TestClock extends Clock {

  private volatile Instant now;

  /**
   * Creates a clock standing at an instant.
   *
   * @param start the instant
   */
  public TestClock(Instant start) {
    this.now = start;
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
