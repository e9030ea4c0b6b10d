package dev.ticketkit.testkit.report;

import dev.ticketkit.core.ActorKind;
import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.StatusCategory;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketReplay;
import dev.ticketkit.core.store.Page;
import dev.ticketkit.core.store.PageCursor;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.store.DoneWork;
import dev.ticketkit.sla.store.LadderLevelDue;
import java.time.Instant;
import dev.ticketkit.sla.store.SlaStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The slow, obvious oracle: rebuilds every version of every ticket with {@link TicketReplay}
 * (one full replay per version) and reads the raw conversation and SLA store, so that the report's
 * figures can be counted without the fact derivation. Each ticket becomes a {@link Life}: its
 * snapshots, its public replies, its clocks and fired escalations. Not thread-safe.
 */
public final class HistoryOracle {

  /** One ticket's whole life as the oracle sees it. */
  public record Life(Ticket latest, List<Ticket> versions, List<HistoryEntry> history,
      List<ConversationEntry> replies, List<SlaClock> clocks, List<Fired> fired) {
    /** Checks that the parts are present. */
    public Life {
      Objects.requireNonNull(latest, "latest");
      Objects.requireNonNull(versions, "versions");
      Objects.requireNonNull(history, "history");
      Objects.requireNonNull(replies, "replies");
      Objects.requireNonNull(clocks, "clocks");
      Objects.requireNonNull(fired, "fired");
    }


    /** Who made a version. */
    public dev.ticketkit.core.Actor actorOf(long version) {
      return history.stream().filter(e -> e.ticketVersion() == version).findFirst().orElseThrow()
          .actor();
    }

    /** The snapshot in force just before an instant, or null if the ticket did not exist. */
    public Ticket at(Instant t) {
      Ticket last = null;
      for (Ticket v : versions) {
        if (v.updatedAt().isBefore(t)) {
          last = v;
        }
      }
      return last;
    }

    /** The instant each version was made, paired with the version before it. */
    public List<Ticket[]> steps() {
      List<Ticket[]> out = new ArrayList<>();
      for (int i = 1; i < versions.size(); i++) {
        out.add(new Ticket[] {versions.get(i - 1), versions.get(i)});
      }
      return out;
    }

    /** When a cycle started: intake for 1, the version that first showed it otherwise. */
    public Instant cycleStart(int cycle) {
      for (Ticket v : versions) {
        if (v.cycle() == cycle) {
          return v.updatedAt();
        }
      }
      throw new IllegalStateException("no cycle " + cycle);
    }
  }

  private final List<Life> lives = new ArrayList<>();

  /**
   * Reads every ticket of a tenant.
   *
   * @param store the ticket store
   * @param sla the SLA store
   * @param tenant the tenant
   */
  public HistoryOracle(TicketStore store, SlaStore sla, TenantId tenant) {
    PageCursor cursor = null;
    do {
      Page<Ticket> page = store.query(tenant, TicketQuery.builder().limit(100).build()
          .withAfter(cursor));
      for (Ticket t : page.items()) {
        List<HistoryEntry> h = store.history(tenant, t.id());
        List<Ticket> versions = new ArrayList<>();
        for (long v = 1; v <= t.version(); v++) {
          long version = v;
          versions.add(TicketReplay.replay(h.stream().filter(e -> e.ticketVersion() <= version)
              .toList()));
        }
        List<ConversationEntry> replies = store.conversation(tenant, t.id()).stream()
            .filter(ConversationEntry::isPublic).toList();
        List<SlaClock> clocks = sla.clocks(tenant, t.id());
        List<Fired> fired = new java.util.ArrayList<>();
        for (DoneWork d : sla.done(tenant, t.id())) {
          if (d.work() instanceof LadderLevelDue l) {
            fired.add(new Fired(l.clock(), l.level(), l.dueAt(), d.doneAt()));
          }
        }
        lives.add(new Life(t, versions, h, replies, clocks, fired));
      }
      cursor = page.next();
    } while (cursor != null);
  }

  /**
   * Returns every ticket's life.
   *
   * @return the lives
   */
  public List<Life> lives() {
    return lives;
  }

  /** A resolution: the version that first entered RESOLVED in its cycle. */
  public record Resolution(Life life, int cycle, Instant at, Duration took, String agent) {
    /** Checks that the parts are present. */
    public Resolution {
      Objects.requireNonNull(life, "life");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(took, "took");
      Objects.requireNonNull(agent, "agent");
    }
  }

