package dev.ticketkit.examples.month;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An outage of the simulated month: a burst of incidents about one failure, the first of which
 * an agent marks a problem and hands to the technical team; the others are linked to it and wait
 * until the fix, when resolving the problem proposes the resolution on all of them at once. Not
 * thread-safe.
 */
final class Outage {

  /** The outage's number, from 1. */
  final int number;
  /** When it begins (the problem ticket arrives). */
  final Instant startsAt;
  /** When the technical team's fix is released. */
  final Instant fixAt;
  /** The incidents drawn, the problem ticket included. */
  final int tickets;
  /** The problem's case, once its ticket is open. */
  Desk.Case problem;
  /** True once the problem ticket is marked a problem. */
  boolean marked;
  /** True once the problem is resolved. */
  boolean resolved;
  /** The incidents linked to the problem. */
  int linked;
  /** The incidents linked and waiting for the fix. */
  final List<Desk.Case> waiting = new ArrayList<>();

  Outage(int number, Instant startsAt, Instant fixAt, int tickets) {
    this.number = number;
    this.startsAt = startsAt;
    this.fixAt = fixAt;
    this.tickets = tickets;
  }
}
