package dev.ticketkit.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.CustomFieldValue;
import dev.ticketkit.core.HistoryAction;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.Message;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketChanges;
import dev.ticketkit.core.TicketEdit;
import dev.ticketkit.core.TicketField;
import dev.ticketkit.core.TicketReplay;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.workflow.StandardWorkflow;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The service's redactor: intake texts, every reply's and note's body, the texts and text custom
 * fields an edit changes (also as a macro's step) and rating comments are stored masked, one
 * history entry per change says that redaction happened (counts, not values), replay still
 * rebuilds the ticket, and without a redactor nothing changes.
 */
class RedactionThroughServiceTest {

  private static final TenantId ACME = TenantId.of("acme");
  private static final Actor AGENT = Actor.agent("li");
  private static final Actor REQUESTER = Actor.requester("u-7");
  private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);
  private final InMemoryTicketStore store = InMemoryTicketStore.create();
  private final TicketService service = TicketService.builder().store(store).clock(clock)
      .redactor(Redactor.standard()).build();

  static NewTicket intake() {
    return NewTicket.builder()
        .requester(Requester.of("u-7", "Qian Wei", ContactHandle.phone("13912345678")))
        .channel(Channel.EMAIL)
        .subject("Refund for order 202403011234567890, call 13912345678")
        .description("My card 4111 1111 1111 1111 was charged twice; mail qian@example.com")
        .build();
  }

  @Test
  void intakeTextsAreStoredMaskedWithOneHistoryEntry() {
    Ticket t = service.open(ACME, REQUESTER, intake());
    assertThat(t.subject()).isEqualTo("Refund for order 202403011234567890, call [mobile]");
    assertThat(t.description())
        .isEqualTo("My card [bank-card] was charged twice; mail [email]");
    assertThat(store.get(ACME, t.id()).orElseThrow()).isEqualTo(t);
    List<HistoryEntry> history = store.history(ACME, t.id());
    List<HistoryEntry> redactions = history.stream()
        .filter(e -> e.field().equals(TicketField.REDACTION)).toList();
    assertThat(redactions).hasSize(1);
    assertThat(redactions.get(0).action()).isEqualTo(HistoryAction.OPENED);
    assertThat(redactions.get(0).after()).isEqualTo("bank-card=1, email=1, mobile=1");
    assertThat(history).allSatisfy(e -> assertThat(e.before() + " " + e.after())
        .doesNotContain("13912345678 ").doesNotContain("qian@").doesNotContain("1111 1111"));
    assertThat(TicketReplay.replay(history)).isEqualTo(t);
  }

  @Test
  void repliesAndNotesAreStoredMasked() {
    Ticket t = service.open(ACME, REQUESTER, intake());
    t = service.reply(ACME, REQUESTER, t.id(), t.version(),
        Message.of(Channel.EMAIL, "new number 13800001111"));
    t = service.note(ACME, AGENT, t.id(), t.version(),
        Message.of(Channel.EMAIL, "customer ID 11010519491231002X verified"));
    t = service.reply(ACME, AGENT, t.id(), t.version(),
        Message.of(Channel.EMAIL, "Tracking SF1234567890123 ships today"));
    assertThat(store.conversation(ACME, t.id())).extracting(e -> e.body()).containsExactly(
        "new number [mobile]", "customer ID [resident-id] verified",
        "Tracking SF1234567890123 ships today");
    List<HistoryEntry> history = store.history(ACME, t.id());
    assertThat(history.stream().filter(e -> e.field().equals(TicketField.REDACTION))
        .map(e -> e.action() + ":" + e.after()).toList()).containsExactly(
        "OPENED:bank-card=1, email=1, mobile=1", "REPLIED:mobile=1", "NOTED:resident-id=1");
    assertThat(TicketReplay.replay(history)).isEqualTo(t);
  }

  private List<String> redactions(Ticket t) {
    return store.history(ACME, t.id()).stream()
        .filter(e -> e.field().equals(TicketField.REDACTION))
        .map(e -> e.action() + ":" + e.after()).toList();
  }

  @Test
  void editsAreStoredMaskedWithAHistoryEntry() {
    Ticket t = service.open(ACME, REQUESTER, intake());
    t = service.edit(ACME, AGENT, t.id(), t.version(), TicketEdit.builder()
        .subject("Refund, customer now on 13700002222")
        .description("Card 4111 1111 1111 1111 per chat")
        .resolutionSummary("Called qian.wei@example.net, order 202403011234567890 refunded")
        .build());
    assertThat(t.subject()).isEqualTo("Refund, customer now on [mobile]");
    assertThat(t.resolutionSummary())
        .isEqualTo("Called [email], order 202403011234567890 refunded");
    assertThat(t.description()).isEqualTo("Card [bank-card] per chat");
    assertThat(redactions(t)).containsExactly("OPENED:bank-card=1, email=1, mobile=1",
        "EDITED:bank-card=1, email=1, mobile=1");
    List<HistoryEntry> history = store.history(ACME, t.id());
    assertThat(history).allSatisfy(e -> assertThat(e.before() + " " + e.after())
        .doesNotContain("13700002222").doesNotContain("qian.wei@"));
    assertThat(TicketReplay.replay(history)).isEqualTo(t);
  }

  @Test
  void anEditLeavesTextsItDoesNotChangeAlone() {
    TicketService plain = TicketService.builder().store(store).clock(clock).build();
    Ticket t = plain.open(ACME, REQUESTER, intake());
    t = service.edit(ACME, AGENT, t.id(), t.version(), TicketEdit.builder()
        .scenario("checkout").build());
    assertThat(t.subject()).contains("13912345678");
    assertThat(redactions(t)).isEmpty();
  }

  @Test
  void textCustomFieldsAreStoredMasked() {
    Ticket t = service.open(ACME, REQUESTER, intake());
    t = service.edit(ACME, AGENT, t.id(), t.version(), TicketEdit.builder()
        .customField("contact", new CustomFieldValue.Text("wife: 13600003333"))
        .customField("order", new CustomFieldValue.Text("202403011234567890"))
        .customField("vip", new CustomFieldValue.Flag(true)).build());
    assertThat(t.customFields().get("contact")).isEqualTo(new CustomFieldValue.Text(
        "wife: [mobile]"));
    assertThat(t.customFields().get("order"))
        .isEqualTo(new CustomFieldValue.Text("202403011234567890"));
    assertThat(redactions(t)).containsExactly("OPENED:bank-card=1, email=1, mobile=1",
        "EDITED:mobile=1");
    assertThat(store.history(ACME, t.id())).allSatisfy(e -> assertThat(
        e.before() + " " + e.after()).doesNotContain("13600003333"));
    assertThat(TicketReplay.replay(store.history(ACME, t.id()))).isEqualTo(t);
  }

  @Test
  void ratingCommentsAreStoredMasked() {
    Ticket t = service.open(ACME, REQUESTER, intake());
    t = service.fire(ACME, AGENT, t.id(), t.version(), StandardWorkflow.ACCEPT);
    t = service.fire(ACME, AGENT, t.id(), t.version(), StandardWorkflow.DIAGNOSE);
    t = service.fire(ACME, AGENT, t.id(), t.version(), StandardWorkflow.START_FIX);
    t = service.edit(ACME, AGENT, t.id(), t.version(), TicketEdit.builder()
        .resolutionSummary("Refunded").build());
    t = service.fire(ACME, AGENT, t.id(), t.version(), StandardWorkflow.PROPOSE_RESOLUTION);
    t = service.rate(ACME, REQUESTER, t.id(), t.version(),
        Rating.of(Satisfaction.SATISFIED, "Great, text me on 13500004444 next time"));
    assertThat(t.rating().comment()).isEqualTo("Great, text me on [mobile] next time");
    assertThat(t.rating().satisfaction()).isEqualTo(Satisfaction.SATISFIED);
    assertThat(redactions(t)).containsExactly("OPENED:bank-card=1, email=1, mobile=1",
        "RATED:mobile=1");
    assertThat(store.history(ACME, t.id()).toString()).doesNotContain("13500004444");
    assertThat(TicketReplay.replay(store.history(ACME, t.id()))).isEqualTo(t);
  }

  @Test
  void macroStepsAreStoredMasked() {
    Ticket t = service.open(ACME, REQUESTER, intake());
    t = service.apply(ACME, AGENT, t.id(), t.version(), TicketChanges.builder()
        .note(Message.of(Channel.EMAIL, "called 13400005555"))
        .edit(TicketEdit.builder().scenario("refund to 13400005555").build()).build());
    assertThat(t.scenario()).isEqualTo("refund to [mobile]");
    assertThat(store.conversation(ACME, t.id())).extracting(e -> e.body())
        .containsExactly("called [mobile]");
    assertThat(redactions(t)).containsExactly("OPENED:bank-card=1, email=1, mobile=1",
        "NOTED:mobile=1", "EDITED:mobile=1");
    assertThat(TicketReplay.replay(store.history(ACME, t.id()))).isEqualTo(t);
  }

  @Test
  void withoutARedactorNothingIsMasked() {
    TicketService plain = TicketService.builder().store(InMemoryTicketStore.create())
        .clock(clock).build();
    Ticket t = plain.open(ACME, REQUESTER, intake());
    assertThat(t.subject()).contains("13912345678");
    assertThat(plain.history(ACME, t.id()))
        .noneMatch(e -> e.field().equals(TicketField.REDACTION));
  }
}
