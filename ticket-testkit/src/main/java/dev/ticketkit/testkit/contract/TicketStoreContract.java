package dev.ticketkit.testkit.contract;

import static dev.ticketkit.testkit.contract.TicketFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Status;
import dev.ticketkit.core.StatusCategory;
import dev.ticketkit.core.SupportTier;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketConflictException;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketKitException;
import dev.ticketkit.core.Visibility;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.kb.store.TicketLink;

/**
 * The contract every {@link TicketStore} must meet, as tests. A store's test class extends this
 * class and implements {@link #createStore()}; ticket-core runs it against
 * {@link InMemoryTicketStore}, and database stores run the very same tests from the test-jar.
 *
 * <p>Each test gets a fresh, empty store. Tests use their own tenants (random suffixes), so a
 * database store may also reuse one schema across tests.
 */
public abstract class TicketStoreContract extends TicketStoreQueryContract {

  @Test
  void insertedTicketReadsBackEqualWithItsHistory() {
    Ticket t = insert(tenant, Duration.ZERO);

    assertThat(store.get(tenant, t.id())).contains(t);
    assertThat(store.history(tenant, t.id()))
        .isEqualTo(TicketFixtures.opening(t).history());
    assertThat(store.conversation(tenant, t.id())).isEmpty();
  }

  @Test
  void updateReplacesTheTicketAndAppendsHistoryInOrder() {
    Ticket v1 = insert(tenant, Duration.ZERO);
    ChangeSet second = TicketFixtures.update(v1, T0.plusSeconds(60), b -> b.subject("Second"));
    Ticket v2 = commitUpdate(second);
    ChangeSet third = TicketFixtures.update(v2, T0.plusSeconds(120), b -> b.subject("Third"));
    Ticket v3 = commitUpdate(third);

    assertThat(v3).isEqualTo(third.ticket());
    assertThat(v3.version()).isEqualTo(3);
    List<HistoryEntry> expected = new ArrayList<>(TicketFixtures.opening(v1).history());
    expected.addAll(second.history());
    expected.addAll(third.history());
    assertThat(store.history(tenant, v1.id())).isEqualTo(expected);
  }

  @Test
  void everyFieldSurvivesTheRoundTrip() {
    Ticket v1 = insert(tenant, Duration.ZERO);
    ChangeSet full = TicketFixtures.update(v1, T0.plusSeconds(5), b -> b
        .scenario("场景: paying with WeChat Pay")
        .errorMessage("E1024 timeout\nline two")
        .reproductionSteps("1. open\n2. pay")
        .accountReference("ORDER-889")
        .category(Category.parse("Billing/Refunds"))
        .priority(Priority.URGENT)
        .status(Status.of("WAITING_ON_REQUESTER", StatusCategory.PENDING))
        .returnStatus(Status.of("DIAGNOSING", StatusCategory.OPEN))
        .statusChangedAt(T0.plusSeconds(5))
        .acceptedBy(AgentId.of("li"))
        .assignee(AgentId.of("zhang"))
        .tier(SupportTier.of(3))
        .tags(Set.of(Tag.of("vip"), Tag.of("退款")))
        .customFields(java.util.Map.of("device", dev.ticketkit.core.CustomFieldValue.text("X1"),
            "amount", dev.ticketkit.core.CustomFieldValue.decimal(new java.math.BigDecimal("12.50"))))
        .links(List.of(dev.ticketkit.core.TicketLink.of(dev.ticketkit.core.LinkType.RELATED,
            TicketId.of(UUID.randomUUID()))))
        .attachments(List.of(dev.ticketkit.core.Attachment.of(
            java.net.URI.create("https://files.example/a 1".replace(" ", "%20")), "shot 1.png",
            "image/png", 4821)))
        .rating(dev.ticketkit.core.Rating.of(dev.ticketkit.core.Satisfaction.NEUTRAL, "ok"))
        .resolutionSummary("cleared cache")
        .cycle(2));
    Ticket stored = commitUpdate(full);

    assertThat(stored).isEqualTo(full.ticket());
  }

  @Test
  void staleWriteConflictsAndWritesNothing() {
    Ticket v1 = insert(tenant, Duration.ZERO);
    Ticket v2 = commitUpdate(TicketFixtures.update(v1, T0.plusSeconds(1), b -> b.subject("B")));
    ChangeSet stale = TicketFixtures.update(v1, T0.plusSeconds(2), b -> b.subject("C"));

    assertThatThrownBy(() -> commit(stale))
        .isInstanceOfSatisfying(TicketConflictException.class, e -> {
          assertThat(e.expectedVersion()).isEqualTo(1);
          assertThat(e.actualVersion()).isEqualTo(2);
          assertThat(e.ticketId()).isEqualTo(v1.id());
        });
    assertThat(store.get(tenant, v1.id())).contains(v2);
    assertThat(store.history(tenant, v1.id())).hasSize(3);
  }

  @Test
  void updateOfAMissingTicketConflicts() {
    Ticket ghost = TicketFixtures.ticket(tenant, 7, T0);
    ChangeSet update = TicketFixtures.update(ghost, T0.plusSeconds(1), b -> b.subject("B"));

    assertThatThrownBy(() -> commit(update)).isInstanceOf(TicketConflictException.class);
    assertThat(store.get(tenant, ghost.id())).isEmpty();
  }

  @Test
  void insertingATakenIdConflicts() {
    Ticket v1 = insert(tenant, Duration.ZERO);
    Ticket again = v1.toBuilder().subject("Again").build();

    assertThatThrownBy(() -> commit(TicketFixtures.opening(again)))
        .isInstanceOf(TicketConflictException.class);
    assertThat(store.get(tenant, v1.id())).contains(v1);
    assertThat(store.count(tenant, TicketQuery.all())).isEqualTo(1);
  }

