package dev.ticketkit.core;

import static dev.ticketkit.core.ServiceFixture.ACME;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Eight agents writing one ticket at once: optimistic concurrency loses nothing. */
class ConcurrentWritesTest {

  private static final int THREADS = 8;
  private static final int WRITES_PER_THREAD = 25;

  private final ServiceFixture f = new ServiceFixture();

  @RepeatedTest(3)
  void everySuccessfulWriteIsInTheHistoryAndNoneIsLost() throws Exception {
    Ticket t = f.open();
    Map<Long, String> writtenAt = new ConcurrentHashMap<>();
    AtomicInteger conflicts = new AtomicInteger();
    runTogether(i -> {
      Actor agent = Actor.agent("agent-" + i);
      for (int n = 0; n < WRITES_PER_THREAD; n++) {
        String label = i + "-" + n;
        int step = n;
        Ticket written = ConflictRetry.run(1000, () -> {
          Ticket current = f.service.require(ACME, t.id());
          try {
            return write(agent, current, label, step);
          } catch (TicketConflictException e) {
            conflicts.incrementAndGet();
            throw e;
          }
        });
        assertThat(writtenAt.put(written.version(), label)).isNull();
      }
    });

    int total = THREADS * WRITES_PER_THREAD;
    Ticket last = f.service.require(ACME, t.id());
    List<HistoryEntry> history = f.service.history(ACME, t.id());
    assertThat(last.version()).isEqualTo(1 + total);
    assertThat(writtenAt).hasSize(total);
    assertThat(history.stream().map(HistoryEntry::ticketVersion).distinct().toList())
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 1 + total)
            .boxed().toList());
    Map<Long, String> recorded = history.stream()
        .filter(h -> h.field().equals(TicketField.TAGS) || h.field().startsWith("custom.writer_"))
        .collect(Collectors.toMap(HistoryEntry::ticketVersion, ConcurrentWritesTest::label));
    f.service.conversation(ACME, t.id()).forEach(c ->
        recorded.put(c.ticketVersion(), c.body().substring("reply ".length())));
    assertThat(recorded).isEqualTo(writtenAt);
    assertThat(TicketReplay.replay(history)).isEqualTo(last);
    assertThat(f.service.conversation(ACME, t.id())).hasSize(THREADS * countReplies());
  }

  @Test
  void ofEightWritersOfOneVersionExactlyOneWins() throws Exception {
    Ticket t = f.open();
    AtomicInteger wins = new AtomicInteger();
    Set<String> losers = ConcurrentHashMap.newKeySet();
    runTogether(i -> {
      try {
        f.service.changePriority(ACME, Actor.agent("a" + i), t.id(), 1,
            i % 2 == 0 ? Priority.HIGH : Priority.LOW);
        wins.incrementAndGet();
      } catch (TicketConflictException e) {
        losers.add("a" + i);
      }
    });

    assertThat(wins).hasValue(1);
    assertThat(losers).hasSize(THREADS - 1);
    assertThat(f.service.history(ACME, t.id()).stream()
        .filter(h -> h.action() == HistoryAction.PRIORITY_CHANGED)).hasSize(1);
  }

  /** One write in five tags, one replies, three edit the thread's custom field; all labelled. */
  private Ticket write(Actor agent, Ticket current, String label, int n) {
    if (n % 5 == 0) {
      return f.service.tag(ACME, agent, current.id(), current.version(), Tag.of("w" + label));
    }
    if (n % 5 == 1) {
      return f.service.reply(ACME, agent, current.id(), current.version(),
          Message.of(Channel.EMAIL, "reply " + label));
    }
    return f.service.edit(ACME, agent, current.id(), current.version(), TicketEdit.builder()
        .customField("writer_" + agent.id().replace('-', '_'), CustomFieldValue.text(label))
        .build());
  }

  private static int countReplies() {
    int replies = 0;
    for (int n = 0; n < WRITES_PER_THREAD; n++) {
      replies += n % 5 == 1 ? 1 : 0;
    }
    return replies;
  }

  private static String label(HistoryEntry h) {
    return h.field().equals(TicketField.TAGS)
        ? h.after().substring(1)
        : h.after().substring("text:".length());
  }

  private static void runTogether(IntConsumer task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        int index = i;
        futures.add(pool.submit(() -> {
          start.await();
          task.accept(index);
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
