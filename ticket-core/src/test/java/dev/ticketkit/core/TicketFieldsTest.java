package dev.ticketkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.store.StoredColumn;
import dev.ticketkit.core.store.StoredTicket;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The field table drives every consumer: for each field of {@link TicketFields} (whatever the
 * field), the ticket has its typed accessor and checks it, history records and replays it alone,
 * the requester view holds it exactly when it is public, intake and edits set it exactly when the
 * table says so, and the storage path keeps it. A new field passes all of this with one table
 * entry, its accessor and a sample value below; no other code lists fields.
 */
class TicketFieldsTest {

  private static final Instant T0 = Instant.parse("2024-03-04T01:00:00Z");
  private static final TicketId SELF = TicketId.of(UUID.randomUUID());

  /** Two different values per field: the first fills a ticket, the second changes it. */
  private static final Map<TicketField<?>, List<Object>> SAMPLES = samples();

  private static Map<TicketField<?>, List<Object>> samples() {
    Map<TicketField<?>, List<Object>> s = new HashMap<>();
    s.put(TicketFields.TENANT, List.of(TenantId.of("acme"), TenantId.of("globex")));
    s.put(TicketFields.ID, List.of(SELF, TicketId.of(UUID.randomUUID())));
    s.put(TicketFields.NUMBER, List.of(7L, 8L));
    s.put(TicketFields.REQUESTER, List.of(Requester.of("r1", "王芳", ContactHandle.email("a@b.cn")),
        Requester.of("r1", "Wang Fang")));
    s.put(TicketFields.CHANNEL, List.of(Channel.DOUYIN, Channel.EMAIL));
    s.put(TicketFields.SUBJECT, List.of("退款失败 😱", "Refund failed"));
    s.put(TicketFields.DESCRIPTION, List.of("line 1\nline 2", "other"));
    s.put(TicketFields.SCENARIO, List.of("paying", "logging in"));
    s.put(TicketFields.ERROR_MESSAGE, List.of("E1024", "E2048"));
    s.put(TicketFields.REPRODUCTION_STEPS, List.of("1. open", "2. pay"));
    s.put(TicketFields.ATTACHMENTS, List.of(List.of(Attachment.of(URI.create("https://f.example/a"),
        "a.png", "image/png", 1)), List.of()));
    s.put(TicketFields.ACCOUNT_REFERENCE, List.of("ORDER-1", "ORDER-2"));
    s.put(TicketFields.CATEGORY, List.of(Category.of("账单", "退款"), Category.of("Login")));
    s.put(TicketFields.PRIORITY, List.of(Priority.URGENT, Priority.LOW));
    s.put(TicketFields.STATUS, List.of(Status.of("WAITING", StatusCategory.PENDING),
        Status.of("NEW", StatusCategory.NEW)));
    s.put(TicketFields.RETURN_STATUS, List.of(Status.of("FIXING", StatusCategory.OPEN),
        Status.of("NEW", StatusCategory.NEW)));
    s.put(TicketFields.STATUS_CHANGED_AT, List.of(T0.plusSeconds(5), T0.plusSeconds(6)));
    s.put(TicketFields.ACCEPTED_BY, List.of(AgentId.of("li"), AgentId.of("zhang")));
    s.put(TicketFields.ASSIGNEE, List.of(AgentId.of("zhang"), AgentId.of("li")));
    s.put(TicketFields.TIER, List.of(SupportTier.of(3), SupportTier.of(2)));
    s.put(TicketFields.TAGS, List.of(new TreeSet<>(Set.of(Tag.of("vip"), Tag.of("退款"))),
        new TreeSet<>(Set.of(Tag.of("vip")))));
    s.put(TicketFields.CUSTOM_FIELDS, List.of(new TreeMap<>(Map.of("amount",
        CustomFieldValue.decimal(new BigDecimal("12.50")))), new TreeMap<>(Map.of("paid",
        CustomFieldValue.flag(true)))));
    s.put(TicketFields.LINKS, List.of(List.of(TicketLink.of(LinkType.RELATED,
        TicketId.of(UUID.randomUUID()))), List.of()));
    s.put(TicketFields.RATING, List.of(Rating.of(Satisfaction.NEUTRAL, "ok 👍"),
        Rating.dissatisfied(DissatisfactionReason.NOT_FIXED, "still broken")));
    Handoff open = new Handoff(1, "technical", AgentId.of("li"), "查一下日志", null,
        HandoffState.OPEN, T0, null, null, null);
    s.put(TicketFields.HANDOFFS, List.of(List.of(open), List.of(open.checkedAt(T0.plusSeconds(3)),
        new Handoff(2, "finance", AgentId.of("li"), "refund?", T0.plusSeconds(99),
            HandoffState.ANSWERED, T0, null, "refunded", T0.plusSeconds(4)))));
    s.put(TicketFields.PROBLEM, List.of(ProblemRecord.reported("网关超时", null),
        new ProblemRecord("gateway", java.time.LocalDate.of(2026, 3, 1), "pool enlarged")));
    s.put(TicketFields.RESOLUTION_SUMMARY, List.of("cleared cache", "restarted"));
    s.put(TicketFields.CYCLE, List.of(2, 3));
    s.put(TicketFields.CREATED_AT, List.of(T0, T0.plusSeconds(1)));
    s.put(TicketFields.UPDATED_AT, List.of(T0.plusSeconds(9), T0.plusSeconds(10)));
    s.put(TicketFields.REQUESTER_UPDATED_AT, List.of(T0.plusSeconds(7), T0.plusSeconds(8)));
    s.put(TicketFields.VERSION, List.of(4L, 5L));
    return s;
  }