  /**
   * Returns every resolution of every ticket.
   *
   * @return the resolutions
   */
  public List<Resolution> resolutions() {
    List<Resolution> out = new ArrayList<>();
    for (Life l : lives) {
      List<Integer> done = new ArrayList<>();
      for (Ticket[] s : l.steps()) {
        Ticket after = s[1];
        if (after.status().category() == StatusCategory.RESOLVED
            && s[0].status().category() != StatusCategory.RESOLVED
            && !done.contains(after.cycle())) {
          done.add(after.cycle());
          Instant start = l.cycleStart(after.cycle());
          var actor = l.actorOf(after.version());
          String agent = actor.kind() == ActorKind.AGENT ? actor.id()
              : after.assignee() == null ? "" : after.assignee().value();
          out.add(new Resolution(l, after.cycle(), after.updatedAt(),
              Duration.between(start, after.updatedAt()), agent));
        }
      }
    }
    return out;
  }

  /** A move into a CLOSED state. */
  public record Closing(Life life, Ticket before, Ticket after) {

    /** Checks that the parts are present. */
    public Closing {
      Objects.requireNonNull(life, "life");
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
    }
  }

  /**
   * Returns every move into a CLOSED-category state.
   *
   * @return the closings
   */
  public List<Closing> closings() {
    List<Closing> out = new ArrayList<>();
    for (Life l : lives) {
      for (Ticket[] s : l.steps()) {
        if (s[1].status().category() == StatusCategory.CLOSED
            && s[0].status().category() != StatusCategory.CLOSED) {
          out.add(new Closing(l, s[0], s[1]));
        }
      }
    }
    return out;
  }

  /** A rating. */
  public record RatingGiven(Life life, Satisfaction satisfaction, Instant at, int cycle) {
    /** Checks that the parts are present. */
    public RatingGiven {
      Objects.requireNonNull(life, "life");
      Objects.requireNonNull(satisfaction, "satisfaction");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * Returns every rating given.
   *
   * @return the ratings
   */
  public List<RatingGiven> ratings() {
    List<RatingGiven> out = new ArrayList<>();
    for (Life l : lives) {
      for (int i = 1; i < l.versions().size(); i++) {
        Ticket before = l.versions().get(i - 1);
        Ticket after = l.versions().get(i);
        // A DISSATISFIED rating reopens in the same change, which clears the rating: read the
        // level from the history-free view, the conversation-free ticket before the reopen.
        if (after.cycle() > before.cycle() && before.rating() == null) {
          out.add(new RatingGiven(l, Satisfaction.DISSATISFIED, after.updatedAt(),
              before.cycle()));
        } else if (after.rating() != null && before.rating() == null) {
          out.add(new RatingGiven(l, after.rating().satisfaction(), after.updatedAt(),
              after.cycle()));
        }
      }
    }
    return out;
  }

  /**
   * Tells whether a ticket that closed was a first-contact resolution, counted directly.
   *
   * @param c the closing
   * @return true if closed in cycle 1 at the intake tier with no requester reply after the first
   *     agent reply
   */
  public static boolean firstContact(Closing c) {
    Life l = c.life();
    if (c.after().cycle() != 1 || !c.after().status().name().equals("CLOSED")) {
      return false;
    }
    int tier = l.versions().get(0).tier().level();
    for (Ticket v : l.versions()) {
      if (v.tier().level() > tier) {
        return false;
      }
    }
    Instant firstAgent = null;
    for (ConversationEntry e : l.replies()) {
      if (e.author().kind() == ActorKind.AGENT && firstAgent == null) {
        firstAgent = e.at();
      } else if (e.author().kind() == ActorKind.REQUESTER && firstAgent != null) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the nearest-rank percentile, computed the obvious way.
   *
   * @param values the values
   * @param p the fraction
   * @return the value, or null for no values
   */
  public static Duration percentile(List<Duration> values, double p) {
    if (values.isEmpty()) {
      return null;
    }
    List<Duration> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int rank = (int) Math.ceil(p * sorted.size() - 1e-9);
    return sorted.get(Math.max(1, rank) - 1);
  }

  /**
   * Returns the mean rounded down to the millisecond.
   *
   * @param values the values
   * @return the mean, or null for no values
   */
  public static Duration mean(List<Duration> values) {
    if (values.isEmpty()) {
      return null;
    }
    long sum = 0;
    for (Duration d : values) {
      sum += d.toMillis();
    }
    return Duration.ofMillis(Math.floorDiv(sum, values.size()));
  }

  /**
   * A ladder level recorded as done, read slowly from the SLA store.
   *
   * @param clock the clock
   * @param level the level
   * @param dueAt when it was due
   * @param firedAt when it was done
   */
  public record Fired(ClockKey clock, int level, Instant dueAt, Instant firedAt) {
    /** Checks that the parts are present. */
    public Fired {
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(dueAt, "dueAt");
      Objects.requireNonNull(firedAt, "firedAt");
    }
  }
}
