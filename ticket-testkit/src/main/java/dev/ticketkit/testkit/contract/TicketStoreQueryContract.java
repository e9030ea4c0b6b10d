package dev.ticketkit.testkit.contract;

import static dev.ticketkit.testkit.contract.TicketFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.Priority;
import dev.ticketkit.core.NewTicket;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.StatusCategory;
import dev.ticketkit.core.SupportTier;
import dev.ticketkit.core.Tag;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketChanges;
import dev.ticketkit.core.TicketId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import dev.ticketkit.core.store.Page;
import dev.ticketkit.core.store.PageCursor;
import dev.ticketkit.core.store.TicketQuery;
import dev.ticketkit.core.store.TicketQueryBuilder;

/**
 * The query half of the store contract: every filter, both orders and keyset paging, checked
 * against {@link TicketQuery#matches(Ticket)} over a fixed data set in two tenants. Extend
 * {@link TicketStoreContract}, which includes these tests.
 */
public abstract class TicketStoreQueryContract extends StoreContractSupport {

  private static final String[] STATUSES = TicketFixtures.STATES.toArray(String[]::new);
  private static final Channel[] CHANNELS = {Channel.EMAIL, Channel.DOUYIN, Channel.PHONE};
  private static final Category[] CATEGORIES = {
    Category.parse("Billing"), Category.parse("Billing/Refunds"), Category.parse("Login")
  };
  private static final Tag[] TAGS = {Tag.of("vip"), Tag.of("退款"), Tag.of("bug")};

