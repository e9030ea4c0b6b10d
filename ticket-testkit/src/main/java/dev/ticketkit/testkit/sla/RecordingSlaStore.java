package dev.ticketkit.testkit.sla;

import dev.ticketkit.core.store.TransactionContext;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.store.DueHandler;
import dev.ticketkit.sla.store.DueWork;
import dev.ticketkit.sla.store.LadderLevelDue;
import dev.ticketkit.sla.store.SlaStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every piece of due work the store under test hands over, with the clock as the store
 * holds it at that moment and the node that asked. Thread-safe.
 */
final class RecordingSlaStore extends ForwardingSlaStore {

  private final List<HandOver> handOvers = new CopyOnWriteArrayList<>();
  private volatile String node = "A";

  RecordingSlaStore(SlaStore store) {
    super(store);
  }

  void node(String value) {
    node = value;
  }

  List<HandOver> handOvers() {
    return handOvers;
  }

  @Override
  public int claim(List<? extends DueWork> work, Instant now, DueHandler handler) {
    String by = node;
    return super.claim(work, now, due -> {
      handOvers.add(handOver(due, now, by));
      handler.handle(due);
    });
  }

  @Override
  public boolean complete(DueWork work, Instant doneAt, TransactionContext transaction) {
    HandOver seen = handOver(work, doneAt, node);
    boolean done = super.complete(work, doneAt, transaction);
    if (done) {
      handOvers.add(seen);
    }
    return done;
  }

  private HandOver handOver(DueWork due, Instant now, String by) {
    SlaClock clock = due instanceof LadderLevelDue l ? delegate().clock(l.clock()).orElse(null)
        : null;
    return new HandOver(due, now, by, clock);
  }
}
