package dev.ticketkit.kb.store;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.ArticleId;
import java.util.Comparator;
import java.util.Objects;

/**
 * The full key of an article in a store: its tenant and its id, ordered by tenant then id. It is
 * the keyset position of {@link ArticleStore#scan(ArticleRef, int)}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param tenant the tenant
 * @param id the article id
 */
public record ArticleRef(TenantId tenant, ArticleId id) implements Comparable<ArticleRef> {

  private static final Comparator<ArticleRef> ORDER =
      Comparator.comparing(ArticleRef::tenant).thenComparing(ArticleRef::id);

  /**
   * Validates the key.
   *
   * @throws NullPointerException if a part is null
   */
  public ArticleRef {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
  }

  @Override
  public int compareTo(ArticleRef other) {
    return ORDER.compare(this, other);
  }
}
