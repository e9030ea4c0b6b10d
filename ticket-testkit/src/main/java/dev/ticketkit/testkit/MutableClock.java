package dev.ticketkit.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A {@link Clock} for tests that stands still until the test moves it: give it to
 * {@code TicketService.builder().clock(...)} (or any TicketKit builder that takes a clock) and run
 * a month of helpdesk in milliseconds.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at("2026-03-02T09:00:00+08:00");
 * TicketService tickets = TicketService.builder().store(store).clock(clock).build();
 * clock.advance(Duration.ofMinutes(15));
 * }</pre>
 *
 * <p>Its zone is UTC; {@link #withZone(ZoneId)} returns this same clock (TicketKit reads instants
 * only). {@link #set(Instant)} may move it backwards, which a test of clock skew may want; TicketKit
 * then records changes at the ticket's last change instead. Thread-safe: the instant is volatile
 * and {@link #advance(Duration)} is atomic.
 */
public final class MutableClock extends Clock {

  private volatile Instant now;

  /**
   * Creates a clock standing at an instant.
   *
   * @param start the instant
   * @throws NullPointerException if {@code start} is null
   */
  public MutableClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  /**
   * Returns a clock standing at an instant.
   *
   * @param start the instant
   * @return the clock
   * @throws NullPointerException if {@code start} is null
   */
  public static MutableClock of(Instant start) {
    return new MutableClock(start);
  }

  /**
   * Returns a clock standing at an instant written in ISO-8601, with {@code Z} or an offset, such
   * as {@code "2026-03-02T01:00:00Z"} or {@code "2026-03-02T09:00:00+08:00"}.
   *
   * @param isoInstant the instant's text
   * @return the clock
   * @throws DateTimeParseException if the text is neither form
   */
  public static MutableClock at(String isoInstant) {
    Objects.requireNonNull(isoInstant, "isoInstant");
    try {
      return new MutableClock(Instant.parse(isoInstant));
    } catch (DateTimeParseException notUtc) {
      return new MutableClock(OffsetDateTime.parse(isoInstant).toInstant());
    }
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
   * @param amount how far, not negative
   * @return the new instant
   * @throws IllegalArgumentException if {@code amount} is negative
   */
  public synchronized Instant advance(Duration amount) {
    if (Objects.requireNonNull(amount, "amount").isNegative()) {
      throw new IllegalArgumentException("amount must not be negative: " + amount);
    }
    now = now.plus(amount);
    return now;
  }

  /**
   * Moves the clock to an instant, forward or backward.
   *
   * @param instant the new instant
   * @throws NullPointerException if {@code instant} is null
   */
  public synchronized void set(Instant instant) {
    now = Objects.requireNonNull(instant, "instant");
  }

  /**
   * Moves the clock forward to an instant, or leaves it where it is if it already stands there or
   * later.
   *
   * @param instant the instant to reach
   * @return the new instant: the later of the two
   * @throws NullPointerException if {@code instant} is null
   */
  public synchronized Instant advanceTo(Instant instant) {
    if (Objects.requireNonNull(instant, "instant").isAfter(now)) {
      now = instant;
    }
    return now;
  }

  /**
   * Returns UTC, the zone of this clock.
   *
   * @return {@link ZoneOffset#UTC}
   */
  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /**
   * Returns this clock: its zone is fixed, and TicketKit reads instants only.
   *
   * @param zone ignored
   * @return this clock
   */
  @Override
  public Clock withZone(ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    return this;
  }

  /**
   * Returns the instant the clock stands at.
   *
   * @return the instant
   */
  @Override
  public Instant instant() {
    return now;
  }

  /**
   * Returns {@code MutableClock[instant]}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "MutableClock[" + now + "]";
  }
}
