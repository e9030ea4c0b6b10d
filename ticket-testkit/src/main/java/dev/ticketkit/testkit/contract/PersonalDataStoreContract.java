package dev.ticketkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Attachment;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ContactHandle;
import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.Message;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Rating;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.Satisfaction;
import dev.ticketkit.core.StatusCategory;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketEdit;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.TicketReplay;
import dev.ticketkit.core.TicketService;
import dev.ticketkit.core.outbox.OutboxMessage;
import dev.ticketkit.core.privacy.Erasure;
import dev.ticketkit.core.privacy.ErasureRecord;
import dev.ticketkit.core.privacy.PersonalDataStore;
import dev.ticketkit.core.privacy.Privacy;
import dev.ticketkit.core.privacy.Redactor;
import dev.ticketkit.core.privacy.RequesterErased;
import dev.ticketkit.core.privacy.Retention;
import dev.ticketkit.core.privacy.RetentionPolicy;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.core.store.TicketStore;
import dev.ticketkit.core.workflow.StandardWorkflow;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.ArticleStats;
import dev.ticketkit.kb.ArticleStatus;
import dev.ticketkit.kb.store.ArticleStore;
import dev.ticketkit.kb.store.ArticleTicketLink;
import dev.ticketkit.testkit.MutableClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link PersonalDataStore}, as tests: after {@link Privacy#erase}, no stored
 * text anywhere (every text and JSON column of every TicketKit table, or every string an
 * in-memory store holds) contains any of the requester's distinctive personal strings, while
 * another requester's data is untouched; tickets stay readable, keep their versions, states and
 * ratings, and still equal the replay of their history; an interrupted erasure leaves every
 * ticket whole and a second run finishes it; the run is recorded without personal data.
 * Retention anonymises or purges exactly the tickets closed for longer than the policy, and
 * two nodes running it at once handle each ticket once. With a knowledge base
 * ({@link #articleStore}), the requester's votes and the article-ticket links they made are
 * covered too, and the article's counts do not change.
 *
 * <p>A store's test extends this class and implements {@link #createStore()},
 * {@link #personalData(TicketStore)} and {@link #storedTexts(TicketStore)}.
 */
public abstract class PersonalDataStoreContract {

  private static final Actor AGENT = Actor.agent("agent-lin");
  private static final byte[] KEY = "contract-key-0123456789".getBytes(StandardCharsets.UTF_8);

  /** The store under test, fresh for each test. */
  protected TicketStore store;
  private PersonalDataStore personal;
  private TenantId tenant;
  private MutableClock clock;
  private TicketService service;
  private String tag;

  /**
   * Returns a new store (or one whose data cannot clash with the test's random strings).
   *
   * @return the ticket store under test
   */
  protected abstract TicketStore createStore();

  /**
   * Returns the personal-data side of the store under test.
   *
   * @param tickets the store {@link #createStore()} returned
   * @return its personal-data store
   */
  protected abstract PersonalDataStore personalData(TicketStore tickets);

  /**
   * Returns every text the store holds: for a database, the value of every text and JSON column
   * of every TicketKit table; for an in-memory store, {@link StoredStrings#reachable(Object)}.
   *
   * @param tickets the store under test
   * @return the texts
   */
  protected abstract List<String> storedTexts(TicketStore tickets);

  /**
   * Returns the knowledge base's article store that keeps its data with the store under test
   * (votes and article-ticket links name requesters), or null (the default) to leave the
   * knowledge base out.
   *
   * @param tickets the store {@link #createStore()} returned
   * @return the article store, or null
   */
  protected @Nullable ArticleStore articleStore(TicketStore tickets) {
    return null;
  }

  @BeforeEach
  void setUpPrivacy() {
    store = createStore();
    personal = personalData(store);
    tag = UUID.randomUUID().toString().substring(0, 6);
    tenant = TenantId.of("p-" + tag);
    clock = MutableClock.at("2026-03-02T02:00:00Z");
    service = TicketService.builder().store(store).clock(clock)
        .workflow(StandardWorkflow.create()).build();
  }

  /** One requester's distinctive personal strings, unique to the test. */
  private record Person(String id, String name, String email, String phone, String openId,
      String body, String comment, String file, String uri) {

    List<String> strings() {
      return List.of(id, name, email, phone, openId, body, comment, file, uri);
    }
  }

  private Person person(String who) {
    return new Person("req-" + who + "-" + tag, who + "wen Morrowbright" + tag,
        who.toLowerCase() + ".mb" + tag + "@example.org",
        "+86 139" + String.format("%08d", Math.floorMod((who + tag).hashCode(), 100_000_000)),
        "oQZX-openid-" + who + tag, "I live at 77 Quillfeather Lane " + who + tag,
        "Thanks from Quillfeather " + who + tag, "passport-scan-" + who + tag + ".png",
        "https://files.example/" + who + tag + "/passport.png");
  }

  private Actor actor(Person p) {
    return Actor.requester(p.id());
  }

  private Requester requester(Person p) {
    return Requester.of(p.id(), p.name(), ContactHandle.email(p.email()),
        ContactHandle.phone(p.phone()));
  }

  /** Opens and walks a ticket through its life, leaving personal data in every place. */
  private Ticket seed(Person p, int n) {
    return seed(p, n, true);
  }

  private Ticket seed(Person p, int n, boolean close) {
    clock.advance(Duration.ofMinutes(5));
    Ticket t = service.open(tenant, actor(p), NewTicket.builder().requester(requester(p))
        .channel(Channel.EMAIL).subject("Refund " + n + " for " + p.name())
        .description("Write to " + p.email() + " or call " + p.phone())
        .attachment(Attachment.of(URI.create(p.uri() + n), p.file(), "image/png", 2048))
        .build());
    t = service.fire(tenant, AGENT, t.id(), t.version(), StandardWorkflow.ACCEPT);
    t = service.reply(tenant, AGENT, t.id(), t.version(),
        Message.of(Channel.EMAIL, "Dear " + p.name() + ", we will call " + p.phone()));
    t = service.reply(tenant, actor(p), t.id(), t.version(),
        Message.of(Channel.EMAIL, p.body()));
    t = service.note(tenant, AGENT, t.id(), t.version(),
        Message.of(Channel.EMAIL, "Checked " + p.email() + " in the CRM"));
    if (!close) {
      return t;
    }
    t = service.edit(tenant, AGENT, t.id(), t.version(), TicketEdit.builder()
        .requester(requester(p).withHandle(ContactHandle.wechatOpenId(p.openId()))).build());
    t = service.fire(tenant, AGENT, t.id(), t.version(), StandardWorkflow.DIAGNOSE);
    t = service.fire(tenant, AGENT, t.id(), t.version(), StandardWorkflow.START_FIX);
    t = service.edit(tenant, AGENT, t.id(), t.version(), TicketEdit.builder()
        .resolutionSummary("Refunded to " + p.name()).build());
    t = service.fire(tenant, AGENT, t.id(), t.version(), StandardWorkflow.PROPOSE_RESOLUTION);
    return service.rate(tenant, actor(p), t.id(), t.version(),
        Rating.of(Satisfaction.SATISFIED, p.comment()));
  }

  private Privacy privacy(PersonalDataStore with, List<RequesterErased> events) {
    Privacy.Builder b = Privacy.builder().tickets(store).personalData(with).clock(clock)
        .pseudonymKey(KEY).listener(events::add);
    ArticleStore kb = articleStore(store);
    if (kb != null) {
      b.requesterData(kb);
    }
    return b.build();
  }

  /**
   * Has both requesters vote on a published article and link it to one of their tickets, as
   * requesters; returns the article, or null without a knowledge base.
   */
  private @Nullable ArticleId voteAndLink(Person a, Ticket ofA, Person b, Ticket ofB) {
    ArticleStore kb = articleStore(store);
    if (kb == null) {
      return null;
    }
    ArticleId article = ArticleId.random();
    kb.save(ArticleStoreContract.article(tenant, article, 1, ArticleStatus.PUBLISHED,
        clock.instant().plus(Duration.ofDays(30)), 0), null);
    kb.recordVote(tenant, article, a.id(), true);
    kb.recordVote(tenant, article, b.id(), false);
    kb.link(new ArticleTicketLink(tenant, article, ofA.id(), actor(a).toString(),
        clock.instant(), false));
    kb.link(new ArticleTicketLink(tenant, article, ofB.id(), actor(b).toString(),
        clock.instant(), false));
    return article;
  }

  private List<String> hits(Person p) {
    List<String> texts = storedTexts(store);
    List<String> hits = new ArrayList<>();
    for (String text : texts) {
      for (String s : p.strings()) {
        if (text != null && text.contains(s)) {
          hits.add(s + " in " + text);
        }
      }
    }
    return hits;
  }

  @Test
  void erasureLeavesNoPersonalStringAnywhereAndAnotherRequesterUntouched() {
    Person a = person("Ada");
    Person b = person("Bo");
    List<Ticket> before = List.of(seed(a, 1), seed(b, 1), seed(a, 2), seed(a, 3));
    store.outbox().deliverPending(7, clock.instant(), m -> { });
    ArticleId article = voteAndLink(a, before.get(0), b, before.get(1));
    ArticleStats stats = article == null ? null : articleStore(store).stats(tenant, article);
    List<String> bBefore = hits(b);
    assertThat(hits(a)).isNotEmpty();
    List<RequesterErased> events = new ArrayList<>();
    Privacy privacy = privacy(personal, events);

    RequesterErased erased = privacy.erase(tenant, a.id(), AGENT);

    assertThat(hits(a)).isEmpty();
    assertThat(hits(b)).containsExactlyInAnyOrderElementsOf(bBefore);
    if (article != null) {
      ArticleStore kb = articleStore(store);
      assertThat(kb.stats(tenant, article)).isEqualTo(stats);
      assertThat(kb.linksOfTicket(tenant, before.get(0).id())).singleElement()
          .satisfies(l -> assertThat(l.linkedBy()).isEqualTo(
              Actor.requester(privacy.pseudonym(tenant, a.id())).toString()));
      assertThat(kb.linksOfTicket(tenant, before.get(1).id())).singleElement()
          .satisfies(l -> assertThat(l.linkedBy()).isEqualTo(actor(b).toString()));
    }
    List<OutboxMessage> redelivered = new ArrayList<>();
    store.outbox().deliverPending(1000, clock.instant(), redelivered::add);
    assertThat(redelivered).allSatisfy(m -> a.strings().forEach(
        s -> assertThat(String.valueOf(m.event())).doesNotContain(s)));
    assertThat(erased.record().tickets()).isEqualTo(3);
    assertThat(erased.attachments()).hasSize(3)
        .allSatisfy(u -> assertThat(u.toString()).startsWith(a.uri()));
    assertThat(events).containsExactly(erased);
    String pseudonym = privacy.pseudonym(tenant, a.id());
    assertThat(erased.record().pseudonym()).isEqualTo(pseudonym);
    for (Ticket t : before) {
      Ticket now = store.get(tenant, t.id()).orElseThrow();
      assertThat(now.version()).isEqualTo(t.version());
      assertThat(now.status()).isEqualTo(t.status());
      assertThat(now.createdAt()).isEqualTo(t.createdAt());
      assertThat(now.rating().satisfaction()).isEqualTo(t.rating().satisfaction());
      assertThat(TicketReplay.replay(store.history(tenant, t.id()))).isEqualTo(now);
      boolean ofA = t.requester().id().equals(a.id());
      assertThat(now.requester().id()).isEqualTo(ofA ? pseudonym : b.id());
      if (!ofA) {
        assertThat(now).isEqualTo(t);
      }
    }
    assertThat(store.count(tenant, TicketQuery.builder().requesterId(a.id()).build())).isZero();
    assertThat(store.count(tenant, TicketQuery.builder().requesterId(pseudonym).build()))
        .isEqualTo(3);
  }

  @Test
  void erasureIsRecordedWithoutPersonalData() {
    Person a = person("Cy");
    seed(a, 1);
    privacy(personal, new ArrayList<>()).erase(tenant, a.id(), AGENT);
    List<ErasureRecord> records = personal.erasures(tenant);
    assertThat(records).hasSize(1);
    ErasureRecord r = records.get(0);
    assertThat(r.erasedBy()).isEqualTo(AGENT);
    assertThat(r.at()).isEqualTo(clock.instant());
    assertThat(r.tickets()).isEqualTo(1);
    assertThat(r.attachments()).isEqualTo(1);
    a.strings().forEach(s -> assertThat(r.toString()).doesNotContain(s));
    assertThat(personal.erasures(TenantId.of("x-" + tag))).isEmpty();
  }

  @Test
  void anInterruptedErasureLeavesWholeTicketsAndASecondRunFinishesIt() {
    Person a = person("Di");
    List<Ticket> tickets = List.of(seed(a, 1), seed(a, 2), seed(a, 3));
    AtomicInteger calls = new AtomicInteger();
    PersonalDataStore failing = new PersonalDataStore() {
      @Override
      public boolean erase(TenantId t, TicketId id, long version, Erasure erasure) {
        if (calls.incrementAndGet() == 2) {
          throw new IllegalStateException("node stopped");
        }
        return personal.erase(t, id, version, erasure);
      }

      @Override
      public int retain(TenantId t, Instant closedBefore, int limit, boolean purge,
          Function<TicketId, Erasure> plan) {
        return personal.retain(t, closedBefore, limit, purge, plan);
      }

      @Override
      public void record(ErasureRecord record) {
        personal.record(record);
      }

      @Override
      public List<ErasureRecord> erasures(TenantId t) {
        return personal.erasures(t);
      }
    };
    assertThatThrownBy(() -> privacy(failing, new ArrayList<>()).erase(tenant, a.id(), AGENT))
        .hasMessageContaining("node stopped");
    int whole = 0;
    for (Ticket t : tickets) {
      Ticket now = store.get(tenant, t.id()).orElseThrow();
      List<HistoryEntry> history = store.history(tenant, t.id());
      List<ConversationEntry> conversation = store.conversation(tenant, t.id());
      boolean erased = !now.requester().id().equals(a.id());
      String all = now.subject() + history + conversation;
      if (erased) {
        assertThat(all).doesNotContain(a.email()).doesNotContain(a.name());
      } else {
        assertThat(now).isEqualTo(t);
        whole++;
      }
    }
    assertThat(whole).isEqualTo(2);
    assertThat(personal.erasures(tenant)).isEmpty();

    RequesterErased second = privacy(personal, new ArrayList<>()).erase(tenant, a.id(), AGENT);

    assertThat(second.record().tickets()).isEqualTo(2);
    assertThat(hits(a)).isEmpty();
  }

  private Retention retention(RetentionPolicy policy) {
    return Retention.of(store, personal, clock, KEY, Redactor.standard()).policy(tenant, policy);
  }

  @Test
  void retentionAnonymisesOnlyTicketsClosedLongerThanThePolicy() {
    Person a = person("Fa");
    Person b = person("Gu");
    Person c = person("Ho");
    Person d = person("Ix");
    Ticket oldA = seed(a, 1);
    Ticket oldB = seed(b, 1);
    Ticket openD = seed(d, 1, false);
    assertThat(oldA.status().category()).isEqualTo(StatusCategory.CLOSED);
    clock.advance(Duration.ofDays(40));
    Ticket recentC = seed(c, 1);
    List<String> cBefore = hits(c);
    List<String> dBefore = hits(d);

    int handled = retention(RetentionPolicy.anonymiseAfterDays(30)).run(tenant, 1);

    assertThat(handled).isEqualTo(2);
    assertThat(hits(a)).isEmpty();
    assertThat(hits(b)).isEmpty();
    assertThat(hits(c)).containsExactlyInAnyOrderElementsOf(cBefore);
    assertThat(hits(d)).containsExactlyInAnyOrderElementsOf(dBefore);
    assertThat(store.get(tenant, recentC.id())).contains(recentC);
    assertThat(store.get(tenant, openD.id())).contains(openD);
    Ticket anonA = store.get(tenant, oldA.id()).orElseThrow();
    assertThat(anonA.requester().id()).startsWith(Erasure.PSEUDONYM_PREFIX);
    assertThat(anonA.status()).isEqualTo(oldA.status());
    assertThat(TicketReplay.replay(store.history(tenant, oldA.id()))).isEqualTo(anonA);
    assertThat(store.get(tenant, oldB.id()).orElseThrow().version()).isEqualTo(oldB.version());
    assertThat(retention(RetentionPolicy.anonymiseAfterDays(30)).run(tenant, 5)).isZero();
  }

  @Test
  void retentionPurgesTicketsClosedLongerThanThePolicy() {
    Person a = person("Ju");
    Person c = person("Ka");
    Ticket oldA = seed(a, 1);
    clock.advance(Duration.ofDays(40));
    Ticket recentC = seed(c, 1);
    List<String> cBefore = hits(c);

    int handled = retention(RetentionPolicy.purgeAfterDays(30)).run(tenant, 10);

    assertThat(handled).isOne();
    assertThat(store.get(tenant, oldA.id())).isEmpty();
    assertThat(store.history(tenant, oldA.id())).isEmpty();
    assertThat(store.conversation(tenant, oldA.id())).isEmpty();
    assertThat(hits(a)).isEmpty();
    assertThat(hits(c)).containsExactlyInAnyOrderElementsOf(cBefore);
    assertThat(store.get(tenant, recentC.id())).contains(recentC);
  }

  @Test
  void retentionOnSeveralNodesHandlesEachTicketOnce() throws Exception {
    Person a = person("Lo");
    for (int i = 1; i <= 6; i++) {
      seed(a, i);
    }
    clock.advance(Duration.ofDays(40));
    Retention node1 = retention(RetentionPolicy.anonymiseAfterDays(30));
    Retention node2 = retention(RetentionPolicy.anonymiseAfterDays(30));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> one = pool.submit(() -> node1.run(tenant, 1));
      Future<Integer> two = pool.submit(() -> node2.run(tenant, 1));
      assertThat(one.get(60, TimeUnit.SECONDS) + two.get(60, TimeUnit.SECONDS)).isEqualTo(6);
    } finally {
      pool.shutdownNow();
    }
    assertThat(hits(a)).isEmpty();
  }

  @Test
  void erasingIsTenantScoped() {
    Person a = person("Ed");
    seed(a, 1);
    TenantId other = TenantId.of("q-" + tag);
    RequesterErased erased = privacy(personal, new ArrayList<>()).erase(other, a.id(), AGENT);
    assertThat(erased.record().tickets()).isZero();
    assertThat(hits(a)).isNotEmpty();
    assertThat(store.count(tenant, TicketQuery.builder().requesterId(a.id()).build())).isOne();
  }
}
