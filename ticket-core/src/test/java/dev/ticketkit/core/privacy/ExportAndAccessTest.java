package dev.ticketkit.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticketkit.core.Actor;
import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Attachment;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.CustomFieldValue;
import dev.ticketkit.core.Message;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketEdit;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.workflow.StandardWorkflow;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Export and access: the export holds the requester's tickets, public conversation, rating and
 * handles and nothing internal or of another requester; no requester-facing output (the
 * requester view, the export) ever contains an internal note's text, whatever the conversation.
 */
class ExportAndAccessTest {

  private static final TenantId ACME = TenantId.of("acme");
  private static final Actor AGENT = Actor.agent("agent-zhou");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);

  private static NewTicket intake(String id, String name, String subject) {
    return NewTicket.builder()
        .requester(Requester.of(id, name, ContactHandle.email(id + "@example.org")))
        .channel(Channel.WEB_FORM).subject(subject).description("details of " + subject)
        .attachment(Attachment.of(URI.create("https://files.example/" + id), "log.txt",
            "text/plain", 10))
        .priority(Priority.URGENT).tag(Tag.of("vip-internal"))
        .customField("risk", CustomFieldValue.text("internal-risk-score"))
        .build();
  }

  @Test
  void exportHoldsPublicDataOnlyOfThatRequester() throws IOException {
    InMemoryTicketStore store = InMemoryTicketStore.create();
    TicketService service = TicketService.builder().store(store).clock(clock)
        .workflow(StandardWorkflow.create()).build();
    Actor wu = Actor.requester("u-wu");
    Ticket t = service.open(ACME, wu, intake("u-wu", "Wu Lan", "Login fails"));
    t = service.fire(ACME, AGENT, t.id(), t.version(), StandardWorkflow.ACCEPT);
    t = service.note(ACME, AGENT, t.id(), t.version(),
        Message.of(Channel.WEB_FORM, "secret: customer is on the watch list"));
    t = service.reply(ACME, AGENT, t.id(), t.version(),
        Message.of(Channel.WEB_FORM, "Please clear your cache"));
    t = service.reply(ACME, wu, t.id(), t.version(), Message.of(Channel.WEB_FORM, "Done, works"));
    t = service.assign(ACME, AGENT, t.id(), t.version(), AgentId.of("agent-qian"));
    t = service.fire(ACME, AGENT, t.id(), t.version(), StandardWorkflow.DIAGNOSE);
    t = service.fire(ACME, AGENT, t.id(), t.version(), StandardWorkflow.START_FIX);
    t = service.edit(ACME, AGENT, t.id(), t.version(),
        TicketEdit.builder().resolutionSummary("Cache cleared").build());
    t = service.fire(ACME, AGENT, t.id(), t.version(), StandardWorkflow.PROPOSE_RESOLUTION);
    service.rate(ACME, wu, t.id(), t.version(), Rating.of(Satisfaction.SATISFIED, "quick"));
    service.open(ACME, Actor.requester("u-ma"), intake("u-ma", "Ma Rui", "Other person"));
    service.open(TenantId.of("globex"), wu, intake("u-wu", "Wu Lan", "Other tenant"));
    Privacy privacy = Privacy.builder().tickets(store).personalData(store).clock(clock)
        .pseudonymKey(new byte[16]).build();

    String json = privacy.export(ACME, "u-wu").toJson();

    JsonNode root = JSON.readTree(json);
    assertThat(root.path("requester").path("id").asText()).isEqualTo("u-wu");
    assertThat(root.path("requester").path("displayNames").get(0).asText()).isEqualTo("Wu Lan");
    assertThat(root.path("requester").path("handles").get(0).asText())
        .isEqualTo("email:u-wu@example.org");
    assertThat(root.path("tickets")).hasSize(1);
    JsonNode ticket = root.path("tickets").get(0);
    assertThat(ticket.path("subject").asText()).isEqualTo("Login fails");
    assertThat(ticket.path("rating").path("satisfaction").asText()).isEqualTo("SATISFIED");
    assertThat(ticket.path("rating").path("comment").asText()).isEqualTo("quick");
    assertThat(ticket.path("replies")).extracting(r -> r.path("body").asText())
        .containsExactly("Please clear your cache", "Done, works");
    assertThat(ticket.path("attachments").get(0).path("uri").asText())
        .isEqualTo("https://files.example/u-wu");
    assertThat(json).doesNotContain("watch list", "agent-zhou", "agent-qian", "vip-internal",
        "internal-risk-score", "URGENT", "Ma Rui", "u-ma", "Other person", "Other tenant");
  }

  @Property(tries = 60)
  void noRequesterFacingOutputContainsAnInternalNote(
      @ForAll @Size(min = 1, max = 12) List<@net.jqwik.api.From("step") Step> steps) {
    InMemoryTicketStore store = InMemoryTicketStore.create();
    TicketService service = TicketService.builder().store(store).clock(clock)
        .redactor(Redactor.standard()).build();
    Actor requester = Actor.requester("u-1");
    Ticket t = service.open(ACME, requester, intake("u-1", "Lu Xi", "Printer jam"));
    List<String> notes = new ArrayList<>();
    for (Step s : steps) {
      Message m = Message.of(Channel.EMAIL, s.text());
      if (s.note()) {
        notes.add(s.text());
        t = service.note(ACME, AGENT, t.id(), t.version(), m);
      } else {
        t = service.reply(ACME, s.byRequester() ? requester : AGENT, t.id(), t.version(), m);
      }
    }
    Privacy privacy = Privacy.builder().tickets(store).personalData(store).clock(clock)
        .pseudonymKey("k".repeat(16).getBytes(StandardCharsets.UTF_8)).build();
    List<String> outputs = List.of(service.requesterView(ACME, t.id()).toString(),
        String.valueOf(service.requesterView(ACME, t.id()).replies()),
        privacy.export(ACME, "u-1").toJson(),
        String.valueOf(privacy.export(ACME, "u-1").tickets()));
    for (String note : notes) {
      for (String out : outputs) {
        assertThat(out).doesNotContain(note);
      }
    }
  }

  /** One conversation step: a note, or a reply by the requester or an agent. */
  record Step(boolean note, boolean byRequester, String text) {}

  @Provide
  Arbitrary<Step> step() {
    Arbitrary<String> words = Arbitraries.strings().withCharRange('a', 'z')
        .withChars('机', '密', ' ').ofMinLength(3).ofMaxLength(30);
    return net.jqwik.api.Combinators.combine(Arbitraries.of(true, false),
        Arbitraries.of(true, false), words, Arbitraries.integers().between(0, 1_000_000))
        .as((note, byRequester, w, n) -> new Step(note, byRequester,
            (note ? "NOTE-" + n + " " : "reply ") + w));
  }
}
