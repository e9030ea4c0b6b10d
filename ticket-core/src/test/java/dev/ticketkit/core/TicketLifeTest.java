package dev.ticketkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.workflow.StandardWorkflow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A ticket from WeChat intake through a dissatisfied rating, replayed from its history. */
class TicketLifeTest {

  @Test
  void lifeOfATicket() {
    MutableClock clock = MutableClock.standard();
    InMemoryTicketStore store = InMemoryTicketStore.create();
    List<Object> events = new ArrayList<>();
    TicketService service = TicketService.builder().store(store).clock(clock)
        .listener(events::add).build();
    TenantId tenant = TenantId.of("acme");
    Actor li = Actor.agent("li");
    Ticket t = service.open(tenant, Actor.requester("r1"), NewTicket.builder()
        .requester(Requester.of("r1", "Wang", ContactHandle.wechatOpenId("o123")))
        .channel(Channel.WECHAT_OFFICIAL_ACCOUNT).subject("App crashes").description("On login")
        .priority(Priority.URGENT).build());
    t = service.fire(tenant, li, t.id(), t.version(), StandardWorkflow.ACCEPT);
    t = service.fire(tenant, li, t.id(), t.version(), StandardWorkflow.DIAGNOSE);
    t = service.fire(tenant, li, t.id(), t.version(), StandardWorkflow.WAIT_ON_REQUESTER);
    t = service.reply(tenant, Actor.requester("r1"), t.id(), t.version(),
        Message.of(Channel.WECHAT_OFFICIAL_ACCOUNT, "here is the log"));
    assertThat(t.status().name()).isEqualTo(StandardWorkflow.DIAGNOSING);
    t = service.note(tenant, li, t.id(), t.version(), Message.of(Channel.API, "internal"));
    t = service.fire(tenant, li, t.id(), t.version(), StandardWorkflow.START_FIX);
    t = service.edit(tenant, li, t.id(), t.version(),
        TicketEdit.builder().resolutionSummary("fixed").build());
    t = service.fire(tenant, li, t.id(), t.version(), StandardWorkflow.PROPOSE_RESOLUTION);
    t = service.rate(tenant, Actor.requester("r1"), t.id(), t.version(),
        Rating.of(Satisfaction.DISSATISFIED, "still broken"));
    assertThat(t.cycle()).isEqualTo(2);
    assertThat(t.tier().level()).isEqualTo(2);
    assertThat(t.status().name()).isEqualTo(StandardWorkflow.DIAGNOSING);
    List<HistoryEntry> history = service.history(tenant, t.id());
    assertThat(TicketReplay.replay(history)).isEqualTo(t);
    assertThat(service.requesterView(tenant, t.id()).replies()).hasSize(1);
    assertThat(events).isNotEmpty();
  }
}
