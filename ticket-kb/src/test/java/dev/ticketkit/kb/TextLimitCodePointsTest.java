package dev.ticketkit.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.kb.search.SearchQueryException;
import dev.ticketkit.kb.search.SearchRequest;
import dev.ticketkit.kb.ticket.TicketText;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One text-limit rule everywhere (issue 10): the knowledge base counts its limits in code points,
 * as ticket-core does, so a text of astral characters (two UTF-16 units each) may be as long
 * as one of Latin letters, and one code point more is refused.
 */
class TextLimitCodePointsTest {

  /** U+20000, CJK Unified Ideographs Extension B: one code point, two UTF-16 units. */
  private static final String EXT_B = new String(Character.toChars(0x20000));
  private static final String EMOJI = "\uD83D\uDE00";
  private static final TicketId TICKET = TicketId.parse("00000000-0000-4000-8000-000000000001");

  @Test
  void ticketTextCountsCodePoints() {
    String full = EXT_B.repeat(TicketText.MAX_TEXT);
    assertThat(full.length()).isEqualTo(2 * TicketText.MAX_TEXT);
    assertThat(TicketText.open(TICKET, full, EMOJI.repeat(TicketText.MAX_TEXT)).subject())
        .isEqualTo(full);
    assertThatThrownBy(() -> TicketText.open(TICKET, full + EXT_B, "d"))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("subject"));
  }

  @Test
  void articleTitleAndBodyCountCodePoints() {
    String title = EMOJI.repeat(ArticleContent.MAX_TITLE);
    String body = EXT_B.repeat(ArticleContent.MAX_BODY);
    ArticleContent content = new ArticleContent(title, body, List.of(), CategoryPath.ROOT,
        new ArticleDetails.Faq());
    assertThat(content.title()).isEqualTo(title);
    assertThatThrownBy(() -> new ArticleContent(title + EMOJI, "b", List.of(), CategoryPath.ROOT,
        new ArticleDetails.Faq())).isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("title"));
    assertThatThrownBy(() -> new ArticleContent("t", body + EXT_B, List.of(), CategoryPath.ROOT,
        new ArticleDetails.Faq())).isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("body"));
  }

  @Test
  void searchTextCountsCodePoints() {
    String text = EXT_B.repeat(SearchRequest.MAX_TEXT);
    assertThat(SearchRequest.of(TenantId.of("acme"), text).text()).isEqualTo(text);
    assertThatThrownBy(() -> SearchRequest.of(TenantId.of("acme"), text + EMOJI))
        .isInstanceOf(SearchQueryException.class);
  }
}
