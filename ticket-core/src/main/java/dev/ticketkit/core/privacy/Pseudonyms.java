package dev.ticketkit.core.privacy;

import dev.ticketkit.core.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stable pseudonyms: {@code anon-} and 16 hex digits of HMAC-SHA256 over the tenant and the text,
 * keyed with the host's secret, so the same requester gets the same pseudonym in every ticket
 * and in every run, and nobody without the key can tell whose it is. Thread-safe.
 */
final class Pseudonyms {

  private final SecretKeySpec key;

  Pseudonyms(byte[] secret) {
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
  }

  String of(TenantId tenant, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(tenant.value().getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      byte[] digest = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
      return Erasure.PSEUDONYM_PREFIX + HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