  private static Ticket full() {
    TicketBuilder b = Ticket.builder();
    TicketFields.all().forEach(f -> b.setChecked(f, SAMPLES.get(f).get(0)));
    return b.build();
  }

  private static Ticket changed(TicketField<?> field) {
    return full().toBuilder().setChecked(field, SAMPLES.get(field).get(1)).build();
  }

  @Test
  void everyFieldHasSamplesAndATypedAccessorOnTheTicket() throws Exception {
    assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(TicketFields.all());
    Ticket t = full();
    for (TicketField<?> f : TicketFields.all()) {
      Method accessor = Ticket.class.getMethod(f.name());
      assertThat(accessor.invoke(t)).as(f.name()).isEqualTo(t.get(f))
          .isEqualTo(SAMPLES.get(f).get(0));
      assertThat(f.valueType()).as(f.name()).isInstanceOf(Class.class);
      assertThat(f.valueType().isInstance(t.get(f))).as(f.name()).isTrue();
    }
  }

  @Test
  void namesAreUniqueAndTheHistoryNamesOfTicketField() {
    Set<String> names = new HashSet<>();
    TicketFields.all().forEach(f -> assertThat(names.add(f.name())).as(f.name()).isTrue());
    assertThat(names).contains(TicketField.SUBJECT, TicketField.STATUS, TicketField.TAGS,
        TicketField.RATING, TicketField.CYCLE, TicketField.NUMBER, TicketField.REQUESTER);
  }

