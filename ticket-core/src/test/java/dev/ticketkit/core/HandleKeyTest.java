package dev.ticketkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Handles are normalised to one key per person-facing value. */
class HandleKeyTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "email:Wang.Fang@Example.CN | email:wang.fang@example.cn",
      "email:  li@x.cn  | email:li@x.cn",
      "phone:138 0013 8000 | phone:+8613800138000",
      "phone:+86 138-0013-8000 | phone:+8613800138000",
      "phone:0086 (138) 00138000 | phone:+8613800138000",
      "phone:8613800138000 | phone:+8613800138000",
      "phone:+1 (415) 555-0100 | phone:+14155550100",
      "phone:010-6552 9988 | phone:01065529988",
      "wechat_openid:oAbC123 | wechat_openid:oAbC123",
      "wechat_unionid: uNiOn9 | wechat_unionid:uNiOn9",
      "douyin_id:Dy_42 | douyin_id:Dy_42"})
  void normalises(String handle, String key) {
    HandleKey k = HandleKey.parse(handle);
    assertThat(k.toString()).isEqualTo(key);
    assertThat(HandleKey.parse(k.toString())).isEqualTo(k);
  }

  @Test
  void aPhoneNeedsDigits() {
    assertThatThrownBy(() -> HandleKey.of(ContactHandle.phone("call me")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("contactHandle.value");
  }
}
