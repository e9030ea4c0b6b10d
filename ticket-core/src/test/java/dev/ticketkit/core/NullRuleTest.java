package dev.ticketkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.common.reflect.ClassPath;
import com.google.common.testing.NullPointerTester;
import dev.ticketkit.core.event.EventHeader;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.internal.CoreAccess;
import dev.ticketkit.core.privacy.Erasure;
import dev.ticketkit.core.privacy.ErasureRecord;
import dev.ticketkit.core.privacy.Privacy;
import dev.ticketkit.core.privacy.Redactor;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.core.store.FollowUpQuery;
import dev.ticketkit.core.store.InMemoryRequesterIndex;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.core.workflow.Workflow;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The null rule: a null passed for a parameter that is not {@code @Nullable} throws
 * {@link NullPointerException} naming the parameter ({@link InvalidInputException} is for bad
 * values in input data). Guava's {@link NullPointerTester} checks every public static method and
 * constructor of every public class of the exported packages, and every public instance method
 * of the entry objects and values below.
 */
class NullRuleTest {

  /** The exported packages, as {@link ModuleDescriptorTest} asserts them. */
  static final Set<String> API = Set.of(
      "dev.ticketkit.core",
      "dev.ticketkit.core.event",
      "dev.ticketkit.core.outbox",
      "dev.ticketkit.core.privacy",
      "dev.ticketkit.core.store",
      "dev.ticketkit.core.workflow");

  static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
  static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

  /** The tester with samples of the domain types it cannot invent. */
  static NullPointerTester tester() {
    NullPointerTester t = new NullPointerTester();
    t.setDefault(TenantId.class, TenantId.of("acme"));
    t.setDefault(TicketId.class, TicketId.parse("00000000-0000-4000-8000-000000000001"));
    t.setDefault(AgentId.class, AgentId.of("li"));
    t.setDefault(Actor.class, Actor.agent("li"));
    t.setDefault(Instant.class, T0);
    t.setDefault(Duration.class, Duration.ofHours(1));
    t.setDefault(LocalDate.class, LocalDate.of(2026, 3, 2));
    t.setDefault(Clock.class, CLOCK);
    t.setDefault(URI.class, URI.create("https://files.example.com/a.png"));
    t.setDefault(Tag.class, Tag.of("vip"));
    t.setDefault(Channel.class, Channel.EMAIL);
    t.setDefault(Category.class, Category.of("billing"));
    t.setDefault(ContactHandle.class, ContactHandle.email("wang@example.com"));
    t.setDefault(Requester.class, Requester.of("wang", "Wang Fang",
        ContactHandle.email("wang@example.com")));
    t.setDefault(NewTicket.class, intake());
    t.setDefault(Workflow.class, StandardWorkflow.create());
    t.setDefault(TicketQuery.class, TicketQuery.all());
    t.setDefault(Status.class, Status.of("NEW", StatusCategory.values()[0]));
    t.setDefault(HandleKey.class, HandleKey.of(ContactHandle.email("wang@example.com")));
    t.setDefault(CustomFieldValue.class, CustomFieldValue.text("x"));
    t.setDefault(Message.class, Message.of(Channel.EMAIL, "Hello"));
    t.setDefault(Rating.class, Rating.of(Satisfaction.values()[0]));
    t.setDefault(TicketLink.class, TicketLink.of(LinkType.values()[0],
        TicketId.parse("00000000-0000-4000-8000-000000000002")));
    t.setDefault(TicketEdit.class, TicketEdit.builder().subject("New subject").build());
    t.setDefault(TicketChanges.class, TicketChanges.builder().tag(Tag.of("vip")).build());
    t.setDefault(FollowUpQuery.class, FollowUpQuery.ofTier(SupportTier.FIRST, 10));
    t.setDefault(ProblemRecord.class, ProblemRecord.reported("Payment cache", null));
    t.setDefault(Redactor.class, Redactor.standard());
    t.setDefault(Erasure.class, Erasure.of("wang", "anon-123456", Map.of(), List.of()));
    t.setDefault(ErasureRecord.class,
        new ErasureRecord(TenantId.of("acme"), "anon-123456", Actor.agent("li"), T0, 0, 0));
    Fixture f = new Fixture();
    t.setDefault(TicketService.class, f.service);
    t.setDefault(Ticket.class, f.ticket);
    t.setDefault(TicketEvent.class, f.opened);
    t.setDefault(EventHeader.class, f.opened.header());
    t.setDefault(ConversationEntry.class, f.entry);
    t.setDefault(ChangeSet.class, CoreAccess.changeSets().create(
        f.first, ChangeSet.NEW_TICKET,
        f.service.history(f.first.tenant(), f.first.id()).subList(0, 1), List.of(),
        List.of(f.opened), null));
    t.setDefault(Handoff.class, new Handoff(1, "billing", AgentId.of("li"), "Please check",
        null, HandoffState.OPEN, T0, null, null, null));
    return t;
  }

