package dev.ticketkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The requester's JSON reading: the streaming reading of the canonical form gives what the tree
 * reading gives, and every other text still goes through the tree reading's rules.
 */
class ValueJsonRequesterTest {

  private static final Requester R = new Requester("c-42", "Li \"Wei\" 李",
      List.of(ContactHandle.parse("email:li@example.cn"), ContactHandle.parse("phone:+8613800000000")));

  @Test
  void readsWhatItWrites() {
    assertThat(ValueJson.requester(ValueJson.requester(R))).isEqualTo(R);
    Requester none = new Requester("c-1", "A", List.of());
    assertThat(ValueJson.requester(ValueJson.requester(none))).isEqualTo(none);
  }

  @Test
  void readsAnyOrderAndSpacingAsPostgresJsonbWritesIt() {
    assertThat(ValueJson.requester("{\"id\": \"c-42\", \"handles\": [\"email:li@example.cn\", "
        + "\"phone:+8613800000000\"], \"displayName\": \"Li \\\"Wei\\\" 李\"}")).isEqualTo(R);
  }

  @Test
  void otherFormsAreReadAsTheTreeReadsThem() {
    // an unknown key is ignored, a repeated key's last value wins, no handles are none, as before
    assertThat(ValueJson.requester("{\"id\":\"c-1\",\"displayName\":\"A\"}"))
        .isEqualTo(new Requester("c-1", "A", List.of()));
    assertThat(ValueJson.requester("{\"id\":\"c-1\",\"displayName\":\"A\",\"handles\":[],"
        + "\"extra\":1}")).isEqualTo(new Requester("c-1", "A", List.of()));
    assertThat(ValueJson.requester("{\"id\":\"c-0\",\"id\":\"c-1\",\"displayName\":\"A\","
        + "\"handles\":[]}")).isEqualTo(new Requester("c-1", "A", List.of()));
  }

  @Test
  void rejectsTextThatIsNotTheForm() {
    for (String bad : new String[] {"", "[]", "{}",
        "{\"id\":1,\"displayName\":\"A\",\"handles\":[]}",
        "{\"id\":\"c-1\",\"displayName\":\"A\",\"handles\":[\"nonsense\"]}",
        "{\"id\":\"c-1\",\"displayName\":\"A\",\"handles\":[1]}",
        "{\"id\":\"c-1\",\"displayName\":\"A\",\"handles\":[]"}) {
      assertThatThrownBy(() -> ValueJson.requester(bad)).as(bad)
          .isInstanceOf(InvalidInputException.class);
    }
  }
}
