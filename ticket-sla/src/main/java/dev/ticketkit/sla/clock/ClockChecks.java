package dev.ticketkit.sla.clock;

import dev.ticketkit.core.InvalidInputException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The consistency checks of {@link SlaClock}'s constructor. Stateless and thread-safe. */
final class ClockChecks {

  private ClockChecks() {}

  static void pauses(Instant startedAt, List<PauseInterval> pauses) {
    Instant last = startedAt;
    for (int i = 0; i < pauses.size(); i++) {
      PauseInterval p = pauses.get(i);
      if (p.start().isBefore(last)) {
        throw new InvalidInputException("pauses[" + i + "]", p,
            "must start at or after the clock's start and the previous pause's end");
      }
      if (p.isOpen() && i != pauses.size() - 1) {
        throw new InvalidInputException("pauses[" + i + "]", p, "only the last pause may be open");
      }
      last = p.isOpen() ? p.start() : p.end();
    }
  }

  /** Checks the state against the other parts; called before the record's fields are set. */
  static void state(ClockKey key, ClockState state, Instant startedAt, List<PauseInterval> pauses,
      @Nullable Instant dueAt, @Nullable Instant stoppedAt) {
    boolean open = stoppedAt == null;
    boolean paused = !pauses.isEmpty() && pauses.get(pauses.size() - 1).isOpen();
    String problem = switch (state) {
      case RUNNING -> !open || paused || dueAt == null
          ? "RUNNING needs an open, unpaused clock with a due instant" : null;
      case PAUSED -> !open || !paused ? "PAUSED needs an open clock whose last pause is open" : null;
      case MET, CANCELLED -> open ? state + " needs a stop instant" : null;
      case BREACHED -> dueAt == null ? "BREACHED needs a due instant" : null;
    };
    if (problem != null) {
      throw new InvalidInputException("state", state, problem + " (clock " + key + ")");
    }
    if (stoppedAt != null && (stoppedAt.isBefore(startedAt) || paused)) {
      throw new InvalidInputException("stoppedAt", stoppedAt,
          "must not be before the start nor come with an open pause (clock " + key + ")");
    }
  }
}
