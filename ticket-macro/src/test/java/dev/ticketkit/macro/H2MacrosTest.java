package dev.ticketkit.macro;

import static dev.ticketkit.macro.MacrosTest.ACME;
import static dev.ticketkit.macro.MacrosTest.LI;
import static dev.ticketkit.macro.MacrosTest.ZH_CN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketConflictException;
import dev.ticketkit.core.TicketReplay;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.outbox.OutboxMessage;
import dev.ticketkit.jdbc.JdbcTicketKit;
import dev.ticketkit.core.workflow.StandardWorkflow;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The same macro on the jOOQ store over H2: one commit (ticket, history, conversation and outbox
 * at one version), and a stale version writes nothing, in the database too.
 */
class H2MacrosTest {

  private static JdbcTicketKit kit() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:macro-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return JdbcTicketKit.create(h2);
  }

  @Test
  void aMacroIsOneCommitOnTheJdbcStore() {
    JdbcTicketKit kit = kit();
    MacrosTest.World w = new MacrosTest.World(kit.ticketStore());
    Ticket t = w.accepted();
    drain(kit);

    Ticket after = w.macros.apply(ACME, LI, t.id(), t.version(), "refund-approved", ZH_CN);

    assertThat(kit.ticketStore().get(ACME, t.id())).contains(after);
    assertThat(after.status().name()).isEqualTo(StandardWorkflow.DIAGNOSING);
    assertThat(MacrosTest.lastReply(w, t).body()).contains("2026年3月10日 ", "6:00", "李伟");
    List<HistoryEntry> history = w.history(t);
    assertThat(TicketReplay.replay(history)).isEqualTo(after);
    assertThat(drain(kit)).isNotEmpty()
        .allSatisfy(e -> assertThat(e.header().ticketVersion()).isEqualTo(after.version()));
  }

  @Test
  void aStaleMacroWritesNothingToTheDatabase() {
    JdbcTicketKit kit = kit();
    MacrosTest.World w = new MacrosTest.World(kit.ticketStore());
    Ticket t = w.accepted();
    Ticket moved = w.service.changePriority(ACME, LI, t.id(), t.version(), Priority.LOW);
    int history = w.history(t).size();
    drain(kit);

    assertThatThrownBy(() -> w.macros.apply(ACME, LI, t.id(), t.version(), "refund-approved",
        ZH_CN)).isInstanceOf(TicketConflictException.class);

    assertThat(kit.ticketStore().get(ACME, t.id())).contains(moved);
    assertThat(w.history(t)).hasSize(history);
    assertThat(drain(kit)).isEmpty();
  }

  private static List<TicketEvent> drain(JdbcTicketKit kit) {
    List<OutboxMessage> seen = new ArrayList<>();
    while (kit.ticketStore().outbox().pendingCount() > 0) {
      kit.ticketStore().outbox().deliverPending(100, java.time.Instant.parse("2026-03-09T03:00:00Z"),
          seen::add);
    }
    return seen.stream().map(OutboxMessage::event).toList();
  }
}