  /** A service with one opened ticket and what opening it produced. */
  static final class Fixture {
    final List<TicketEvent> events = new java.util.ArrayList<>();
    final TicketService service = TicketService.builder().store(InMemoryTicketStore.create())
        .clock(CLOCK).listener(events::add).build();
    final Ticket first = service.open(TenantId.of("acme"), Actor.requester("wang"), intake());
    final Ticket ticket = service.note(TenantId.of("acme"), Actor.agent("li"), first.id(), 1,
        Message.of(Channel.EMAIL, "Checked the logs"));
    final TicketEvent opened = events.get(0);
    final ConversationEntry entry = service.conversation(ticket.tenant(), ticket.id()).get(0);
  }

  static NewTicket intake() {
    return NewTicket.builder()
        .requester(Requester.of("wang", "Wang Fang", ContactHandle.email("wang@example.com")))
        .channel(Channel.EMAIL).subject("Payment page shows error E1024")
        .description("Since this morning the payment page fails.").build();
  }

  /** The entry objects and values whose public instance methods are checked too. */
  static Map<String, Object> instances() {
    InMemoryTicketStore store = InMemoryTicketStore.create();
    TicketService service = TicketService.builder().store(store).clock(CLOCK).build();
    return Map.ofEntries(
        Map.entry("TicketService", service),
        Map.entry("TicketServiceBuilder", TicketService.builder()),
        Map.entry("InMemoryTicketStore", store),
        Map.entry("InMemoryRequesterIndex", InMemoryRequesterIndex.create()),
        Map.entry("NewTicket.Builder", NewTicket.builder()),
        Map.entry("TicketEdit.Builder", TicketEdit.builder()),
        Map.entry("TicketQueryBuilder", TicketQuery.builder()),
        Map.entry("WorkflowBuilder", Workflow.builder("custom")),
        Map.entry("StandardWorkflow", StandardWorkflow.create()),
        Map.entry("Privacy.Builder", Privacy.builder()),
        Map.entry("Redactor", Redactor.standard()),
        Map.entry("HandoffDesk", HandoffDesk.of(service)),
        Map.entry("FollowUpLedger", FollowUpLedger.of(service, Duration.ofDays(1))),
        Map.entry("RequesterDirectory",
            RequesterDirectory.attach(service, InMemoryRequesterIndex.create())),
        Map.entry("Requester", Requester.of("wang", "Wang Fang",
            ContactHandle.email("wang@example.com"))),
        Map.entry("NewTicket", intake()));
  }

  @TestFactory
  Stream<DynamicTest> publicStaticMethodsAndConstructors() throws IOException {
    NullPointerTester tester = tester();
    return publicClasses(API).stream().map(c -> dynamicTest(c.getName(), () -> {
      tester.testAllPublicStaticMethods(c);
      tester.testAllPublicConstructors(c);
    }));
  }

  @TestFactory
  Stream<DynamicTest> publicInstanceMethodsOfEntryObjects() {
    NullPointerTester tester = tester();
    return instances().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> dynamicTest(e.getKey(), () -> tester.testAllPublicInstanceMethods(e.getValue())));
  }

  /** The tester reads JSpecify's type-use {@code @Nullable}: it passes null nowhere it is one. */
  @Test
  void theTesterHonoursJspecifyNullable() {
    new NullPointerTester().testAllPublicStaticMethods(Sample.class);
    assertThatThrownBy(() -> new NullPointerTester().testAllPublicStaticMethods(Lax.class))
        .isInstanceOf(AssertionError.class);
  }

  /** A sample with type-use {@code @Nullable} in the positions the modules use it. */
  public static final class Sample {
    private Sample() {}

    /** Checks the first argument only. */
    public static void plain(String a, @Nullable String b, java.time.@Nullable LocalDate c,
        Map.@Nullable Entry<String, String> d, byte @Nullable [] e, @Nullable Object[] f) {
      java.util.Objects.requireNonNull(a, "a");
      java.util.Objects.requireNonNull(f, "f");
    }
  }

  /** A sample that lacks a check: the tester must notice. */
  public static final class Lax {
    private Lax() {}

    /** Checks nothing. */
    public static void lax(String a) {
      assertThat(a == null || !a.isEmpty()).isIn(true, false);
    }
  }

  /** The public classes (nested ones included) of the given packages in the main classes. */
  static List<Class<?>> publicClasses(Set<String> packages) throws IOException {
    return ClassPath.from(NullRuleTest.class.getClassLoader()).getAllClasses().stream()
        .filter(info -> packages.contains(info.getPackageName()))
        .map(ClassPath.ClassInfo::load)
        .filter(c -> c.getProtectionDomain().getCodeSource().getLocation().getPath()
            .endsWith("/target/classes/"))
        .filter(NullRuleTest::isPublic)
        .sorted(java.util.Comparator.comparing(Class::getName))
        .toList();
  }

  private static boolean isPublic(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass()) {
        return false;
      }
    }
    return true;
  }
}
