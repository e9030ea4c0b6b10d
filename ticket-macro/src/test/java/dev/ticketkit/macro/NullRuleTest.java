package dev.ticketkit.macro;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.common.reflect.ClassPath;
import com.google.common.testing.NullPointerTester;
import dev.ticketkit.core.Actor;
import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.store.InMemoryTicketStore;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The null rule (see ticket-core's {@code NullRuleTest}): a null passed for a parameter that is
 * not {@code @Nullable} throws {@link NullPointerException} naming the parameter. Guava's
 * {@link NullPointerTester} checks every public static method and constructor of every public
 * class of {@code dev.ticketkit.macro}, and every public instance method of the entry objects.
 */
class NullRuleTest {

  static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
  static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
  static final TenantId ACME = TenantId.of("acme");

  static final String JSON = """
      { "id": "hello", "title": "Hello", "defaultLocale": "en",
        "reply": { "en": "Hello {{requesterName}}, ticket #{{ticketNumber}}." } }""";

  static NullPointerTester tester() {
    NullPointerTester t = new NullPointerTester();
    t.setDefault(TenantId.class, ACME);
    t.setDefault(TicketId.class, TicketId.parse("00000000-0000-4000-8000-000000000001"));
    t.setDefault(AgentId.class, AgentId.of("li"));
    t.setDefault(Actor.class, Actor.agent("li"));
    t.setDefault(Instant.class, T0);
    t.setDefault(ZoneId.class, ZoneId.of("Asia/Shanghai"));
    t.setDefault(Locale.class, Locale.ENGLISH);
    t.setDefault(Macro.class, MacroJson.read(JSON));
    t.setDefault(MacroLibrary.class, MacroLibrary.create());
    t.setDefault(TicketService.class, service());
    t.setDefault(Function.class, x -> Optional.empty());
    t.setDefault(String.class, "hello");
    return t;
  }

  static TicketService service() {
    return TicketService.builder().store(InMemoryTicketStore.create()).clock(CLOCK).build();
  }

  static Map<String, Object> instances() {
    TicketService service = service();
    service.open(ACME, Actor.requester("wang"), NewTicket.builder()
        .requester(Requester.of("wang", "Wang Fang", ContactHandle.email("wang@example.com")))
        .channel(Channel.EMAIL).subject("Payment fails").description("E1024 since today.")
        .build());
    MacroLibrary library = MacroLibrary.create();
    library.put(ACME, MacroJson.read(JSON));
    Macros macros = Macros.builder().service(service).library(library)
        .tenantZones(x -> ZoneOffset.UTC).dueTimes(x -> Optional.empty())
        .agentNames(a -> Optional.of("Li Wei")).build();
    return Map.of("Macros", macros, "Macros.Builder", Macros.builder(), "MacroLibrary", library,
        "Macro", library.find(ACME, "hello").orElseThrow());
  }

  @TestFactory
  Stream<DynamicTest> publicStaticMethodsAndConstructors() throws IOException {
    NullPointerTester tester = tester();
    return publicClasses().stream().map(c -> dynamicTest(c.getName(), () -> {
      tester.testAllPublicStaticMethods(c);
      tester.testAllPublicConstructors(c);
    }));
  }

  @TestFactory
  Stream<DynamicTest> publicInstanceMethodsOfEntryObjects() {
    NullPointerTester tester = tester();
    return instances().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> dynamicTest(e.getKey(), () -> tester.testAllPublicInstanceMethods(e.getValue())));
  }

  static List<Class<?>> publicClasses() throws IOException {
    return ClassPath.from(NullRuleTest.class.getClassLoader()).getAllClasses().stream()
        .filter(info -> info.getPackageName().equals("dev.ticketkit.macro"))
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
