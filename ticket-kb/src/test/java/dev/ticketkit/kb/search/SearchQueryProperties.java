package dev.ticketkit.kb.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.KnowledgeBase;
import dev.ticketkit.kb.Viewer;
import dev.ticketkit.kb.testing.Corpus;
import dev.ticketkit.kb.testing.MutableClock;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes search texts: any text up to the documented length searches without an exception (no
 * query syntax is ever parsed), and a longer one fails with the typed exception only.
 */
class SearchQueryProperties {

  private static final TenantId ACME = TenantId.of("acme");
  private static KnowledgeBase kb;

  @BeforeContainer
  static void corpus() {
    kb = KnowledgeBase.builder(new MutableClock(Instant.parse("2026-11-02T09:00:00Z"))).build();
    Corpus.publish(kb, ACME);
  }

  @AfterContainer
  static void close() {
    kb.index().close();
  }

  @Provide
  Arbitrary<String> hostileText() {
    Arbitrary<String> syntax = Arbitraries.of("AND", "OR", "NOT", "\"", "(", ")", "*", "?", "~",
        "~2", "^3", ":", "\\", "/", "[", "]", "{", "}", "+", "-", "&&", "||", "!", "title:",
        "登录", "登陆", "login", "pasword", "支付失败", "\u0000", "\uD800", "\uDC00", "\uFFFF",
        "😀", "\u200B", "\t", "\n", " ", "ｌｏｇｉｎ", "ß", "İ", "a".repeat(300), "漢".repeat(300));
    Arbitrary<String> pieces = Arbitraries.oneOf(syntax, Arbitraries.strings().ofMaxLength(40),
        Arbitraries.strings().all().ofMaxLength(20));
    return pieces.list().ofMaxSize(60).map(list -> String.join(" ", list))
        .map(s -> s.length() > SearchRequest.MAX_TEXT ? s.substring(0, SearchRequest.MAX_TEXT) : s);
  }

  @Property(tries = 300)
  void anyTextSearchesWithoutThrowing(@ForAll("hostileText") String text,
      @ForAll("hostileText") String context, @ForAll Viewer viewer) {
    SearchResults results = kb.search(SearchRequest.of(ACME, text).withContext(context)
        .withViewer(viewer).withLimit(20));
    assertThat(results.hits()).hasSizeLessThanOrEqualTo(20);
    assertThat(results.totalHits()).isGreaterThanOrEqualTo(results.hits().size());
  }

  @Property(tries = 30)
  void longestAcceptedTextStillSearches(@ForAll("hostileText") String seed) {
    String text = (seed + " password 登录 ").repeat(SearchRequest.MAX_TEXT)
        .substring(0, SearchRequest.MAX_TEXT);
    assertThat(kb.search(SearchRequest.of(ACME, text).withContext(text)).hits()).isNotNull();
  }

  @Property(tries = 20)
  void tooLongTextFailsWithTheTypedException(@ForAll("hostileText") String seed) {
    String text = "x".repeat(SearchRequest.MAX_TEXT + 1) + seed;
    assertThatThrownBy(() -> SearchRequest.of(ACME, text))
        .isInstanceOf(SearchQueryException.class);
  }
}
