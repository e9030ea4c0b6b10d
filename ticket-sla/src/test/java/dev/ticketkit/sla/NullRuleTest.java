package dev.ticketkit.sla;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.common.reflect.ClassPath;
import com.google.common.testing.NullPointerTester;
import dev.ticketkit.core.Actor;
import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.Handoff;
import dev.ticketkit.core.HandoffState;
import dev.ticketkit.core.Message;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.Status;
import dev.ticketkit.core.SupportTier;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.sla.calendar.BusinessCalendar;
import dev.ticketkit.sla.calendar.BusinessCalendars;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.ClockTarget;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.escalation.EscalationAction;
import dev.ticketkit.sla.escalation.EscalationCause;
import dev.ticketkit.sla.escalation.EscalationContext;
import dev.ticketkit.sla.escalation.EscalationLevel;
import dev.ticketkit.sla.escalation.EventRule;
import dev.ticketkit.sla.escalation.LevelTrigger;
import dev.ticketkit.sla.escalation.TicketTrigger;
import dev.ticketkit.sla.policy.HandoffTargets;
import dev.ticketkit.sla.policy.SlaCalendars;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.store.DueWork;
import dev.ticketkit.sla.store.InMemorySlaStore;
import dev.ticketkit.sla.store.LadderLevelDue;
import dev.ticketkit.sla.whatif.SlaReplay;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The null rule (see ticket-core's {@code NullRuleTest}): a null passed for a parameter that is
 * not {@code @Nullable} throws {@link NullPointerException} naming the parameter. Guava's
 * {@link NullPointerTester} checks every public static method and constructor of every public
 * class of the exported packages, and every public instance method of the entry objects below.
 */
class NullRuleTest {

  /** The exported packages, as {@link ModuleDescriptorTest} asserts them. */
  static final Set<String> API = Set.of(
      "dev.ticketkit.sla",
      "dev.ticketkit.sla.calendar",
      "dev.ticketkit.sla.clock",
      "dev.ticketkit.sla.escalation",
      "dev.ticketkit.sla.policy",
      "dev.ticketkit.sla.store",
      "dev.ticketkit.sla.whatif");

  static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
  static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

  /** Samples of the ticket-core types, as ticket-core's NullRuleTest sets them. */
  static void coreDefaults(NullPointerTester t) {
    t.setDefault(TenantId.class, TenantId.of("acme"));
    t.setDefault(TicketId.class, TicketId.parse("00000000-0000-4000-8000-000000000001"));
    t.setDefault(AgentId.class, AgentId.of("li"));
    t.setDefault(Actor.class, Actor.agent("li"));
    t.setDefault(Instant.class, T0);
    t.setDefault(Duration.class, Duration.ofHours(1));
    t.setDefault(LocalDate.class, LocalDate.of(2026, 3, 2));
    t.setDefault(Clock.class, CLOCK);
    t.setDefault(ZoneId.class, ZoneId.of("Asia/Shanghai"));
    t.setDefault(Tag.class, Tag.of("vip"));
    t.setDefault(Channel.class, Channel.EMAIL);
    t.setDefault(Category.class, Category.of("billing"));
    t.setDefault(SupportTier.class, SupportTier.FIRST);
    t.setDefault(Requester.class, Requester.of("wang", "Wang Fang",
        ContactHandle.email("wang@example.com")));
    t.setDefault(NewTicket.class, intake());
    t.setDefault(Message.class, Message.of(Channel.EMAIL, "Hello"));
    t.setDefault(Status.class, StandardWorkflow.create().status(StandardWorkflow.NEW));
  }

  static NewTicket intake() {
    return NewTicket.builder()
        .requester(Requester.of("wang", "Wang Fang", ContactHandle.email("wang@example.com")))
        .channel(Channel.EMAIL).subject("Payment page shows error E1024")
        .description("Since this morning the payment page fails.").build();
  }

  /** The tester with samples of the domain types it cannot invent. */
  static NullPointerTester tester() {
    NullPointerTester t = new NullPointerTester();
    coreDefaults(t);
    SlaFixture f = new SlaFixture("2026-03-02T09:00");
    Ticket ticket = f.open(Priority.LOW);
    t.setDefault(TicketService.class, f.service);
    t.setDefault(Ticket.class, ticket);
    SlaClock clock = f.slaStore.clocks(ticket.tenant(), ticket.id()).get(0);
    t.setDefault(SlaClock.class, clock);
    t.setDefault(ClockKey.class, clock.key());
    t.setDefault(ClockTarget.class, clock.target());
    EscalationAction notify = new EscalationAction.Notify("lead");
    t.setDefault(EscalationAction.class, notify);
    t.setDefault(LevelTrigger.class, LevelTrigger.atShare(0.5));
    EscalationLevel level = new EscalationLevel(1, LevelTrigger.atShare(0.5), List.of(notify));
    t.setDefault(EscalationLevel.class, level);
    t.setDefault(EventRule.class, new EventRule(TicketTrigger.values()[0], List.of(notify)));
    EscalationCause cause = new EscalationCause.LevelReached(clock, level);
    t.setDefault(EscalationCause.class, cause);
    t.setDefault(EscalationContext.class, new EscalationContext(ticket, cause, T0, "summary"));
    t.setDefault(DueWork.class, new LadderLevelDue(clock.key(), 1, T0));
    t.setDefault(Handoff.class, new Handoff(1, "billing", AgentId.of("li"), "Please check",
        null, HandoffState.OPEN, T0, null, null, null));
    t.setDefault(BusinessCalendar.class, BusinessCalendars.chinaMainland());
    t.setDefault(SlaPolicies.class, SlaPolicies.standard());
    t.setDefault(SlaCalendars.class, SlaCalendars.standard());
    t.setDefault(HandoffTargets.class, HandoffTargets.standard());
    return t;
  }

  /** The entry objects whose public instance methods are checked too. */
  static Map<String, Object> instances() {
    SlaFixture f = new SlaFixture("2026-03-02T09:00");
    return Map.ofEntries(
        Map.entry("SlaEngine", f.engine),
        Map.entry("SlaEngineBuilder", SlaEngine.builder()),
        Map.entry("InMemorySlaStore", InMemorySlaStore.create()),
        Map.entry("BusinessCalendar", BusinessCalendars.chinaMainland()),
        Map.entry("BusinessCalendarBuilder",
            BusinessCalendar.builder("test", ZoneId.of("Asia/Shanghai"))),
        Map.entry("SlaPolicies", SlaPolicies.standard()),
        Map.entry("SlaCalendars", SlaCalendars.standard()),
        Map.entry("HandoffTargets", HandoffTargets.standard()),
        Map.entry("SlaReplay", SlaReplay.of(SlaPolicies.standard())));
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

  /** The public classes (nested ones included) of the given packages in the main classes. */
  static List<Class<?>> publicClasses(Set<String> packages) throws IOException {
    return ClassPath.from(NullRuleTest.class.getClassLoader()).getAllClasses().stream()
        .filter(info -> packages.contains(info.getPackageName()))
        .map(ClassPath.ClassInfo::load)
        .filter(c -> c.getProtectionDomain().getCodeSource().getLocation().getPath()
            .endsWith("/target/classes/"))
        .filter(NullRuleTest::isPublic)
        .sorted(Comparator.comparing(Class::getName))
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
