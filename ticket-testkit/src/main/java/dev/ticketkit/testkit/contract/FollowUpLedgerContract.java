package dev.ticketkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.FollowUp;
import dev.ticketkit.core.FollowUpCursor;
import dev.ticketkit.core.FollowUpLedger;
import dev.ticketkit.core.FollowUpPage;
import dev.ticketkit.core.Message;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.SupportTier;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.workflow.StandardWorkflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The follow-up ledger on a store ({@link FollowUpLedger}): an agent's and a tier's open tickets
 * most urgent first, with their last public update, department check, due instant, overdue flag
 * and age, keyset-paged without gaps or repeats, for the tenant only.
 */
public abstract class FollowUpLedgerContract extends RequesterContract {

  /** Updates are due every 84 hours. */
  protected static final Duration CADENCE = Duration.ofHours(84);
  /** The ledger under test. */
  protected FollowUpLedger ledger;

  @BeforeEach
  void setUpLedger() {
    ledger = FollowUpLedger.of(service, CADENCE);
  }

  private Ticket assigned(String subject) {
    Ticket t = openTicket(tenant, subject);
    return service.assign(tenant, LI, t.id(), t.version(), LI.asAgent());
  }

  @Test
  void theLedgerListsOpenTicketsMostUrgentFirstWithTheirFacts() {
    Ticket old = assigned("Oldest");
    clock.advance(Duration.ofHours(1));
    Ticket replied = assigned("Replied later");
    Ticket recent = assigned("Recent");
    clock.advance(Duration.ofHours(1));
    replied = service.reply(tenant, LI, replied.id(), replied.version(),
        Message.of(Channel.EMAIL, "We are on it"));
    service.reply(tenant, WANG, recent.id(), recent.version(), Message.of(Channel.EMAIL, "?"));
    handoffs.handOver(tenant, LI, old.id(), store.get(tenant, old.id()).orElseThrow().version(),
        "technical", "logs?", null);
    Ticket h = store.get(tenant, old.id()).orElseThrow();
    clock.advance(Duration.ofHours(2));
    handoffs.check(tenant, LI, old.id(), h.version(), 1);
    Ticket closed = assigned("Closed");
    service.fire(tenant, WANG, closed.id(), closed.version(), StandardWorkflow.CANCEL);
    Ticket foreign = openTicket(otherTenant, "Other tenant");
    service.assign(otherTenant, LI, foreign.id(), foreign.version(), LI.asAgent());
    clock.advance(Duration.ofHours(81));

    FollowUpPage page = ledger.forAgent(tenant, LI.asAgent(), 10, null);

    assertThat(page.items()).extracting(f -> f.ticket().id())
        .containsExactly(old.id(), recent.id(), replied.id());
    FollowUp first = page.items().get(0);
    assertThat(first.lastPublicUpdate()).isEqualTo(old.createdAt());
    assertThat(first.nextFollowUpDue()).isEqualTo(old.createdAt().plus(CADENCE));
    assertThat(first.overdue()).isTrue();
    assertThat(first.lastDepartmentCheck()).isEqualTo(TicketFixtures.T0.plus(Duration.ofHours(4)));
    assertThat(first.age()).isEqualTo(Duration.ofHours(85));
    FollowUp last = page.items().get(2);
    assertThat(last.lastPublicUpdate()).isEqualTo(replied.updatedAt());
    assertThat(last.overdue()).isFalse();
    assertThat(page.next()).isNull();
    assertThat(ledger.forTier(tenant, SupportTier.of(1), 10, null).items()).hasSize(3);
    assertThat(ledger.forAgent(otherTenant, LI.asAgent(), 10, null).items())
        .extracting(f -> f.ticket().id()).containsExactly(foreign.id());
  }

  @Test
  void keysetPagesCoverTheLedgerOnceEvenWithEqualInstants() {
    List<TicketId> opened = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      opened.add(assigned("T" + i).id());
      if (i % 3 == 2) {
        clock.advance(Duration.ofMinutes(5));
      }
    }
    List<TicketId> seen = new ArrayList<>();
    FollowUpCursor cursor = null;
    int pages = 0;
    do {
      FollowUpPage page = ledger.forAgent(tenant, LI.asAgent(), 2, cursor);
      page.items().forEach(f -> seen.add(f.ticket().id()));
      cursor = page.next() == null ? null : FollowUpCursor.parse(page.next().toString());
      pages++;
    } while (cursor != null);

    assertThat(seen).containsExactlyElementsOf(opened);
    assertThat(pages).isEqualTo(4);
  }
}
