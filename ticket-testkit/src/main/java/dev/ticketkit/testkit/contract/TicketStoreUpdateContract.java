package dev.ticketkit.testkit.contract;

import static dev.ticketkit.testkit.contract.TicketFixtures.AGENT;
import static dev.ticketkit.testkit.contract.TicketFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.LinkType;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketConflictException;
import dev.ticketkit.core.TicketEdit;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketLink;
import dev.ticketkit.core.TicketNotFoundException;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.core.store.TicketChange;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.core.store.UnitOfWork;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The part of the {@link TicketStoreContract} about changing a stored ticket: the read-modify-write
 * of {@link dev.ticketkit.core.store.TicketStore#update} (the locked read, the version check, the
 * change computed from the locked ticket, nothing written when anything fails) and the ticket's
 * tag and link rows following its changes. Extend {@link TicketStoreContract}, not this class.
 */
public abstract class TicketStoreUpdateContract extends TicketStoreTextContract {

  private static TicketChange subjectChange(String subject) {
    return TicketFixtures.changeOf(T0.plusSeconds(60), (s, t) -> s.edit(t.tenant(), AGENT,
        t.id(), t.version(), TicketEdit.builder().subject(subject).build()));
  }

  @Test
  void updateCommitsTheChangeComputedFromTheStoredTicket() {
    ChangeSet opened = commit(TicketFixtures.opening(tenant, T0));
    Ticket v1 = opened.ticket();
    List<Ticket> seen = new ArrayList<>();
    List<ChangeSet> worked = new ArrayList<>();

    Optional<ChangeSet> committed = store.update(tenant, v1.id(), 1, current -> {
      seen.add(current);
      return subjectChange("Second").apply(current);
    }, (changes, tx) -> worked.add(changes));

    assertThat(seen).containsExactly(v1);
    assertThat(committed).isPresent();
    assertThat(worked).containsExactly(committed.get());
    Ticket v2 = committed.get().ticket();
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.subject()).isEqualTo("Second");
    assertThat(store.get(tenant, v1.id())).contains(v2);
    List<HistoryEntry> history = new ArrayList<>(opened.history());
    history.addAll(committed.get().history());
    assertThat(store.history(tenant, v1.id())).isEqualTo(history);
  }

  @Test
  void updateWithAStaleVersionConflictsWithoutAskingTheChange() {
    Ticket v1 = insert(tenant, Duration.ZERO);
    store.update(tenant, v1.id(), 1, subjectChange("B"), UnitOfWork.NONE);
    AtomicInteger asked = new AtomicInteger();

    assertThatThrownBy(() -> store.update(tenant, v1.id(), 1, current -> {
      asked.incrementAndGet();
      return subjectChange("C").apply(current);
    }, UnitOfWork.NONE)).isInstanceOfSatisfying(TicketConflictException.class, e -> {
      assertThat(e.expectedVersion()).isEqualTo(1);
      assertThat(e.actualVersion()).isEqualTo(2);
    });
    assertThat(asked).hasValue(0);
    assertThat(store.get(tenant, v1.id()).orElseThrow().subject()).isEqualTo("B");
  }

  @Test
  void updateOfAMissingTicketIsNotFound() {
    TicketId ghost = TicketId.of(java.util.UUID.randomUUID());
    Ticket theirs = insert(otherTenant, Duration.ZERO);

    assertThatThrownBy(() -> store.update(tenant, ghost, 1, subjectChange("B"), UnitOfWork.NONE))
        .isInstanceOf(TicketNotFoundException.class);
    assertThatThrownBy(() -> store.update(tenant, theirs.id(), 1, subjectChange("B"),
        UnitOfWork.NONE)).as("another tenant's ticket").isInstanceOf(TicketNotFoundException.class);
    assertThat(store.get(otherTenant, theirs.id())).contains(theirs);
  }

  @Test
  void anUpdateThatChangesNothingWritesNothing() {
    ChangeSet opened = commit(TicketFixtures.opening(tenant, T0));
    long pending = store.outbox().pendingCount();
    List<ChangeSet> worked = new ArrayList<>();

    Optional<ChangeSet> committed = store.update(tenant, opened.ticketId(), 1, current -> null,
        (changes, tx) -> worked.add(changes));

    assertThat(committed).isEmpty();
    assertThat(worked).isEmpty();
    assertThat(store.get(tenant, opened.ticketId())).contains(opened.ticket());
    assertThat(store.history(tenant, opened.ticketId())).isEqualTo(opened.history());
    assertThat(store.outbox().pendingCount()).isEqualTo(pending);
  }

  @Test
  void aFailingChangeOrUnitOfWorkWritesNothingAndIsRethrownUnchanged() {
    ChangeSet opened = commit(TicketFixtures.opening(tenant, T0));
    Ticket v1 = opened.ticket();
    long pending = store.outbox().pendingCount();
    IllegalStateException refused = new IllegalStateException("refused");
    List<String> undone = new ArrayList<>();

    assertThatThrownBy(() -> store.update(tenant, v1.id(), 1, current -> {
      throw refused;
    }, UnitOfWork.NONE)).isSameAs(refused);
    assertThatThrownBy(() -> store.update(tenant, v1.id(), 1, subjectChange("B"),
        (changes, tx) -> {
          tx.onRollback(() -> undone.add("undo"));
          throw refused;
        })).isSameAs(refused);

    assertThat(undone).containsExactly("undo");
    assertThat(store.get(tenant, v1.id())).contains(v1);
    assertThat(store.history(tenant, v1.id())).isEqualTo(opened.history());
    assertThat(store.outbox().pendingCount()).isEqualTo(pending);
  }

  @Test
  void concurrentUpdatesOfOneVersionHaveExactlyOneWinner() throws Exception {
    Ticket v1 = insert(tenant, Duration.ZERO);
    AtomicInteger wins = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();

    runConcurrently(8, i -> {
      try {
        store.update(tenant, v1.id(), 1, subjectChange("W" + i), UnitOfWork.NONE);
        wins.incrementAndGet();
      } catch (TicketConflictException e) {
        conflicts.incrementAndGet();
      }
    });

    assertThat(wins).hasValue(1);
    assertThat(conflicts).hasValue(7);
    assertThat(store.get(tenant, v1.id()).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void writersThatRetryOnConflictLoseNoUpdate() throws Exception {
    Ticket v1 = insert(tenant, Duration.ZERO);

    runConcurrently(6, i -> {
      Tag tag = Tag.of("writer-" + i);
      while (true) {
        long version = store.get(tenant, v1.id()).orElseThrow().version();
        try {
          store.update(tenant, v1.id(), version, TicketFixtures.changeOf(T0.plusSeconds(1),
              (s, t) -> s.tag(t.tenant(), AGENT, t.id(), t.version(), tag)), UnitOfWork.NONE);
          return;
        } catch (TicketConflictException e) {
          // another writer got there first: read again
        }
      }
    });

    Ticket last = store.get(tenant, v1.id()).orElseThrow();
    assertThat(last.version()).isEqualTo(7);
    assertThat(last.tags().stream().map(Tag::value).collect(Collectors.toSet()))
        .isEqualTo(IntStream.range(0, 6).mapToObj(i -> "writer-" + i)
            .collect(Collectors.toSet()));
  }

  @Test
  void tagRowsFollowTheTicketsTags() {
    TicketId id = insert(tenant, Duration.ZERO).id();
    TicketId other = insert(tenant, Duration.ZERO).id();
    apply(T0.plusSeconds(1), s -> s.tag(tenant, AGENT, id, 1, Tag.of("refund")));
    apply(T0.plusSeconds(2), s -> s.tag(tenant, AGENT, id, 2, Tag.of("vip")));
    apply(T0.plusSeconds(3), s -> s.tag(tenant, AGENT, other, 1, Tag.of("refund")));
    Ticket t = apply(T0.plusSeconds(4), s -> s.untag(tenant, AGENT, id, 3, Tag.of("refund")));

    assertThat(t.tags()).containsExactly(Tag.of("vip"));
    assertThat(ids(TicketQuery.builder().tags(Tag.of("refund")).build())).containsExactly(other);
    assertThat(ids(TicketQuery.builder().tags(Tag.of("vip")).build())).containsExactly(id);

    apply(T0.plusSeconds(5), s -> s.tag(tenant, AGENT, id, 4, Tag.of("refund")));
    assertThat(ids(TicketQuery.builder().tags(Tag.of("refund")).build()))
        .containsExactlyInAnyOrder(other, id);
  }

  @Test
  void linksAreStoredWithTheTicket() {
    Ticket problem = insert(tenant, Duration.ZERO);
    Ticket incident = insert(tenant, Duration.ZERO);
    TicketLink first = TicketLink.of(LinkType.RELATED, problem.id());

    Ticket linked = apply(T0.plusSeconds(1),
        s -> s.link(tenant, AGENT, incident.id(), 1, first));

    assertThat(linked.links()).containsExactly(first);
    assertThat(store.get(tenant, incident.id()).orElseThrow().links()).containsExactly(first);
  }

  private Set<TicketId> ids(TicketQuery query) {
    return new HashSet<>(store.query(tenant, query).items().stream().map(Ticket::id).toList());
  }
}
