package dev.ticketkit.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The erasure's text rule, its record rewriting, and retention policies' checks. */
class ErasureTest {

  private final Erasure erasure = Erasure.of("42", "anon-1", Map.of(
      "Li \"Lee\"", "anon-1", "li@example.com", "anon-1-h"), List.of());

  @Test
  void shortIdsAreReplacedOnlyAsWholeValuesActorsAndJsonStrings() {
    assertThat(erasure.apply("42")).isEqualTo("anon-1");
    assertThat(erasure.apply("order 4242 of 42")).isEqualTo("order 4242 of 42");
    assertThat(erasure.apply("{\"id\":\"42\",\"n\":4242}"))
        .isEqualTo("{\"id\":\"anon-1\",\"n\":4242}");
    assertThat(erasure.apply("requester:42")).isEqualTo("requester:anon-1");
    assertThat(erasure.apply(null)).isNull();
  }

  @Test
  void personalTextsAreReplacedPlainAndJsonEscaped() {
    assertThat(erasure.apply("Dear Li \"Lee\", li@example.com"))
        .isEqualTo("Dear anon-1, anon-1-h");
    assertThat(erasure.apply("{\"displayName\":\"Li \\\"Lee\\\"\"}"))
        .isEqualTo("{\"displayName\":\"anon-1\"}");
    String untouched = "nothing personal";
    assertThat(erasure.apply(untouched)).isSameAs(untouched);
  }

  @Test
  void longIdsAreReplacedAnywhere() {
    Erasure e = Erasure.of("u-100042", "anon-2", Map.of(), List.of());
    assertThat(e.apply("see u-100042's order")).isEqualTo("see anon-2's order");
  }

  @Test
  void recordsAreRebuiltThroughTheirConstructors() {
    ConversationEntry entry = new ConversationEntry(TenantId.of("acme"),
        TicketId.of(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e")), 2,
        Visibility.PUBLIC, Actor.requester("42"), Channel.EMAIL,
        Instant.parse("2026-01-01T00:00:00Z"), "mail li@example.com", List.of());
    ConversationEntry erased = erasure.rewrite(entry);
    assertThat(erased.author()).isEqualTo(Actor.requester("anon-1"));
    assertThat(erased.body()).isEqualTo("mail anon-1-h");
    assertThat(erased.tenant()).isEqualTo(entry.tenant());
    assertThat(erasure.rewrite(Actor.agent("li"))).isEqualTo(Actor.agent("li"));
    assertThat(erasure.toString()).doesNotContain("li@example.com").doesNotContain("Lee");
  }

  @Test
  void retentionPoliciesKeepAtLeastADay() {
    assertThat(RetentionPolicy.anonymiseAfterDays(30).action())
        .isEqualTo(RetentionPolicy.Action.ANONYMISE);
    assertThatThrownBy(() -> RetentionPolicy.purgeAfterDays(0))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("days");
    assertThatThrownBy(() -> Privacy.builder().pseudonymKey(new byte[8]))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("pseudonymKey");
  }
}
