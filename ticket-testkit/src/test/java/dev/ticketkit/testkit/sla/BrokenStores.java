package dev.ticketkit.testkit.sla;

import dev.ticketkit.core.store.TransactionContext;
import dev.ticketkit.sla.clock.ClockState;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.store.ClockUpdate;
import dev.ticketkit.sla.store.DueHandler;
import dev.ticketkit.sla.store.DueWork;
import dev.ticketkit.sla.store.LadderLevelDue;
import java.util.ArrayList;
import java.util.List;
import dev.ticketkit.sla.store.SlaChanges;
import dev.ticketkit.sla.store.SlaStore;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Deliberately broken SLA stores, each with a bug a real store could have, built on
 * {@link ForwardingSlaStore} as a host would wrap its own store.
 */
final class BrokenStores {

  private BrokenStores() {}

  /** Hands every due piece of work to the engine twice, as a claim without its done check. */
  static final class DoubleFiring extends ForwardingSlaStore {
    DoubleFiring(SlaStore store) {
      super(store);
    }

    @Override
    public int claim(List<? extends DueWork> work, Instant now, DueHandler handler) {
      return super.claim(work, now, due -> {
        handler.handle(due);
        handler.handle(due);
      });
    }
  }

  /** Keeps elapsed business time in whole minutes, rounding up (an integer minutes column). */
  static final class ElapsedInWholeMinutes extends RewritingStore {
    ElapsedInWholeMinutes(SlaStore store) {
      super(store, c -> copy(c, roundUp(c.elapsed()), c.dueAt()));
    }

    private static Duration roundUp(Duration d) {
      long minutes = d.toMinutes() + (d.equals(Duration.ofMinutes(d.toMinutes())) ? 0 : 1);
      return Duration.ofMinutes(minutes);
    }
  }

  /** Writes the due instant as Shanghai wall time read back as UTC: eight hours early. */
  static final class DueInLocalTime extends RewritingStore {
    DueInLocalTime(SlaStore store) {
      super(store, c -> copy(c, c.elapsed(), c.dueAt() == null ? null
          : c.dueAt().minus(Duration.ofHours(8))));
    }
  }

  /** Never deletes schedule entries: an empty schedule (paused or stopped clock) keeps the old one. */
  static final class StaleSchedule extends RewritingStore {
    StaleSchedule(SlaStore store) {
      super(store, UnaryOperator.identity());
    }

    @Override
    ClockUpdate rewrite(ClockUpdate u) {
      if (!u.schedule().isEmpty()) {
        return u;
      }
      List<LadderLevelDue> old = new ArrayList<>();
      for (DueWork w : delegate().pending(u.clock().key().tenant(), u.clock().key().ticket())) {
        if (w instanceof LadderLevelDue l && l.clock().equals(u.clock().key())) {
          old.add(l);
        }
      }
      return new ClockUpdate(u.clock(), old);
    }
  }

  /** Records a clock met exactly at its due instant as BREACHED (breach taken as {@code >=}). */
  static final class MetAtDueBreached extends RewritingStore {
    MetAtDueBreached(SlaStore store) {
      super(store, c -> c.state() == ClockState.MET && c.dueAt() != null
          && c.stoppedAt() != null && !c.stoppedAt().isAfter(c.dueAt())
          ? new SlaClock(c.key(), c.ticketCycle(), c.target(), c.startedAt(), ClockState.BREACHED,
              c.pauses(), c.elapsed(), c.asOf(), c.dueAt(), c.stoppedAt())
          : c);
    }
  }

  /** Forgets that a running clock breached: stores it RUNNING, due a day after its change. */
  static final class BreachForgotten extends RewritingStore {
    BreachForgotten(SlaStore store) {
      super(store, c -> c.state() == ClockState.BREACHED && c.isRunning()
          ? new SlaClock(c.key(), c.ticketCycle(), c.target(), c.startedAt(), ClockState.RUNNING,
              c.pauses(), c.elapsed(), c.asOf(), c.asOf().plus(Duration.ofDays(1)), null)
          : c);
    }
  }

  /** Rewrites each clock update on its way in. */
  abstract static class RewritingStore extends ForwardingSlaStore {
    private final UnaryOperator<SlaClock> rewrite;

    RewritingStore(SlaStore store, UnaryOperator<SlaClock> rewrite) {
      super(store);
      this.rewrite = rewrite;
    }

    @Override
    public void write(SlaChanges changes, TransactionContext transaction) {
      super.write(rewritten(changes), transaction);
    }

    @Override
    public void write(SlaChanges changes) {
      super.write(rewritten(changes));
    }

    ClockUpdate rewrite(ClockUpdate u) {
      return new ClockUpdate(rewrite.apply(u.clock()), u.schedule());
    }

    private SlaChanges rewritten(SlaChanges changes) {
      return new SlaChanges(changes.ticketVersion(),
          changes.updates().stream().map(this::rewrite).toList(), changes.rules());
    }

    static SlaClock copy(SlaClock c, Duration elapsed, Instant dueAt) {
      return new SlaClock(c.key(), c.ticketCycle(), c.target(), c.startedAt(), c.state(),
          c.pauses(), elapsed, c.asOf(), dueAt, c.stoppedAt());
    }
  }
}
