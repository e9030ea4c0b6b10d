package dev.ticketkit.core;

import static dev.ticketkit.core.ServiceFixture.ACME;
import static dev.ticketkit.core.ServiceFixture.GLOBEX;
import static dev.ticketkit.core.ServiceFixture.LI;
import static dev.ticketkit.core.ServiceFixture.WANG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.workflow.IllegalTransitionException;
import dev.ticketkit.core.workflow.StandardWorkflow;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every class of bad input the issue names, against every write: a typed exception naming the
 * field (or ticket) and value, and nothing changed: same ticket, history, conversation, events.
 */
class BadInputTest {

  private static final String LONG_SUBJECT = "x".repeat(Ticket.MAX_SUBJECT_LENGTH + 1);

  /** A bad call on a ticket in a given state, and the field the error must name. */
  record Case(String name, String state, Consumer<Ctx> call, Class<?> thrown, String field) {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * What a bad call may use: the service and the ticket it targets. A case that makes good
   * changes before its bad call calls {@link #checkpoint(Ticket)} right before the bad call.
   */
  static final class Ctx {
    final TicketService s;
    final Ticket t;
    private final ServiceFixture f;
    List<Object> before;

    Ctx(ServiceFixture f, Ticket t) {
      this.f = f;
      this.s = f.service;
      this.t = t;
      this.before = f.snapshot(t);
    }

    void checkpoint(Ticket current) {
      before = f.snapshot(current);
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        c("null tenant", "NEW", x -> x.s.tag(null, LI, x.t.id(), 1, Tag.of("a")),
            NullPointerException.class, "tenant"),
        c("null actor", "NEW", x -> x.s.tag(ACME, null, x.t.id(), 1, Tag.of("a")),
            NullPointerException.class, "actor"),
        c("null ticket id", "NEW", x -> x.s.assign(ACME, LI, null, 1, null),
            NullPointerException.class, "id"),
        c("null message", "NEW", x -> x.s.reply(ACME, LI, x.t.id(), 1, null),
            NullPointerException.class, "message"),
        c("null transition", "NEW", x -> x.s.fire(ACME, LI, x.t.id(), 1, null),
            NullPointerException.class, "transition"),
        c("null rating", "AWAITING_CONFIRMATION",
            x -> x.s.rate(ACME, WANG, x.t.id(), x.t.version(), null),
            NullPointerException.class, "rating"),
        c("blank subject", "NEW", x -> x.s.edit(ACME, LI, x.t.id(), 1,
            TicketEdit.builder().subject("   ").build()), InvalidInputException.class, "subject"),
        c("subject over limit", "NEW", x -> x.s.edit(ACME, LI, x.t.id(), 1,
            TicketEdit.builder().subject(LONG_SUBJECT).build()),
            InvalidInputException.class, "subject"),
        c("reply over limit", "NEW", x -> x.s.reply(ACME, WANG, x.t.id(), 1, Message.of(
            Channel.EMAIL, "y".repeat(ConversationEntry.MAX_BODY_LENGTH + 1))),
            InvalidInputException.class, "message.body"),
        c("escalation reason over limit", "NEW", x -> x.s.escalate(ACME, LI, x.t.id(), 1,
            "z".repeat(2001)), InvalidInputException.class, "reason"),
        c("too many tags", "NEW", BadInputTest::tagBeyondLimit,
            InvalidInputException.class, "tags"),
        c("unknown transition", "NEW", x -> x.s.fire(ACME, LI, x.t.id(), 1, "teleport"),
            InvalidInputException.class, "transition"),
        c("illegal transition", "NEW", x -> x.s.fire(ACME, LI, x.t.id(), 1, "confirm"),
            IllegalTransitionException.class, null),
        c("wrong actor kind", "NEW", x -> x.s.fire(ACME, WANG, x.t.id(), 1, "accept"),
            IllegalTransitionException.class, null),
        c("requester writes a note", "NEW", x -> x.s.note(ACME, WANG, x.t.id(), 1,
            Message.of(Channel.EMAIL, "psst")), InvalidInputException.class, "actor"),
        c("wrong tenant", "NEW", x -> x.s.tag(GLOBEX, LI, x.t.id(), 1, Tag.of("a")),
            TicketNotFoundException.class, null),
        c("wrong tenant rating", "AWAITING_CONFIRMATION", x -> x.s.rate(GLOBEX, WANG, x.t.id(),
            x.t.version(), Rating.of(Satisfaction.SATISFIED)), TicketNotFoundException.class, null),
        c("link to another tenant's ticket", "NEW", x -> x.s.link(ACME, LI, x.t.id(), 1,
            TicketLink.of(LinkType.RELATED, otherTenantsTicket(x))),
            TicketNotFoundException.class, null),
        c("link reserved for merges", "NEW", x -> x.s.link(ACME, LI, x.t.id(), 1,
            TicketLink.of(LinkType.MERGED_INTO, x.t.id())), InvalidInputException.class,
            "link.type"),
        c("merge into itself", "NEW", x -> x.s.merge(ACME, LI, x.t.id(), 1, x.t.id()),
            InvalidInputException.class, "link.target"),
        c("rating an unresolved ticket", "DIAGNOSING", x -> x.s.rate(ACME, WANG, x.t.id(),
            x.t.version(), Rating.of(Satisfaction.SATISFIED)), TicketStateException.class, null),
        c("rating a closed ticket", "CLOSED", x -> x.s.rate(ACME, WANG, x.t.id(),
            x.t.version(), Rating.of(Satisfaction.SATISFIED)), TicketStateException.class, null),
        c("stale version", "DIAGNOSING", x -> x.s.changePriority(ACME, LI, x.t.id(),
            x.t.version() - 1, Priority.HIGH), TicketConflictException.class, null),
        c("attachment added twice", "NEW", BadInputTest::attachTwice,
            InvalidInputException.class, "attachments[1]"),
        c("lone surrogate in an edited subject", "NEW", x -> x.s.edit(ACME, LI, x.t.id(), 1,
            TicketEdit.builder().subject("Refund \uD83D").build()), InvalidInputException.class,
            "subject"),
        c("U+0000 in a reply", "NEW", x -> x.s.reply(ACME, WANG, x.t.id(), 1,
            Message.of(Channel.EMAIL, "hello\0")), InvalidInputException.class, "message.body"),
        c("lone surrogate in a module's cause", "NEW", x -> x.s.apply(ACME, LI, x.t.id(), 1,
            TicketChanges.builder().tag(Tag.of("late")).cause(() -> "sla \uDE00").build()),
            InvalidInputException.class, "cause.describe()"),
        c("decimal that would grow to ten million digits", "NEW", x -> x.s.edit(ACME, LI,
            x.t.id(), 1, TicketEdit.builder().customField("amount",
                CustomFieldValue.parse("decimal:1e10000000")).build()),
            InvalidInputException.class, "customField.decimal"));
  }

  private static Arguments c(String name, String state, Consumer<Ctx> call, Class<?> thrown,
      String field) {
    return Arguments.of(new Case(name, state, call, thrown, field));
  }

  private static void tagBeyondLimit(Ctx x) {
    Ticket t = x.t;
    for (int i = 0; i < Ticket.MAX_TAGS; i++) {
      t = x.s.tag(ACME, LI, t.id(), t.version(), Tag.of("t" + i));
    }
    Ticket full = t;
    x.checkpoint(full);
    x.s.tag(ACME, LI, full.id(), full.version(), Tag.of("one-too-many"));
  }

  private static void attachTwice(Ctx x) {
    Attachment a = Attachment.of(java.net.URI.create("https://files.example/1"), "a.png",
        "image/png", 10);
    Ticket t = x.s.edit(ACME, LI, x.t.id(), 1, TicketEdit.builder().addAttachment(a).build());
    x.checkpoint(t);
    x.s.edit(ACME, LI, t.id(), t.version(), TicketEdit.builder().addAttachment(a).build());
  }

  private static TicketId otherTenantsTicket(Ctx x) {
    return x.s.open(GLOBEX, WANG, ServiceFixture.intake().build()).id();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRejectedWithATypedErrorAndChangesNothing(Case c) {
    ServiceFixture f = new ServiceFixture();
    Ticket t = f.openIn(c.state());
    Ctx ctx = new Ctx(f, t);

    assertThatThrownBy(() -> c.call().accept(ctx)).isInstanceOf(c.thrown()).satisfies(e -> {
      if (c.field() != null) {
        assertThat(e instanceof NullPointerException ? e.getMessage()
            : ((InvalidInputException) e).field()).isEqualTo(c.field());
      }
      if (e instanceof TicketStateException) {
        assertThat(((TicketStateException) e).ticketId()).isEqualTo(t.id());
      }
    });
    assertThat(f.snapshot(t)).isEqualTo(ctx.before);
  }

  @Test
  void intakeWithABlankSubjectIsRefusedBeforeAnythingIsStored() {
    ServiceFixture f = new ServiceFixture();
    assertThatThrownBy(() -> NewTicket.builder().subject(" "))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("subject");
          assertThat(e.value()).isEqualTo(" ");
        });
    assertThatThrownBy(() -> f.service.open(ACME, WANG, null))
        .isInstanceOf(NullPointerException.class).hasMessage("intake");
    assertThat(f.service.count(ACME, dev.ticketkit.core.store.TicketQuery.all())).isZero();
    assertThat(f.events).isEmpty();
  }

