package dev.ticketkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.ConflictRetry;
import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.ProblemDesk;
import dev.ticketkit.core.ProblemLoad;
import dev.ticketkit.core.ProblemRecord;
import dev.ticketkit.core.ProblemReplies;
import dev.ticketkit.core.ProblemResolution;
import dev.ticketkit.core.ProblemUpdate;
import dev.ticketkit.core.StatusCategory;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketField;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketReplay;
import dev.ticketkit.core.Visibility;
import dev.ticketkit.core.event.IncidentResolutionProposed;
import dev.ticketkit.core.event.ProblemRecorded;
import dev.ticketkit.core.workflow.StandardWorkflow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Problems and their incidents on a store ({@link ProblemDesk}): both directions of the link,
 * open problems by incident count, the resolution proposed once per incident (also under
 * concurrent resolvers and editors), the fix date told to requesters, for the tenant only.
 */
public abstract class ProblemContract extends SupportProcessContract {

  /** The desk under test, with the standard English replies. */
  protected ProblemDesk desk;

  @BeforeEach
  void setUpDesk() {
    desk = ProblemDesk.of(service, ProblemReplies.standard(Locale.ENGLISH));
  }

  /** Opens a ticket and marks it a problem. */
  protected Ticket problem(TenantId owner, String subject) {
    Ticket t = openTicket(owner, subject);
    return desk.record(owner, LI, t.id(), t.version(),
        ProblemRecord.reported("Payment gateway times out under load", LocalDate.of(2024, 3, 20)))
        .problem();
  }

  /** Opens a ticket, accepts it and links it to a problem. */
  protected Ticket incident(TenantId owner, Ticket problem, String subject) {
    Ticket t = openTicket(owner, subject);
    t = service.fire(owner, LI, t.id(), t.version(), StandardWorkflow.ACCEPT);
    return desk.linkIncident(owner, LI, t.id(), t.version(), problem.id());
  }

  @Test
  void incidentsAndProblemsAreFoundBothWays() {
    Ticket p = problem(tenant, "Gateway timeouts");
    Ticket small = problem(tenant, "Slow invoices");
    Ticket a = incident(tenant, p, "Cannot pay");
    Ticket b = incident(tenant, p, "Payment spins");
    incident(tenant, small, "Invoice late");
    Ticket plain = openTicket(tenant, "Unrelated");
    Ticket foreign = problem(otherTenant, "Gateway timeouts");

    assertThat(desk.incidents(tenant, p.id())).extracting(Ticket::id)
        .containsExactly(a.id(), b.id());
    assertThat(desk.problemOf(tenant, a.id())).map(Ticket::id).contains(p.id());
    assertThat(desk.problemOf(tenant, plain.id())).isEmpty();
    assertThat(desk.openProblems(tenant)).extracting(l -> l.problem().id(),
        ProblemLoad::openIncidents).containsExactly(
            org.assertj.core.groups.Tuple.tuple(p.id(), 2L),
            org.assertj.core.groups.Tuple.tuple(small.id(), 1L));
    assertThat(desk.incidents(otherTenant, p.id())).isEmpty();
    assertThat(desk.openProblems(otherTenant)).extracting(l -> l.problem().id())
        .containsExactly(foreign.id());
    assertThat(store.get(tenant, p.id()).orElseThrow().problem().report())
        .isEqualTo("Payment gateway times out under load");
    assertThat(TicketReplay.replay(store.history(tenant, p.id()))).isEqualTo(
        store.get(tenant, p.id()).orElseThrow());
  }

