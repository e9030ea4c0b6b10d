package dev.ticketkit.examples.month;

/** What the simulation did, counted as it did it (the report counts from the stores). */
final class Counters {
  int requests;
  int deflected;
  int opened;
  int spikeTickets;
  int resolutions;
  int ratings;
  int tierEscalations;
  int refused;
  int notifications;
  int autoClosed;
  int handoffsOpened;
  int handoffsAnswered;
  int handoffsReturned;
  int handoffChecks;
  int followUps;
  int problems;
  int incidentsLinked;
  int incidentsProposed;
  /** Dissatisfied ratings by reason code (not copied: the day lines do not show it). */
  final java.util.Map<String, Integer> dissatisfiedByReason = new java.util.TreeMap<>();

  /** Returns a copy, to diff a day's counts. */
  Counters copy() {
    Counters c = new Counters();
    c.requests = requests;
    c.deflected = deflected;
    c.opened = opened;
    c.spikeTickets = spikeTickets;
    c.resolutions = resolutions;
    c.ratings = ratings;
    c.tierEscalations = tierEscalations;
    c.refused = refused;
    c.notifications = notifications;
    c.autoClosed = autoClosed;
    c.handoffsOpened = handoffsOpened;
    c.handoffsAnswered = handoffsAnswered;
    c.handoffsReturned = handoffsReturned;
    c.handoffChecks = handoffChecks;
    c.followUps = followUps;
    c.problems = problems;
    c.incidentsLinked = incidentsLinked;
    c.incidentsProposed = incidentsProposed;
    return c;
  }
}