  /**
   * Stores the fixed data set: 30 tickets in the test's tenant, 10 in the other one, each opened
   * and then changed once by the service (status, tier, assignee, priority, category, tags).
   */
  protected List<Ticket> storeDataSet() {
    Random random = new Random(20240304);
    List<Ticket> mine = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      TenantId owner = i % 4 == 3 ? otherTenant : tenant;
      NewTicket intake = NewTicket.builder().subject("Ticket " + i).description("Data set")
          .channel(CHANNELS[random.nextInt(CHANNELS.length)])
          .requester(Requester.of("req-" + random.nextInt(4), "Someone")).build();
      Ticket t = commit(TicketFixtures.opening(owner, TicketId.of(UUID.randomUUID()),
          T0.plus(Duration.ofHours(i)), intake)).ticket();
      TicketChanges changes = vary(random);
      Ticket varied = apply(t.createdAt().plusSeconds(30),
          s -> s.apply(owner, TicketFixtures.AGENT, t.id(), t.version(), changes));
      if (owner.equals(tenant)) {
        mine.add(varied);
      }
    }
    return mine;
  }

  private static TicketChanges vary(Random random) {
    TicketChanges.Builder b = TicketChanges.builder()
        .escalateTo(SupportTier.of(1 + random.nextInt(3)), "fixture")
        .assign(random.nextInt(3) == 0 ? null : AgentId.of("agent-" + random.nextInt(3)))
        .priority(Priority.values()[random.nextInt(4)])
        .category(random.nextInt(4) == 0 ? null : CATEGORIES[random.nextInt(CATEGORIES.length)]);
    for (Tag tag : TAGS) {
      if (random.nextBoolean()) {
        b.tag(tag);
      }
    }
    return b.fire(TicketFixtures.move(STATUSES[random.nextInt(STATUSES.length)])).build();
  }

  static Stream<Arguments> queries() {
    return Stream.of(
        q("all", TicketQuery.builder()),
        q("status category", TicketQuery.builder()
            .statusCategories(StatusCategory.OPEN, StatusCategory.PENDING)),
        q("status name", TicketQuery.builder().statuses("AWAITING_CONFIRMATION")),
        q("assignee", TicketQuery.builder().assignee(AgentId.of("agent-1"))),
        q("unassigned", TicketQuery.builder().unassigned()),
        q("tier", TicketQuery.builder().tier(SupportTier.of(2))),
        q("priority", TicketQuery.builder().priorities(Priority.URGENT, Priority.HIGH)),
        q("channel", TicketQuery.builder().channels(Channel.DOUYIN)),
        q("category with children", TicketQuery.builder().category(Category.parse("Billing"))),
        q("category leaf", TicketQuery.builder().category(Category.parse("Billing/Refunds"))),
        q("one tag", TicketQuery.builder().tags(Tag.of("退款"))),
        q("all tags", TicketQuery.builder().tags(Tag.of("vip"), Tag.of("bug"))),
        q("requester", TicketQuery.builder().requesterId("req-2")),
        q("created range", TicketQuery.builder()
            .createdBetween(T0.plus(Duration.ofHours(4)), T0.plus(Duration.ofHours(20)))),
        q("empty range", TicketQuery.builder()
            .createdBetween(T0.plus(Duration.ofHours(4)), T0.plus(Duration.ofHours(4)))),
        q("combined", TicketQuery.builder().statusCategories(StatusCategory.OPEN,
            StatusCategory.NEW, StatusCategory.PENDING).assignee(AgentId.of("agent-0"))
            .priorities(Priority.URGENT, Priority.HIGH, Priority.MEDIUM)),
        q("newest first", TicketQuery.builder().order(TicketQuery.Order.NEWEST_FIRST)
            .statusCategories(StatusCategory.OPEN)),
        q("no match", TicketQuery.builder().tier(SupportTier.of(9))));
  }

  private static Arguments q(String name, TicketQueryBuilder query) {
    return Arguments.of(name, query.limit(4).build());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void pagedQueryReturnsExactlyTheMatchingTicketsInOrder(String name, TicketQuery query) {
    List<Ticket> data = storeDataSet();
    Comparator<Ticket> byNumber = Comparator.comparingLong(Ticket::number);
    List<Ticket> expected = data.stream().filter(query::matches)
        .sorted(query.order() == TicketQuery.Order.OLDEST_FIRST ? byNumber : byNumber.reversed())
        .toList();

    List<Ticket> actual = readAllPages(query);

    assertThat(actual).as(name).containsExactlyElementsOf(expected);
    assertThat(store.count(tenant, query)).as(name).isEqualTo(expected.size());
  }

  @org.junit.jupiter.api.Test
  void theDataSetMakesEveryFilterChoose() {
    List<Ticket> data = storeDataSet();

    queries().forEach(a -> {
      String name = (String) a.get()[0];
      TicketQuery query = (TicketQuery) a.get()[1];
      long matching = data.stream().filter(query::matches).count();
      if (name.equals("no match") || name.equals("empty range")) {
        assertThat(matching).as(name).isZero();
      } else if (!name.equals("all")) {
        assertThat(matching).as(name).isBetween(1L, data.size() - 1L);
      }
    });
  }

  @ParameterizedTest(name = "limit {0}")
  @MethodSource("limits")
  void pagesHoldAtMostTheLimitAndEndWithoutACursor(int limit) {
    List<Ticket> data = storeDataSet();
    TicketQuery query = TicketQuery.builder().limit(limit).build();
    List<Ticket> all = new ArrayList<>();
    PageCursor cursor = null;
    int pages = 0;
    do {
      Page<Ticket> page = store.query(tenant, query.withAfter(cursor));
      assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
      if (page.hasNext()) {
        assertThat(page.items()).hasSize(limit);
      }
      all.addAll(page.items());
      cursor = page.next() == null ? null : PageCursor.parse(page.next().toString());
      pages++;
    } while (cursor != null);

    assertThat(all).hasSize(data.size()).doesNotHaveDuplicates();
    assertThat(pages).isEqualTo(Math.max(1, (data.size() + limit - 1) / limit));
  }

  static Stream<Integer> limits() {
    return Stream.of(1, 7, 10, 30, 31, TicketQuery.MAX_LIMIT);
  }

  @org.junit.jupiter.api.Test
  void createdRangeIsHalfOpen() {
    storeDataSet();
    TicketQuery query = TicketQuery.builder()
        .createdBetween(T0, T0.plus(Duration.ofHours(1))).build();

    List<Ticket> page = store.query(tenant, query).items();

    assertThat(page).extracting(Ticket::createdAt).containsExactly(T0);
  }

  @org.junit.jupiter.api.Test
  void ticketsAddedWhilePagingDoNotDisturbTheWalk() {
    List<Ticket> before = storeDataSet();
    TicketQuery query = TicketQuery.builder().limit(5).build();
    Page<Ticket> first = store.query(tenant, query);
    insert(tenant, Duration.ofDays(10));
    List<Ticket> all = new ArrayList<>(first.items());
    all.addAll(readAllPages(query.withAfter(first.next())));

    assertThat(all).hasSize(before.size() + 1).doesNotHaveDuplicates();
    assertThat(all.subList(0, before.size())).containsExactlyElementsOf(
        before.stream().sorted(Comparator.comparingLong(Ticket::number)).toList());
  }

  private List<Ticket> readAllPages(TicketQuery query) {
    List<Ticket> all = new ArrayList<>();
    Page<Ticket> page = store.query(tenant, query);
    all.addAll(page.items());
    while (page.hasNext()) {
      page = store.query(tenant, query.withAfter(page.next()));
      all.addAll(page.items());
    }
    return all;
  }
}
