package dev.ticketkit.kb.internal;

import java.io.IOException;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Token filters over the single-character Han tokens of Lucene's {@link StandardTokenizer}: keep
 * only Han tokens, and replace each by its pinyin (a following shingle filter joins neighbouring syllables
 * into {@code fapiao}). Not thread-safe, like every token stream; analyzers create one per thread.
 */
public final class HanTokenFilters {

  private static final String HAN = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC];

  private HanTokenFilters() {}

  /**
   * Returns a stream that drops every token that is not a Han ideograph.
   *
   * @param in the tokens
   * @return the Han tokens
   */
  public static TokenStream hanOnly(TokenStream in) {
    return new FilteringTokenFilter(in) {
      private final TypeAttribute type = addAttribute(TypeAttribute.class);

      @Override
      protected boolean accept() {
        return HAN.equals(type.type());
      }
    };
  }

  /**
   * Returns a stream that spells each Han token in toneless pinyin.
   *
   * @param in Han tokens of one character
   * @return the pinyin tokens, still typed ideographic
   */
  public static TokenStream pinyin(TokenStream in) {
    return new TokenFilter(in) {
      private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

      @Override
      public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
          return false;
        }
        if (term.length() > 0) {
          int cp = Character.codePointAt(term, 0);
          if (HanText.isHan(cp)) {
            term.setEmpty().append(HanText.pinyin(cp));
          }
        }
        return true;
      }
    };
  }
}
