package dev.ticketkit.examples;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock the demo moves forward by hand, so its story is the same on every run.
 *
 * <p>TicketKit never reads the system clock: hosts pass {@code Clock.systemUTC()}, tests and
 * demos pass a clock like this one. Not thread-safe; the demo runs on one thread.
 */
final class DemoClock extends Clock {

  private Instant now;
  private final ZoneId zone;

  DemoClock(Instant start, ZoneId zone) {
    this.now = start;
    this.zone = zone;
  }

  void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new DemoClock(now, newZone);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