  @Test
  void theTicketChecksEveryRequiredFieldAndEveryTextLimit() {
    for (TicketField<?> f : TicketFields.all()) {
      if (f == TicketFields.REQUESTER_UPDATED_AT) {
        Ticket t = full().toBuilder().setChecked(f, null).build();
        assertThat(t.requesterUpdatedAt()).as("defaults to createdAt").isEqualTo(t.createdAt());
      } else if (f.isRequired()) {
        assertThatThrownBy(() -> full().toBuilder().setChecked(f, null).build())
            .as(f.name()).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo(f.name()));
      } else {
        assertThat(full().toBuilder().setChecked(f, null).build().get(f)).as(f.name()).isNull();
      }
      if (f.maxLength().isPresent()) {
        int max = f.maxLength().getAsInt();
        assertThat(full().toBuilder().setChecked(f, "退".repeat(max)).build().get(f))
            .isEqualTo("退".repeat(max));
        for (String bad : List.of("退".repeat(max + 1), "a\uD800", "a\0b", " ")) {
          assertThatThrownBy(() -> full().toBuilder().setChecked(f, bad).build())
              .as(f.name()).isInstanceOfSatisfying(InvalidInputException.class,
                  e -> assertThat(e.field()).isEqualTo(f.name()));
        }
      }
    }
  }

  @Test
  void historyRecordsEachRecordedFieldAloneAndReplaysIt() {
    Ticket before = full();
    for (TicketField<?> f : TicketFields.all()) {
      Ticket after = changed(f);
      List<FieldCodec.Change> changes =
          FieldCodec.diff(FieldCodec.flatten(before), FieldCodec.flatten(after));
      if (!f.isRecorded()) {
        assertThat(changes).as(f.name()).isEmpty();
        continue;
      }
      assertThat(changes).as(f.name()).isNotEmpty().allSatisfy(c -> assertThat(
          c.field().equals(f.name()) || c.field().startsWith(TicketField.CUSTOM_PREFIX)).isTrue());
      TicketBuilder envelope = Ticket.builder().tenant(after.tenant()).id(after.id())
          .createdAt(after.createdAt()).updatedAt(after.updatedAt())
          .statusChangedAt(after.statusChangedAt()).version(after.version())
          .set(TicketFields.REQUESTER_UPDATED_AT, after.requesterUpdatedAt());
      assertThat(ReplayDecoder.decode(FieldCodec.flatten(after), envelope)).as(f.name())
          .isEqualTo(after);
    }
  }

  @Test
  void theRequesterViewHoldsExactlyThePublicFields() {
    Ticket t = full();
    RequesterView view = RequesterView.of(t, List.of());

    List<TicketField<?>> expected = new ArrayList<>();
    for (TicketField<?> f : TicketFields.all()) {
      if (f.visibility() == Visibility.PUBLIC) {
        expected.add(f);
        assertThat(view.get(f)).as(f.name()).isEqualTo(t.get(f));
      } else {
        assertThatThrownBy(() -> view.get(f)).as(f.name())
            .isInstanceOf(InvalidInputException.class);
      }
    }
    assertThat(RequesterView.fields()).containsExactlyElementsOf(expected);
    assertThat(view.toString()).doesNotContain("zhang", "vip", "URGENT", "amount", "r1", "L3");
    assertThat(changed(TicketFields.ASSIGNEE)).isNotEqualTo(t);
    assertThat(RequesterView.of(changed(TicketFields.ASSIGNEE), List.of())).isEqualTo(view);
    assertThat(RequesterView.of(changed(TicketFields.SUBJECT), List.of())).isNotEqualTo(view);
  }

  @Test
  void intakeAndEditsSetExactlyTheFieldsTheTableAllows() {
    for (TicketField<?> f : TicketFields.all()) {
      if (f.isCollection()) {
        continue;
      }
      boolean intake = accepts(() -> setAtIntake(f));
      boolean edit = accepts(() -> setInEdit(f));
      assertThat(intake).as("%s at intake", f).isEqualTo(f.isSettableAtIntake());
      assertThat(edit).as("%s in an edit", f).isEqualTo(f.isEditable());
    }
    assertThat(TicketFields.STATUS.isSettableAtIntake() || TicketFields.STATUS.isEditable()
        || TicketFields.VERSION.isEditable() || TicketFields.CREATED_AT.isEditable()
        || TicketFields.ACCEPTED_BY.isEditable() || TicketFields.CYCLE.isEditable()).isFalse();
  }

  @SuppressWarnings("unchecked")
  private static <T> void setAtIntake(TicketField<T> f) {
    NewTicket.builder().set(f, (T) SAMPLES.get(f).get(0));
  }

  @SuppressWarnings("unchecked")
  private static <T> void setInEdit(TicketField<T> f) {
    TicketEdit.builder().set(f, (T) SAMPLES.get(f).get(0));
  }

  private static boolean accepts(Runnable call) {
    try {
      call.run();
      return true;
    } catch (InvalidInputException e) {
      return false;
    }
  }

  @Test
  void theStoragePathKeepsEveryFieldInItsOwnColumns() {
    Ticket t = full();
    Map<String, Object> row = StoredTicket.write(t);

    Set<String> names = new HashSet<>();
    StoredTicket.columns().forEach(c -> assertThat(names.add(c.name())).as(c.name()).isTrue());
    assertThat(row.keySet()).containsExactlyElementsOf(
        StoredTicket.columns().stream().map(StoredColumn::name).toList());
    assertThat(StoredTicket.read(row::get)).isEqualTo(t);
    for (TicketField<?> f : TicketFields.all()) {
      assertThat(StoredTicket.columns()).as(f.name()).containsAll(f.columns());
      Map<String, Object> changedRow = StoredTicket.write(changed(f));
      assertThat(f.columns().stream().anyMatch(c -> !java.util.Objects.equals(
          row.get(c.name()), changedRow.get(c.name())))).as(f.name()).isTrue();
    }
  }

  @Test
  void aCorruptRowIsRefusedNamingTheField() {
    Map<String, Object> row = new HashMap<>(StoredTicket.write(full()));
    row.put("subject", "a\uD800");
    assertThatThrownBy(() -> StoredTicket.read(row::get))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("subject"));
    row.put("subject", null);
    assertThatThrownBy(() -> StoredTicket.read(row::get))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("subject"));
    row.put("subject", "ok");
    row.put("tags", "{not json");
    assertThatThrownBy(() -> StoredTicket.read(row::get))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("tags"));
    row.put("tags", "[]");
    row.put("tier", "three");
    assertThatThrownBy(() -> StoredTicket.read(row::get))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("tier"));
  }
}
