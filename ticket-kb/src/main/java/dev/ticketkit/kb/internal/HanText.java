package dev.ticketkit.kb.internal;

import com.ibm.icu.text.Transliterator;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;

/**
 * Han characters as search needs them: folded from Traditional to Simplified script, and spelled
 * in toneless pinyin. Both come from ICU4J's transforms ({@code Traditional-Simplified} and
 * {@code Han-Latin; Latin-ASCII}), the maintained Unicode component Lucene's ICU module uses, not
 * from a hand-made table.
 *
 * <p>Implementation notes: folding is applied one character at a time (ICU's transform is
 * character-based for almost every Han character; the few phrase-level choices do not matter for
 * matching because index and query are folded the same way). The folding map covers the CJK
 * Unified Ideographs, Extension A and the compatibility ideographs and is built once, on first
 * use, into a Lucene {@link NormalizeCharMap} (about 2,700 entries, under a second). Pinyin
 * readings are computed on demand and cached per character; a character with several readings
 * gets ICU's first (most common) one. Thread-safe.
 */
public final class HanText {

  private static final int[][] RANGES = {{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}};
  private static final ConcurrentMap<Integer, String> PINYIN = new ConcurrentHashMap<>();
  private static final Transliterator TO_PINYIN =
      Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");

  private HanText() {}

  /** Holds the folding map, built when first asked for. */
  private static final class Folding {
    static final NormalizeCharMap MAP = build();

    private static NormalizeCharMap build() {
      Transliterator toSimplified = Transliterator.getInstance("Traditional-Simplified");
      NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
      for (int[] range : RANGES) {
        for (int cp = range[0]; cp <= range[1]; cp++) {
          String from = new String(Character.toChars(cp));
          String to = toSimplified.transliterate(from);
          if (!to.equals(from) && !to.isEmpty()) {
            builder.add(from, to);
          }
        }
      }
      return builder.build();
    }
  }

  /**
   * Returns the character map that folds Traditional Han characters to Simplified ones, for a
   * {@link org.apache.lucene.analysis.charfilter.MappingCharFilter}.
   *
   * @return the map
   */
  public static NormalizeCharMap foldingMap() {
    return Folding.MAP;
  }

  /**
   * Tells whether a code point is a Han ideograph.
   *
   * @param codePoint the code point
   * @return true for Han
   */
  public static boolean isHan(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }

  /**
   * Returns the toneless pinyin of one Han character, such as {@code piao} for 票 and 漂.
   *
   * @param codePoint a Han code point
   * @return the lower-case ASCII reading, or the character itself when ICU knows no reading
   */
  public static String pinyin(int codePoint) {
    return PINYIN.computeIfAbsent(codePoint, HanText::reading);
  }

  private static String reading(int codePoint) {
    String text = new String(Character.toChars(codePoint));
    String latin;
    synchronized (TO_PINYIN) {
      latin = TO_PINYIN.transliterate(text);
    }
    latin = latin.strip().toLowerCase(Locale.ROOT);
    return latin.isEmpty() || !latin.chars().allMatch(c -> c >= 'a' && c <= 'z') ? text : latin;
  }
}
