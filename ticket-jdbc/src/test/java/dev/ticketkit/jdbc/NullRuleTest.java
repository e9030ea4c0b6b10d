package dev.ticketkit.jdbc;

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
import dev.ticketkit.core.HandleKey;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.internal.CoreAccess;
import dev.ticketkit.core.privacy.Erasure;
import dev.ticketkit.core.store.ChangeSet;
import dev.ticketkit.core.store.FollowUpQuery;
import dev.ticketkit.core.store.InMemoryTicketStore;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.store.ArticleQuery;
import dev.ticketkit.sla.clock.ClockKey;
import dev.ticketkit.sla.clock.SlaMetric;
import dev.ticketkit.sla.store.DueWork;
import dev.ticketkit.sla.store.LadderLevelDue;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The null rule (see ticket-core's {@code NullRuleTest}): a null passed for a parameter that is
 * not {@code @Nullable} throws {@link NullPointerException} naming the parameter. Guava's
 * {@link NullPointerTester} checks every public static method and constructor of every public
 * class of the exported package, and every public instance method of the entry point and the
 * stores it hands out (on H2).
 */
class NullRuleTest {

  /** The exported packages, as {@link ModuleDescriptorTest} asserts them. */
  static final Set<String> API = Set.of("dev.ticketkit.jdbc");

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

  static DataSource h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:nullrule-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return ds;
  }

  /** The tester with samples of the domain types it cannot invent. */
  static NullPointerTester tester() {
    NullPointerTester t = new NullPointerTester();
    coreDefaults(t);
    t.setDefault(DataSource.class, h2());
    t.setDefault(TicketQuery.class, TicketQuery.all());
    t.setDefault(FollowUpQuery.class, FollowUpQuery.ofTier(SupportTier.FIRST, 10));
    t.setDefault(Erasure.class, Erasure.of("wang", "anon-123456", Map.of(), List.of()));
    t.setDefault(HandleKey.class, HandleKey.of(ContactHandle.email("wang@example.com")));
    t.setDefault(ArticleId.class, ArticleId.of(UUID.fromString("00000000-0000-4000-8000-00000000000a")));
    t.setDefault(ArticleQuery.class, ArticleQuery.all());
    t.setDefault(DueWork.class, new LadderLevelDue(ClockKey.of(TenantId.of("acme"),
        TicketId.parse("00000000-0000-4000-8000-000000000001"), SlaMetric.values()[0], 1), 1, T0));
    List<TicketEvent> events = new ArrayList<>();
    TicketService service = TicketService.builder().store(InMemoryTicketStore.create())
        .clock(CLOCK).listener(events::add).build();
    Ticket first = service.open(TenantId.of("acme"), Actor.requester("wang"), intake());
    t.setDefault(ChangeSet.class, CoreAccess.changeSets().create(first, ChangeSet.NEW_TICKET,
        service.history(first.tenant(), first.id()), List.of(), List.copyOf(events), null));
    return t;
  }

  /** The entry point and the stores it hands out, whose public instance methods are checked. */
  static Map<String, Object> instances() {
    JdbcTicketKit kit = JdbcTicketKit.create(h2());
    return Map.ofEntries(
        Map.entry("JdbcTicketKit", kit),
        Map.entry("JdbcTicketKitBuilder", JdbcTicketKit.builder()),
        Map.entry("ticketStore", kit.ticketStore()),
        Map.entry("personalDataStore", kit.personalDataStore()),
        Map.entry("articleStore", kit.articleStore()),
        Map.entry("slaStore", kit.slaStore()),
        Map.entry("reportSource", kit.reportSource()),
        Map.entry("requesterIndex", kit.requesterIndex()));
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
