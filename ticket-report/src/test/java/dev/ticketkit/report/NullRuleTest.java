package dev.ticketkit.report;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.common.reflect.ClassPath;
import com.google.common.testing.NullPointerTester;
import dev.ticketkit.core.Actor;
import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.Message;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.Status;
import dev.ticketkit.core.SupportTier;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.internal.CoreAccess;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.kb.KnowledgeBase;
import dev.ticketkit.report.render.CsvReportRenderer;
import dev.ticketkit.report.render.HtmlReportRenderer;
import dev.ticketkit.report.render.JsonReportRenderer;
import dev.ticketkit.report.source.InMemoryReportSource;
import dev.ticketkit.report.spike.SeriesKey;
import dev.ticketkit.report.spike.SignalKind;
import dev.ticketkit.report.spike.SpikeDetector;
import dev.ticketkit.report.spike.SpikeSettings;
import dev.ticketkit.sla.policy.SlaPolicies;
import dev.ticketkit.sla.store.InMemorySlaStore;
import dev.ticketkit.sla.whatif.WhatIf;
import dev.ticketkit.sla.whatif.WhatIfResult;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
      "dev.ticketkit.report",
      "dev.ticketkit.report.kb",
      "dev.ticketkit.report.render",
      "dev.ticketkit.report.source",
      "dev.ticketkit.report.spike");

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
    t.setDefault(Locale.class, Locale.SIMPLIFIED_CHINESE);
    t.setDefault(YearMonth.class, YearMonth.of(2026, 3));
    t.setDefault(ReportPeriod.class, ReportPeriod.month(YearMonth.of(2026, 3), ZoneOffset.UTC));
    t.setDefault(SuggestionRules.class, SuggestionRules.defaults());
    t.setDefault(SpikeSettings.class, SpikeSettings.defaults());
    List<TicketEvent> events = new ArrayList<>();
    TicketService service = TicketService.builder().store(InMemoryTicketStore.create())
        .clock(CLOCK).listener(events::add).build();
    Ticket first = service.open(TenantId.of("acme"), Actor.requester("wang"), intake());
    t.setDefault(Ticket.class, first);
    t.setDefault(ChangeSet.class, CoreAccess.changeSets().create(first, ChangeSet.NEW_TICKET,
        service.history(first.tenant(), first.id()), List.of(), List.copyOf(events), null));
    t.setDefault(KnowledgeBase.class, KnowledgeBase.builder(CLOCK).build());
    t.setDefault(WhatIfResult.class, WhatIf.of(SlaPolicies.standard(), SlaPolicies.standard())
        .run(List.of(), T0));
    t.setDefault(SeriesKey.class, new SeriesKey(SignalKind.values()[0], "all", "*"));
    Report report = ReportEngine.builder().source(InMemoryReportSource.of(
            InMemoryTicketStore.create(), InMemorySlaStore.create())).clock(CLOCK)
        .tenant(TenantId.of("acme"), ZoneOffset.UTC).build()
        .monthly(TenantId.of("acme"), YearMonth.of(2026, 2));
    t.setDefault(Report.class, report);
    t.setDefault(DepartmentHandoffs.class, report.process().handoffs().all());
    t.setDefault(HandoffFigures.class, report.process().handoffs());
    t.setDefault(FollowUpFigures.class, report.process().followUps());
    t.setDefault(ProblemFigures.class, report.process().problems());
    t.setDefault(RatingRequestFigures.class, report.process().ratingRequests());
    t.setDefault(ExampleTicket.class, new ExampleTicket(
        TicketId.parse("00000000-0000-4000-8000-000000000001"), 1, "Payment page error"));
    for (RecordComponent c : Report.class.getRecordComponents()) {
      if (c.getType().getPackageName().equals(Report.class.getPackageName())
          && read(c, report) != null) {
        setDefault(t, c.getType(), read(c, report));
      }
    }
    return t;
  }

  private static <T> void setDefault(NullPointerTester t, Class<T> type, Object value) {
    t.setDefault(type, type.cast(value));
  }

  private static Object read(RecordComponent c, Object record) {
    try {
      return c.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** The entry objects whose public instance methods are checked too. */
  static Map<String, Object> instances() {
    InMemoryReportSource source =
        InMemoryReportSource.of(InMemoryTicketStore.create(), InMemorySlaStore.create());
    return Map.ofEntries(
        Map.entry("ReportEngine", ReportEngine.builder().source(source).clock(CLOCK)
            .tenant(TenantId.of("acme"), ZoneOffset.UTC).build()),
        Map.entry("ReportEngineBuilder", ReportEngine.builder()),
        Map.entry("InMemoryReportSource", source),
        Map.entry("HtmlReportRenderer", HtmlReportRenderer.create(Locale.SIMPLIFIED_CHINESE)),
        Map.entry("JsonReportRenderer", JsonReportRenderer.create()),
        Map.entry("CsvReportRenderer", CsvReportRenderer.create()),
        Map.entry("SpikeDetector.Builder", SpikeDetector.builder()),
        Map.entry("SuggestionRules", SuggestionRules.defaults()),
        Map.entry("ReportPeriod", ReportPeriod.month(YearMonth.of(2026, 3), ZoneOffset.UTC)));
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
