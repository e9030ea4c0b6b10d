package dev.ticketkit.kb.search;

import dev.ticketkit.core.InvalidInputException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a search index analyzes and ranks: the Chinese analysis, the synonyms, the weight of a
 * match in the title, the tags and the body, whether Latin words tolerate typos, the weights of
 * the two Chinese fallbacks (single characters, pinyin), the relevance a confident answer needs,
 * and, for hybrid search, an embedding.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param chinese how Chinese text is cut into terms
 * @param synonyms the synonym groups applied to queries
 * @param titleBoost the weight of a title match, highest of the three
 * @param tagsBoost the weight of a tag match
 * @param bodyBoost the weight of a body match
 * @param fuzzy whether Latin words of 4+ letters also match words one or two edits away
 * @param unigramWeight the weight of single Han characters, the fallback for colloquial text whose
 *     words (bigrams) occur nowhere; 0 turns it off
 * @param pinyinWeight the weight of pinyin syllable pairs, which match Chinese homophone typos
 *     ({@code 发漂} for {@code 发票}); 0 turns it off
 * @param confidence the relevance from which a hit counts as a confident answer, 0 to 1
 * @param embedding the embedding of hybrid search, or null for lexical search only
 * @param vectorWeight in hybrid search, the weight of the vector ranking in the fusion, the
 *     lexical ranking's being 1 (0 to 1)
 */