  @Test
  void onlyAProblemTakesIncidentsAndAnIncidentHasOneProblem() {
    Ticket p = problem(tenant, "Gateway timeouts");
    Ticket other = problem(tenant, "Another defect");
    Ticket plain = openTicket(tenant, "Not a problem");
    Ticket a = incident(tenant, p, "Cannot pay");

    assertThatThrownBy(() -> desk.linkIncident(tenant, LI, a.id(), a.version(), plain.id()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining(plain.id().toString());
    assertThatThrownBy(() -> desk.linkIncident(tenant, LI, a.id(), a.version(), other.id()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("already an incident");
    assertThatThrownBy(() -> desk.linkIncident(tenant, WANG, a.id(), a.version(), p.id()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("actor");
    assertThat(store.get(tenant, a.id())).contains(a);
    assertThat(desk.linkIncident(tenant, LI, a.id(), a.version(), p.id())).isEqualTo(a);
  }

  @Test
  void resolvingProposesOnEveryOpenIncidentOnceWithAReply() {
    Ticket p = problem(tenant, "Gateway timeouts");
    Ticket fresh = openTicket(tenant, "Brand new");
    fresh = desk.linkIncident(tenant, LI, fresh.id(), fresh.version(), p.id());
    Ticket accepted = incident(tenant, p, "Cannot pay");
    Ticket done = incident(tenant, p, "Already closed");
    service.fire(tenant, WANG, done.id(), done.version(), StandardWorkflow.CANCEL);

    ProblemResolution first = desk.resolve(tenant, LI, p.id(), "Gateway pool enlarged to 200");
    ProblemResolution again = desk.resolve(tenant, LI, p.id(), "Gateway pool enlarged to 200");

    assertThat(first.proposed()).containsExactly(fresh.id(), accepted.id());
    assertThat(first.isComplete()).isTrue();
    assertThat(again.proposed()).isEmpty();
    assertThat(again.problem()).isEqualTo(first.problem());
    assertThat(first.problem().problem().resolution()).isEqualTo("Gateway pool enlarged to 200");
    for (TicketId id : List.of(fresh.id(), accepted.id())) {
      Ticket t = store.get(tenant, id).orElseThrow();
      assertThat(t.status().name()).isEqualTo(StandardWorkflow.AWAITING_CONFIRMATION);
      assertThat(t.resolutionSummary()).isEqualTo("Gateway pool enlarged to 200");
      assertThat(service.requesterView(tenant, id).replies()).extracting(r -> r.body())
          .anyMatch(body -> body.contains("Gateway pool enlarged to 200")
              && body.contains("#" + p.number()));
      assertThat(TicketReplay.replay(store.history(tenant, id))).isEqualTo(t);
    }
    assertThat(store.get(tenant, done.id()).orElseThrow().status().category())
        .isEqualTo(StatusCategory.CLOSED);
    assertThat(deliveredEvents(tenant)).filteredOn(IncidentResolutionProposed.class::isInstance)
        .extracting(e -> e.ticketId()).containsExactlyInAnyOrder(fresh.id(), accepted.id());
    assertThatThrownBy(() -> desk.resolve(tenant, LI, p.id(), "Something else"))
        .hasMessageContaining("another summary");
  }

  @Test
  void aNewFixDateIsToldToTheRequestersOfOpenIncidents() {
    Ticket p = problem(tenant, "Gateway timeouts");
    Ticket a = incident(tenant, p, "Cannot pay");
    Ticket closed = incident(tenant, p, "Gave up");
    service.fire(tenant, WANG, closed.id(), closed.version(), StandardWorkflow.CANCEL);
    Ticket current = store.get(tenant, p.id()).orElseThrow();

    ProblemUpdate same = desk.record(tenant, LI, p.id(), current.version(), current.problem());
    ProblemUpdate moved = desk.record(tenant, LI, p.id(), current.version(),
        current.problem().withFixExpectedOn(LocalDate.of(2024, 4, 2)));

    assertThat(same.notified()).isEmpty();
    assertThat(same.problem()).isEqualTo(current);
    assertThat(moved.notified()).containsExactly(a.id());
    List<ConversationEntry> told = service.conversation(tenant, a.id());
    assertThat(told.get(told.size() - 1)).satisfies(e -> {
      assertThat(e.visibility()).isEqualTo(Visibility.PUBLIC);
      assertThat(e.body()).contains("2024-04-02");
    });
    assertThat(service.conversation(tenant, closed.id())).isEmpty();
    assertThat(deliveredEvents(tenant)).filteredOn(ProblemRecorded.class::isInstance)
        .map(e -> (ProblemRecorded) e).filteredOn(ProblemRecorded::fixDateChanged).hasSize(1);
    assertThatThrownBy(() -> desk.record(tenant, LI, p.id(), moved.problem().version(),
        moved.problem().problem().withResolution("sneaky")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("problem.resolution");
  }

  @Test
  void concurrentResolversAndEditorsLoseNoUpdateAndProposeEachIncidentOnce() throws Exception {
    Ticket p = problem(tenant, "Gateway timeouts");
    List<Ticket> incidents = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      incidents.add(incident(tenant, p, "Cannot pay " + i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(10);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> runs = new ArrayList<>();
    try {
      for (int r = 0; r < 8; r++) {
        runs.add(pool.submit((Callable<ProblemResolution>) () -> {
          start.await();
          return desk.resolve(tenant, LI, p.id(), "Gateway pool enlarged");
        }));
      }
      for (int e = 0; e < 2; e++) {
        String editor = "editor" + e;
        runs.add(pool.submit((Callable<Void>) () -> {
          start.await();
          for (Ticket t : incidents) {
            ConflictRetry.run(100, () -> {
              Ticket c = service.require(tenant, t.id());
              return service.tag(tenant, LI, c.id(), c.version(), Tag.of(editor));
            });
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : runs) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    desk.resolve(tenant, LI, p.id(), "Gateway pool enlarged");

    for (Ticket t : incidents) {
      Ticket after = store.get(tenant, t.id()).orElseThrow();
      assertThat(after.tags()).contains(Tag.of("editor0"), Tag.of("editor1"));
      assertThat(after.status().name()).isEqualTo(StandardWorkflow.AWAITING_CONFIRMATION);
      List<HistoryEntry> history = store.history(tenant, t.id());
      assertThat(history).filteredOn(h -> TicketField.CAUSE.equals(h.field())
          && h.after().contains("resolution is proposed")).hasSize(1);
      assertThat(TicketReplay.replay(history)).isEqualTo(after);
    }
  }
}
