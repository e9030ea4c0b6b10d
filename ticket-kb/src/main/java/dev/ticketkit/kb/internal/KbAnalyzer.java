package dev.ticketkit.kb.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analyzers of the knowledge base: one chain for mixed Chinese and Latin text, with the
 * Chinese part cut either into overlapping bigrams or into dictionary words, plus two secondary
 * chains for Han text only: single characters, and pinyin syllable bigrams.
 *
 * <p>Every chain first folds Traditional Han characters to Simplified ones ({@link HanText}), so
 * {@code 載具} and {@code 载具} are the same terms at index and query time. The main chains fold
 * full-width forms, lower-case, drop English stop words and Porter-stem Latin words, so only the
 * treatment of Han characters differs. Analyzers are thread-safe (Lucene reuses per-thread token
 * streams).
 */
public final class KbAnalyzer {

  /** The longest token kept; longer ones are cut by the tokenizer. */
  public static final int MAX_TOKEN_LENGTH = 100;

  private KbAnalyzer() {}

  /**
   * Returns the analyzer that cuts Han text into overlapping bigrams ({@code 支付失败} gives
   * {@code 支付 付失 失败}) and keeps Latin words whole.
   *
   * @return a new analyzer
   */
  public static Analyzer bigram() {
    return new Folded() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        source.setMaxTokenLength(MAX_TOKEN_LENGTH);
        TokenStream chain = new CJKWidthFilter(source);
        chain = new LowerCaseFilter(chain);
        chain = new CJKBigramFilter(chain);
        return new TokenStreamComponents(source, latinTail(chain));
      }
    };
  }

  /**
   * Returns the analyzer that segments Han text into words with Lucene's SmartChineseAnalyzer
   * dictionary ({@code 支付失败} gives {@code 支付 失败}).
   *
   * @return a new analyzer
   */
  public static Analyzer smart() {
    CharArraySet stop = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), false);
    stop.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    return new Folded() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new HMMChineseTokenizer();
        TokenStream chain = new CJKWidthFilter(source);
        chain = new LowerCaseFilter(chain);
        chain = new StopFilter(chain, stop);
        return new TokenStreamComponents(source, latinTail(chain));
      }
    };
  }

  /**
   * Returns the analyzer that keeps only Han characters, one term each ({@code 开个店} gives
   * {@code 开 个 店}): the fallback for colloquial text whose bigrams occur nowhere.
   *
   * @return a new analyzer
   */
  public static Analyzer unigram() {
    return new Folded() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream chain = HanTokenFilters.hanOnly(new CJKWidthFilter(source));
        return new TokenStreamComponents(source, chain);
      }
    };
  }

  /**
   * Returns the analyzer that spells Han text as toneless pinyin syllable bigrams ({@code 发票}
   * and the typo {@code 发漂} both give {@code fapiao}): the homophone-tolerant field.
   *
   * @return a new analyzer
   */
  public static Analyzer pinyin() {
    return new Folded() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream chain = HanTokenFilters.hanOnly(new CJKWidthFilter(source));
        chain = HanTokenFilters.pinyin(chain);
        ShingleFilter pairs = new ShingleFilter(chain, 2, 2);
        pairs.setTokenSeparator("");
        pairs.setFillerToken("");
        pairs.setOutputUnigrams(false);
        pairs.setOutputUnigramsIfNoShingles(true);
        return new TokenStreamComponents(source, pairs);
      }
    };
  }

  /** An analyzer whose text is folded from Traditional to Simplified Han before tokenizing. */
  private abstract static class Folded extends Analyzer {
    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return new MappingCharFilter(HanText.foldingMap(), reader);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
      return new MappingCharFilter(HanText.foldingMap(), reader);
    }
  }

  private static TokenStream latinTail(TokenStream chain) {
    TokenStream tail = new EnglishPossessiveFilter(chain);
    tail = new StopFilter(tail, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    return new PorterStemFilter(tail);
  }

  /**
   * Returns the terms an analyzer makes of a text, in order.
   *
   * @param analyzer the analyzer
   * @param text the text
   * @return the terms
   */
  public static List<String> terms(Analyzer analyzer, String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("body", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of an in-memory string failed", e);
    }
    return terms;
  }
}