public record SearchSettings(
    ChineseAnalysis chinese,
    Synonyms synonyms,
    float titleBoost,
    float tagsBoost,
    float bodyBoost,
    boolean fuzzy,
    float unigramWeight,
    float pinyinWeight,
    double confidence,
    @Nullable TextEmbedding embedding,
    float vectorWeight) {

  /** The default weight of the vector ranking in hybrid fusion. */
  public static final float DEFAULT_VECTOR_WEIGHT = 1f;
  /** The default relevance from which a hit is a confident answer. */
  public static final double DEFAULT_CONFIDENCE = 0.5;

  /**
   * Validates the settings.
   *
   * @throws InvalidInputException if a boost is not positive or the boosts are not ordered
   *     title, tags, body, a fallback weight is negative or above the body's, or the confidence
   *     is outside 0 to 1
   * @throws NullPointerException if an argument is null
   */
  public SearchSettings {
    Objects.requireNonNull(chinese, "chinese");
    Objects.requireNonNull(synonyms, "synonyms");
    if (!(bodyBoost > 0 && tagsBoost >= bodyBoost && titleBoost >= tagsBoost)
        || Float.isInfinite(titleBoost)) {
      throw new InvalidInputException("boosts", titleBoost + "/" + tagsBoost + "/" + bodyBoost,
          "must be finite, positive and ordered title >= tags >= body");
    }
    checkWeight("unigramWeight", unigramWeight, bodyBoost);
    checkWeight("pinyinWeight", pinyinWeight, bodyBoost);
    if (!(vectorWeight >= 0 && vectorWeight <= 1)) {
      throw new InvalidInputException("vectorWeight", vectorWeight, "must be 0 to 1");
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new InvalidInputException("confidence", confidence, "must be 0 to 1");
    }
  }

  private static void checkWeight(String field, float weight, float bodyBoost) {
    if (!(weight >= 0 && weight <= bodyBoost)) {
      throw new InvalidInputException(field, weight, "must be 0 to the body boost " + bodyBoost);
    }
  }

  /**
   * Returns the defaults: bigram Chinese analysis, {@link Synonyms#defaults()}, boosts 3, 2 and 1,
   * typo tolerance on, single characters at 0.2 and pinyin at 0.3 of a body match, confidence
   * {@value #DEFAULT_CONFIDENCE}, no embedding (lexical search).
   *
   * @return the default settings
   */
  public static SearchSettings defaults() {
    return new SearchSettings(ChineseAnalysis.BIGRAM, Synonyms.defaults(), 3f, 2f, 1f, true,
        0.2f, 0.3f, DEFAULT_CONFIDENCE, null, DEFAULT_VECTOR_WEIGHT);
  }

  /**
   * Returns a copy with another Chinese analysis.
   *
   * @param analysis the analysis
   * @return the copy
   */
  public SearchSettings withChinese(ChineseAnalysis analysis) {
    return new SearchSettings(analysis, synonyms, titleBoost, tagsBoost, bodyBoost, fuzzy,
        unigramWeight, pinyinWeight, confidence, embedding, vectorWeight);
  }

  /**
   * Returns a copy with other synonyms.
   *
   * @param groups the synonyms
   * @return the copy
   */
  public SearchSettings withSynonyms(Synonyms groups) {
    return new SearchSettings(chinese, groups, titleBoost, tagsBoost, bodyBoost, fuzzy,
        unigramWeight, pinyinWeight, confidence, embedding, vectorWeight);
  }

  /**
   * Returns a copy with typo tolerance on or off.
   *
   * @param enabled whether Latin words match near spellings
   * @return the copy
   */
  public SearchSettings withFuzzy(boolean enabled) {
    return new SearchSettings(chinese, synonyms, titleBoost, tagsBoost, bodyBoost, enabled,
        unigramWeight, pinyinWeight, confidence, embedding, vectorWeight);
  }

  /**
   * Returns a copy with other weights for the Chinese fallbacks.
   *
   * @param unigrams the weight of single Han characters (0: off)
   * @param pinyin the weight of pinyin syllable pairs (0: off)
   * @return the copy
   * @throws InvalidInputException if a weight is negative or above the body boost
   */
  public SearchSettings withFallbacks(float unigrams, float pinyin) {
    return new SearchSettings(chinese, synonyms, titleBoost, tagsBoost, bodyBoost, fuzzy,
        unigrams, pinyin, confidence, embedding, vectorWeight);
  }

  /**
   * Returns a copy with another confidence threshold: the sensitivity of the "no good answer"
   * signal. Relevance is a logistic model's output shifted so that the default 0.5 sits at the
   * calibrated cut (the model's coefficients are data, {@code relevance-model.properties} in this
   * package); a higher threshold flags more queries without an answer and more answerable ones
   * (docs/benchmarks.md, issue 16, lists both rates at thresholds 0.3 to 0.8).
   *
   * @param threshold the relevance from which a hit is a confident answer, 0 to 1
   * @return the copy
   * @throws InvalidInputException if the threshold is outside 0 to 1
   */
  public SearchSettings withConfidence(double threshold) {
    return new SearchSettings(chinese, synonyms, titleBoost, tagsBoost, bodyBoost, fuzzy,
        unigramWeight, pinyinWeight, threshold, embedding, vectorWeight);
  }

  /**
   * Returns a copy with another weight of the vector ranking in hybrid fusion.
   *
   * @param weight the weight, 0 to 1 (the lexical ranking's is 1)
   * @return the copy
   * @throws InvalidInputException if the weight is outside 0 to 1
   */
  public SearchSettings withVectorWeight(float weight) {
    return new SearchSettings(chinese, synonyms, titleBoost, tagsBoost, bodyBoost, fuzzy,
        unigramWeight, pinyinWeight, confidence, embedding, weight);
  }

  /**
   * Returns a copy that searches hybrid: article vectors from the embedding are stored in the
   * index and their nearest neighbours are fused with the lexical ranking (reciprocal rank
   * fusion).
   *
   * @param model the embedding, for example {@code BgeSmallZhEmbedding.load()} from
   *     {@code ticket-kb-semantic}, or null for lexical search only
   * @return the copy
   */
  public SearchSettings withEmbedding(@Nullable TextEmbedding model) {
    return new SearchSettings(chinese, synonyms, titleBoost, tagsBoost, bodyBoost, fuzzy,
        unigramWeight, pinyinWeight, confidence, model, vectorWeight);
  }
}
