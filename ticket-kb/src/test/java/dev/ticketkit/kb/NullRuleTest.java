package dev.ticketkit.kb;

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
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.kb.search.ArticleSearchIndex;
import dev.ticketkit.kb.search.SearchSettings;
import dev.ticketkit.kb.store.ArticleQuery;
import dev.ticketkit.kb.store.ArticleStore;
import dev.ticketkit.kb.ticket.FaqOptions;
import dev.ticketkit.kb.ticket.TicketSolutions;
import dev.ticketkit.kb.ticket.TicketText;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
      "dev.ticketkit.kb",
      "dev.ticketkit.kb.search",
      "dev.ticketkit.kb.store",
      "dev.ticketkit.kb.ticket");

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
    t.setDefault(ArticleDetails.class, new ArticleDetails.Faq());
    t.setDefault(ArticleContent.class, content());
    t.setDefault(SearchSettings.class, SearchSettings.defaults());
    t.setDefault(ArticleStore.class, ArticleStore.inMemory());
    t.setDefault(ArticleSearchIndex.class, ArticleSearchIndex.inMemory(SearchSettings.defaults()));
    t.setDefault(URI.class, URI.create("https://video.example.com/a.mp4"));
    t.setDefault(ArticleId.class, ArticleId.of(UUID.fromString("00000000-0000-4000-8000-00000000000a")));
    t.setDefault(ArticleQuery.class, ArticleQuery.all());
    t.setDefault(ReviewPolicy.class, ReviewPolicy.monthly());
    t.setDefault(FaqOptions.class, FaqOptions.defaults());
    t.setDefault(TicketText.class, TicketText.open(
        TicketId.parse("00000000-0000-4000-8000-000000000001"), "Login fails", "Since today"));
    KnowledgeBase kb = KnowledgeBase.builder(CLOCK).build();
    Article article = kb.createDraft(TenantId.of("acme"), content(), Locale.SIMPLIFIED_CHINESE,
        Audience.values()[0], "olga");
    t.setDefault(Article.class, article);
    t.setDefault(ArticleRevision.class, new ArticleRevision(TenantId.of("acme"), article.id(), 1,
        content(), "olga", T0, "First version"));
    return t;
  }

  static ArticleContent content() {
    return new ArticleContent("Reset a password", "Open settings.", List.of("account"),
        CategoryPath.ROOT, new ArticleDetails.Faq());
  }

  /** The entry objects whose public instance methods are checked too. */
  static Map<String, Object> instances() {
    KnowledgeBase kb = KnowledgeBase.builder(CLOCK).build();
    return Map.ofEntries(
        Map.entry("KnowledgeBase", kb),
        Map.entry("KnowledgeBaseBuilder", KnowledgeBase.builder(CLOCK)),
        Map.entry("ArticleStore.inMemory", ArticleStore.inMemory()),
        Map.entry("ArticleSearchIndex.inMemory",
            ArticleSearchIndex.inMemory(SearchSettings.defaults())),
        Map.entry("SearchSettings", SearchSettings.defaults()),
        Map.entry("TicketSolutions", new TicketSolutions(ArticleStore.inMemory(),
            ArticleSearchIndex.inMemory(SearchSettings.defaults()), CLOCK)),
        Map.entry("ArticleContent", content()));
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