  @Test
  void intakeWithoutADescriptionNamesTheMissingField() {
    assertThatThrownBy(() -> NewTicket.builder().requester(Requester.of("r", "R"))
        .channel(Channel.EMAIL).subject("s").build())
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("description"));
  }

  @Test
  void anUnknownStatusNamesTheValue() {
    assertThatThrownBy(() -> StandardWorkflow.create().status("ON_HOLD"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("status");
          assertThat(e.value()).isEqualTo("ON_HOLD");
        });
    assertThatThrownBy(() -> Status.parse("ON_HOLD(SOMETIMES)"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> dev.ticketkit.core.store.TicketQuery.builder().statuses("on hold"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void readsOfAnotherTenantsTicketFindNothing() {
    ServiceFixture f = new ServiceFixture();
    Ticket t = f.open();

    assertThat(f.service.get(GLOBEX, t.id())).isEmpty();
    assertThatThrownBy(() -> f.service.history(GLOBEX, t.id()))
        .isInstanceOf(TicketNotFoundException.class);
    assertThatThrownBy(() -> f.service.conversation(GLOBEX, t.id()))
        .isInstanceOf(TicketNotFoundException.class);
    assertThatThrownBy(() -> f.service.requesterView(GLOBEX, t.id()))
        .isInstanceOf(TicketNotFoundException.class);
  }

  @Test
  void aChangeThatChangesNothingWritesNothing() {
    ServiceFixture f = new ServiceFixture();
    Ticket t = f.open();
    t = f.service.tag(ACME, LI, t.id(), t.version(), Tag.of("vip"));
    List<Object> before = f.snapshot(t);

    Ticket same = f.service.tag(ACME, LI, t.id(), t.version(), Tag.of("vip"));

    assertThat(same).isEqualTo(t);
    assertThat(f.snapshot(t)).isEqualTo(before);
  }
}
