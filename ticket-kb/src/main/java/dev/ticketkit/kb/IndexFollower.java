package dev.ticketkit.kb;

import dev.ticketkit.kb.search.ArticleSearchIndex;
import dev.ticketkit.kb.store.ArticleChange;
import dev.ticketkit.kb.store.ArticleStore;
import dev.ticketkit.kb.store.KbStorageException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one node's search index in step with article changes made on other nodes: it reads the
 * store's change sequence ({@link ArticleStore#changesAfter}) and re-indexes each changed article
 * from the store. The host runs {@link #catchUp()} periodically, on its own executor
 * ({@link #schedule}); with a 500 ms period an article saved on one node is searchable on every
 * other within about a second.
 *
 * <p>Implementation notes: a database hands out sequence numbers when a save starts and may
 * commit them out of order, so a number can appear after higher ones were read. The follower
 * keeps a watermark below which every number was applied, re-reads from it each time, and skips a
 * missing number only after {@link #GAP_TIMEOUT} (a save that rolled back leaves a gap forever).
 * Re-reading is harmless: the index ignores versions it already holds, and the article is read
 * from the store at its newest version. Thread-safe: {@code catchUp} calls are serialized.
 */
public final class IndexFollower {

  /** How long a missing sequence number is waited for before it is taken as a rolled-back save. */
  public static final Duration GAP_TIMEOUT = Duration.ofSeconds(30);
  private static final int PAGE = 500;
  /**
   * A new follower starts this many sequence numbers before the store's last one, so that saves
   * still committing when it starts (with lower numbers) are not missed.
   */
  static final long START_MARGIN = 500;
  private static final Logger LOG = LoggerFactory.getLogger(IndexFollower.class);

  private final ArticleStore store;
  private final ArticleSearchIndex index;
  private final Clock clock;
  private long watermark;
  private final TreeSet<Long> applied = new TreeSet<>();
  private final Map<Long, Instant> missingSince = new HashMap<>();

  IndexFollower(ArticleStore store, ArticleSearchIndex index, Clock clock, long from) {
    this.store = store;
    this.index = index;
    this.clock = clock;
    this.watermark = from;
  }

  /**
   * Applies every change committed since the last call to the index.
   *
   * @return how many changes were read (re-reads of not yet contiguous numbers included)
   * @throws KbStorageException if the store or the index fails (the next call retries)
   */
  public synchronized int catchUp() {
    int read = 0;
    for (List<ArticleChange> page = store.changesAfter(watermark, PAGE); !page.isEmpty();
        page = store.changesAfter(watermark, PAGE)) {
      for (ArticleChange change : page) {
        if (applied.add(change.sequence())) {
          store.find(change.tenant(), change.articleId()).ifPresent(index::index);
        }
      }
      read += page.size();
      long before = watermark;
      advance(page.get(page.size() - 1).sequence());
      if (watermark == before) {
        break;
      }
    }
    return read;
  }

  /** Moves the watermark over applied numbers and over gaps older than the timeout. */
  private void advance(long highestSeen) {
    Instant now = clock.instant();
    while (watermark < highestSeen) {
      long next = watermark + 1;
      if (applied.remove(next)) {
        watermark = next;
        missingSince.remove(next);
        continue;
      }
      Instant since = missingSince.computeIfAbsent(next, n -> now);
      if (Duration.between(since, now).compareTo(GAP_TIMEOUT) < 0) {
        return;
      }
      LOG.debug("article change {} never committed; skipped", next);
      missingSince.remove(next);
      watermark = next;
    }
  }

  /**
   * Returns the sequence number up to which every change is applied.
   *
   * @return the watermark
   */
  public synchronized long position() {
    return watermark;
  }

  /**
   * Runs {@link #catchUp()} on the host's executor at a fixed delay; a failure is logged and
   * retried at the next run.
   *
   * @param executor the host's scheduler
   * @param period the delay between runs, positive (500 ms keeps nodes within about a second)
   * @return the scheduled task, to cancel
   */
  public ScheduledFuture<?> schedule(ScheduledExecutorService executor, Duration period) {
    Objects.requireNonNull(executor, "executor");
    if (period.isNegative() || period.isZero()) {
      throw new dev.ticketkit.core.InvalidInputException("period", period, "must be positive");
    }
    return executor.scheduleWithFixedDelay(() -> {
      try {
        catchUp();
      } catch (RuntimeException e) {
        LOG.warn("index follower failed; retrying at the next run", e);
      }
    }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }
}