  @Test
  void aTenantMayUseAnIdAnotherTenantUses() {
    Ticket theirs = insert(otherTenant, Duration.ZERO);
    Ticket mine = TicketFixtures.ticket(tenant, 1, T0).toBuilder().id(theirs.id())
        .subject("Mine").build();

    Ticket stored = commit(TicketFixtures.opening(mine)).ticket();

    assertThat(store.get(tenant, theirs.id())).contains(stored);
    assertThat(store.get(otherTenant, theirs.id())).contains(theirs);
    assertThat(store.history(tenant, theirs.id())).hasSize(2);
    assertThat(store.history(otherTenant, theirs.id())).hasSize(2);
  }

  @Test
  void theStoreNumbersNewTicketsWhateverNumberTheyCarry() {
    Ticket first = commit(TicketFixtures.opening(TicketFixtures.ticket(tenant, 40, T0))).ticket();
    ChangeSet second = commit(TicketFixtures.opening(TicketFixtures.ticket(tenant, 40, T0)));

    assertThat(first.number()).isEqualTo(1);
    assertThat(second.ticket().number()).isEqualTo(2);
    assertThat(second.history()).anySatisfy(e -> {
      assertThat(e.field()).isEqualTo(dev.ticketkit.core.TicketField.NUMBER);
      assertThat(e.after()).isEqualTo("2");
    });
    assertThat(store.get(tenant, second.ticketId())).contains(second.ticket());
  }

  @Test
  void conversationComesBackInVersionOrderWithNotes() {
    Ticket v1 = insert(tenant, Duration.ZERO);
    ChangeSet reply = TicketFixtures.conversation(v1, T0.plusSeconds(1), Visibility.PUBLIC, "hi");
    Ticket v2 = commitUpdate(reply);
    ChangeSet note =
        TicketFixtures.conversation(v2, T0.plusSeconds(2), Visibility.INTERNAL, "secret");
    commitUpdate(note);

    assertThat(store.conversation(tenant, v1.id()))
        .containsExactly(reply.conversation().get(0), note.conversation().get(0));
  }

  @Test
  void anotherTenantSeesNothing() {
    Ticket t = insert(tenant, Duration.ZERO);
    commitUpdate(TicketFixtures.conversation(t, T0.plusSeconds(1), Visibility.PUBLIC, "hi"));

    assertThat(store.get(otherTenant, t.id())).isEmpty();
    assertThat(store.history(otherTenant, t.id())).isEmpty();
    assertThat(store.conversation(otherTenant, t.id())).isEmpty();
    assertThat(store.query(otherTenant, TicketQuery.all()).items()).isEmpty();
    assertThat(store.count(otherTenant, TicketQuery.all())).isZero();
  }

  @Test
  void anotherTenantCannotOverwriteATicket() {
    Ticket t = insert(tenant, Duration.ZERO);
    Ticket intruder = t.toBuilder().tenant(otherTenant).build();
    ChangeSet hijack = TicketFixtures.update(intruder, T0.plusSeconds(1), b -> b.subject("Mine"));

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
    Ticket v1 = insert(tenant, Duration.ZERO);
    AtomicInteger wins = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();
    runConcurrently(8, i -> {
      try {
        commit(TicketFixtures.update(v1, T0.plusSeconds(1), b -> b.subject("W" + i)));
        wins.incrementAndGet();
      } catch (TicketConflictException e) {
        conflicts.incrementAndGet();
      }
    });
    assertThat(wins).hasValue(1);
    assertThat(conflicts).hasValue(7);
    assertThat(store.history(tenant, v1.id())).hasSize(3);
    assertThat(store.get(tenant, v1.id()).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void theUnitOfWorkRunsInsideTheCommitWithTheNumberedChangeSet() {
    insert(tenant, Duration.ZERO);
    List<String> calls = new ArrayList<>();
    ChangeSet opening = TicketFixtures.opening(TicketFixtures.ticket(tenant, 1, T0));

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
    Ticket v1 = insert(tenant, Duration.ZERO);
    List<String> undone = new ArrayList<>();
    IllegalStateException failure = new IllegalStateException("SLA table is locked");
    ChangeSet update = TicketFixtures.update(v1, T0.plusSeconds(1), b -> b.subject("B"));
    long pending = store.outbox().pendingCount();

    assertThatThrownBy(() -> store.commit(update, (changes, tx) -> {
      tx.onRollback(() -> undone.add("undo"));
      throw failure;
    })).isSameAs(failure);
    assertThat(undone).containsExactly("undo");
    assertThat(store.get(tenant, v1.id())).contains(v1);
    assertThat(store.history(tenant, v1.id())).hasSize(2);
    assertThat(store.outbox().pendingCount()).isEqualTo(pending);

    commit(update);
    assertThat(store.get(tenant, v1.id()).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void aFailingUnitOfWorkLeavesANewTicketUnwritten() {
    Ticket t = TicketFixtures.ticket(tenant, 1, T0);

    assertThatThrownBy(() -> store.commit(TicketFixtures.opening(t), (changes, tx) -> {
      throw new InvalidInputException("slaPolicy", "gold", "is unknown");
    })).isInstanceOf(InvalidInputException.class);
    assertThat(store.get(tenant, t.id())).isEmpty();
    assertThat(store.count(tenant, TicketQuery.all())).isZero();
  }

  @Test
  void everyCommitAppendsItsEventsToTheOutboxInOrder() {
    long before = store.outbox().pendingCount();
    Ticket v1 = insert(tenant, Duration.ZERO);
    ChangeSet update = TicketFixtures.update(v1, T0.plusSeconds(1), b -> b.subject("B"));
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
