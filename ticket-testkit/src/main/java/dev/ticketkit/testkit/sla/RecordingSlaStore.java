package dev.ticketkit.testkit.sla;

import dev.ticketkit.sla.store.DueHandler;
import dev.ticketkit.sla.store.SlaStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every due entry the store under test hands over, with the clock as the store holds it
 * at that moment and the node that asked. Thread-safe.
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
  public int processDue(Instant now, int limit, DueHandler handler) {
    String by = node;
    return super.processDue(now, limit, due -> {
      handOvers.add(new HandOver(due, now, by, delegate().clock(due.clock()).orElse(null)));
      handler.handle(due);
    });
  }
}
