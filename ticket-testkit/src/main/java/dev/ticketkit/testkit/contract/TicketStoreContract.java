package dev.ticketkit.testkit.contract;

import static dev.ticketkit.testkit.contract.TicketFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketConflictException;
import dev.ticketkit.core.TicketField;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.Visibility;
import dev.ticketkit.core.event.TicketOpened;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.core.store.UnitOfWork;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link TicketStore} must meet, as tests. A store's test class extends this
 * class and implements {@link #createStore()}; ticket-testkit runs it against
 * {@link InMemoryTicketStore}, and database stores run the very same tests. It includes the query
 * contract ({@link TicketStoreQueryContract}), the text contract
 * ({@link TicketStoreTextContract}) and the update contract ({@link TicketStoreUpdateContract}).
 *
 * <p>Each test gets a fresh, empty store. Tests use their own tenants (random suffixes), so a
 * database store may also reuse one schema across tests. Every change set a test commits is a
 * genuine one, made by a {@code TicketService} and recorded instead of written (see
 * {@link TicketFixtures}): the store under test sees exactly what it sees in production.
 */
public abstract class TicketStoreContract extends TicketStoreUpdateContract {

  @Test
  void insertedTicketReadsBackEqualWithItsHistory() {
    ChangeSet opened = commit(TicketFixtures.opening(tenant, T0));
    Ticket t = opened.ticket();

    assertThat(store.get(tenant, t.id())).contains(t);
    assertThat(store.history(tenant, t.id())).isEqualTo(opened.history());
    assertThat(store.conversation(tenant, t.id())).isEmpty();
  }

  @Test
  void updateReplacesTheTicketAndAppendsHistoryInOrder() {
    ChangeSet opened = commit(TicketFixtures.opening(tenant, T0));
    Ticket v1 = opened.ticket();
    ChangeSet second = subject(v1, T0.plusSeconds(60), "Second");
    Ticket v2 = commitUpdate(second);
    ChangeSet third = subject(v2, T0.plusSeconds(120), "Third");
    Ticket v3 = commitUpdate(third);

    assertThat(v3).isEqualTo(third.ticket());
    assertThat(v3.version()).isEqualTo(3);
    assertThat(v3.subject()).isEqualTo("Third");
    List<HistoryEntry> expected = new ArrayList<>(opened.history());
    expected.addAll(second.history());
    expected.addAll(third.history());
    assertThat(store.history(tenant, v1.id())).isEqualTo(expected);
  }

  @Test
  void staleWriteConflictsAndWritesNothing() {
    ChangeSet opened = commit(TicketFixtures.opening(tenant, T0));
    Ticket v1 = opened.ticket();
    ChangeSet second = subject(v1, T0.plusSeconds(1), "B");
    ChangeSet stale = subject(v1, T0.plusSeconds(2), "C");
    Ticket v2 = commitUpdate(second);

    assertThatThrownBy(() -> commit(stale))
        .isInstanceOfSatisfying(TicketConflictException.class, e -> {
          assertThat(e.expectedVersion()).isEqualTo(1);
          assertThat(e.actualVersion()).isEqualTo(2);
          assertThat(e.ticketId()).isEqualTo(v1.id());
        });
    assertThat(store.get(tenant, v1.id())).contains(v2);
    assertThat(store.history(tenant, v1.id()))
        .hasSize(opened.history().size() + second.history().size());
  }

  @Test
  void updateOfAMissingTicketConflicts() {
    TicketStore elsewhere = InMemoryTicketStore.create();
    Ticket ghost = elsewhere.commit(TicketFixtures.opening(tenant, T0), UnitOfWork.NONE).ticket();
    ChangeSet update = TicketFixtures.update(elsewhere, ghost, T0.plusSeconds(1),
        b -> b.subject("B"));

    assertThatThrownBy(() -> commit(update)).isInstanceOf(TicketConflictException.class);
    assertThat(store.get(tenant, ghost.id())).isEmpty();
    assertThat(store.history(tenant, ghost.id())).isEmpty();
  }

  @Test
  void insertingATakenIdConflicts() {
    Ticket v1 = insert(tenant, Duration.ZERO);
    ChangeSet again = TicketFixtures.opening(tenant, v1.id(), T0,
        TicketFixtures.intake("Again").build());

    assertThatThrownBy(() -> commit(again)).isInstanceOf(TicketConflictException.class);
    assertThat(store.get(tenant, v1.id())).contains(v1);
    assertThat(store.count(tenant, TicketQuery.all())).isEqualTo(1);
  }

  @Test
  void aTenantMayUseAnIdAnotherTenantUses() {
    ChangeSet theirs = commit(TicketFixtures.opening(otherTenant, T0));
    TicketId id = theirs.ticketId();
    ChangeSet mine = commit(TicketFixtures.opening(tenant, id, T0,
        TicketFixtures.intake("Mine").build()));

    assertThat(store.get(tenant, id)).contains(mine.ticket());
    assertThat(store.get(otherTenant, id)).contains(theirs.ticket());
    assertThat(store.history(tenant, id)).isEqualTo(mine.history());
    assertThat(store.history(otherTenant, id)).isEqualTo(theirs.history());
  }

  @Test
  void theStoreNumbersNewTicketsWhateverNumberTheyCarry() {
    ChangeSet firstOpening = TicketFixtures.opening(tenant, T0);
    ChangeSet secondOpening = TicketFixtures.opening(tenant, T0);
    Ticket first = commit(firstOpening).ticket();
    ChangeSet second = commit(secondOpening);

    assertThat(secondOpening.ticket().number()).as("the service's provisional number").isOne();
    assertThat(first.number()).isEqualTo(1);
    assertThat(second.ticket().number()).isEqualTo(2);
    assertThat(second.history()).anySatisfy(e -> {
      assertThat(e.field()).isEqualTo(TicketField.NUMBER);
      assertThat(e.after()).isEqualTo("2");
    });
    assertThat(second.events()).first().isInstanceOfSatisfying(TicketOpened.class,
        e -> assertThat(e.number()).isEqualTo(2));
    assertThat(store.get(tenant, second.ticketId())).contains(second.ticket());
    assertThat(store.history(tenant, second.ticketId())).isEqualTo(second.history());
  }

  @Test
  void conversationComesBackInVersionOrderWithNotes() {
    Ticket v1 = insert(tenant, Duration.ZERO);
    ChangeSet reply =
        TicketFixtures.conversation(store, v1, T0.plusSeconds(1), Visibility.PUBLIC, "hi");
    Ticket v2 = commitUpdate(reply);
    ChangeSet note =
        TicketFixtures.conversation(store, v2, T0.plusSeconds(2), Visibility.INTERNAL, "secret");
    commitUpdate(note);

    assertThat(store.conversation(tenant, v1.id()))
        .containsExactly(reply.conversation().get(0), note.conversation().get(0));
  }

  @Test
  void anotherTenantSeesNothing() {
    Ticket t = insert(tenant, Duration.ZERO);
    commitUpdate(TicketFixtures.conversation(store, t, T0.plusSeconds(1), Visibility.PUBLIC, "hi"));

    assertThat(store.get(otherTenant, t.id())).isEmpty();
    assertThat(store.history(otherTenant, t.id())).isEmpty();
    assertThat(store.conversation(otherTenant, t.id())).isEmpty();
    assertThat(store.query(otherTenant, TicketQuery.all()).items()).isEmpty();
    assertThat(store.count(otherTenant, TicketQuery.all())).isZero();
  }

  @Test
  void anotherTenantCannotOverwriteATicket() {
    Ticket t = insert(tenant, Duration.ZERO);
    TicketStore elsewhere = InMemoryTicketStore.create();
    Ticket intruder = elsewhere.commit(TicketFixtures.opening(otherTenant, t.id(), T0,
        TicketFixtures.intake().build()), UnitOfWork.NONE).ticket();
    ChangeSet hijack = TicketFixtures.update(elsewhere, intruder, T0.plusSeconds(1),
        b -> b.subject("Mine"));

    assertThatThrownBy(() -> commit(hijack)).isInstanceOf(TicketConflictException.class);
    assertThat(store.get(tenant, t.id())).contains(t);
    assertThat(store.get(otherTenant, t.id())).isEmpty();
  }

  @Test
  void numbersIncreasePerTenantIndependently() {
    long a1 = insert(tenant, Duration.ZERO).number();
    long a2 = insert(tenant, Duration.ZERO).number();
    long b1 = insert(otherTenant, Duration.ZERO).number();

    assertThat(a1).isEqualTo(1);
    assertThat(a2).isEqualTo(2);
    assertThat(b1).isEqualTo(1);
  }

  @Test
  void concurrentInsertsNeverRepeatANumber() throws Exception {
    Set<Long> seen = ConcurrentHashMap.newKeySet();
    AtomicInteger repeats = new AtomicInteger();
    runConcurrently(8, i -> {
      for (int n = 0; n < 10; n++) {
        if (!seen.add(insert(tenant, Duration.ZERO).number())) {
          repeats.incrementAndGet();
        }
      }
    });
    assertThat(repeats).hasValue(0);
    assertThat(seen).hasSize(80);
    assertThat(store.count(tenant, TicketQuery.all())).isEqualTo(80);
  }

  @Test
  void concurrentWritersOfOneVersionHaveExactlyOneWinner() throws Exception {
    ChangeSet opened = commit(TicketFixtures.opening(tenant, T0));
    Ticket v1 = opened.ticket();
    List<ChangeSet> writes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      writes.add(subject(v1, T0.plusSeconds(1), "W" + i));
    }
    AtomicInteger wins = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();
    runConcurrently(8, i -> {
      try {
        commit(writes.get(i));
        wins.incrementAndGet();
      } catch (TicketConflictException e) {
        conflicts.incrementAndGet();
      }
    });
    assertThat(wins).hasValue(1);
    assertThat(conflicts).hasValue(7);
    assertThat(store.history(tenant, v1.id()))
        .hasSize(opened.history().size() + writes.get(0).history().size());
    assertThat(store.get(tenant, v1.id()).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void theUnitOfWorkRunsInsideTheCommitWithTheNumberedChangeSet() {
    insert(tenant, Duration.ZERO);
    List<String> calls = new ArrayList<>();
    ChangeSet opening = TicketFixtures.opening(tenant, T0);

    ChangeSet committed = store.commit(opening, (changes, tx) -> {
      assertThat(store.get(changes.tenant(), changes.ticketId()))
          .as("not visible before the commit completes").isEmpty();
      calls.add("work #" + changes.ticket().number() + " v" + changes.ticket().version());
    });

    assertThat(calls).containsExactly("work #2 v1");
    assertThat(committed.ticket().number()).isEqualTo(2);
  }

  @Test
  void aFailingUnitOfWorkAbortsTheCommitAndIsRethrownUnchanged() {
    ChangeSet opened = commit(TicketFixtures.opening(tenant, T0));
    Ticket v1 = opened.ticket();
    List<String> undone = new ArrayList<>();
    IllegalStateException failure = new IllegalStateException("SLA table is locked");
    ChangeSet update = subject(v1, T0.plusSeconds(1), "B");
    long pending = store.outbox().pendingCount();

    assertThatThrownBy(() -> store.commit(update, (changes, tx) -> {
      tx.onRollback(() -> undone.add("undo"));
      throw failure;
    })).isSameAs(failure);
    assertThat(undone).containsExactly("undo");
    assertThat(store.get(tenant, v1.id())).contains(v1);
    assertThat(store.history(tenant, v1.id())).isEqualTo(opened.history());
    assertThat(store.outbox().pendingCount()).isEqualTo(pending);

    commit(update);
    assertThat(store.get(tenant, v1.id()).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void aFailingUnitOfWorkLeavesANewTicketUnwritten() {
    ChangeSet opening = TicketFixtures.opening(tenant, T0);

    assertThatThrownBy(() -> store.commit(opening, (changes, tx) -> {
      throw new InvalidInputException("slaPolicy", "gold", "is unknown");
    })).isInstanceOf(InvalidInputException.class);
    assertThat(store.get(tenant, opening.ticketId())).isEmpty();
    assertThat(store.count(tenant, TicketQuery.all())).isZero();
  }

  @Test
  void everyCommitAppendsItsEventsToTheOutboxInOrder() {
    long before = store.outbox().pendingCount();
    Ticket v1 = insert(tenant, Duration.ZERO);
    ChangeSet update = subject(v1, T0.plusSeconds(1), "B");
    commit(update);
    List<dev.ticketkit.core.outbox.OutboxMessage> seen = new ArrayList<>();

    int delivered = 0;
    while (store.outbox().pendingCount() > 0) {
      delivered += store.outbox().deliverPending(50, T0, seen::add);
    }

    assertThat(delivered).isEqualTo(before + 2);
    List<String> mine = seen.stream().filter(m -> m.event().ticketId().equals(v1.id()))
        .map(m -> m.idempotencyKey() + " " + m.event().getClass().getSimpleName()).toList();
    assertThat(mine).containsExactly(tenant + "/" + v1.id() + ":1:0 TicketOpened",
        tenant + "/" + v1.id() + ":2:0 TicketEdited");
  }

  @Test
  void aRefusedOutboxMessageStaysPendingAndComesAgain() {
    insert(tenant, Duration.ZERO);
    while (store.outbox().pendingCount() > 1) {
      store.outbox().deliverPending(Math.toIntExact(store.outbox().pendingCount() - 1), T0, m -> { });
    }
    List<Integer> attempts = new ArrayList<>();

    int refused = store.outbox().deliverPending(10, T0, m -> {
      attempts.add(m.attempt());
      throw new IllegalStateException("bus down");
    });
    int delivered = store.outbox().deliverPending(10, T0, m -> attempts.add(m.attempt()));

    assertThat(refused).isZero();
    assertThat(delivered).isEqualTo(1);
    assertThat(attempts).containsExactly(1, 2);
    assertThat(store.outbox().pendingCount()).isZero();
    assertThat(store.outbox().purgeDelivered(T0.plusSeconds(1))).isPositive();
  }
}
