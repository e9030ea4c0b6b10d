package dev.ticketkit.kb.search;

import dev.ticketkit.core.InvalidInputException;
import java.util.Objects;

/**
 * How a search index analyzes and ranks: the Chinese analysis, the synonyms, the weight of a
 * match in the title, the tags and the body, and whether Latin words tolerate typos.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param chinese how Chinese text is cut into terms
 * @param synonyms the synonym groups applied to queries
 * @param titleBoost the weight of a title match, highest of the three
 * @param tagsBoost the weight of a tag match
 * @param bodyBoost the weight of a body match
 * @param fuzzy whether Latin words of 4+ letters also match words one or two edits away
 */
public record SearchSettings(
    ChineseAnalysis chinese,
    Synonyms synonyms,
    float titleBoost,
    float tagsBoost,
    float bodyBoost,
    boolean fuzzy) {

  /**
   * Validates the settings.
   *
   * @throws InvalidInputException if a boost is not positive or the boosts are not ordered
   *     title, tags, body
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
  }

  /**
   * Returns the defaults: bigram Chinese analysis, {@link Synonyms#defaults()}, boosts 3, 2 and 1,
   * typo tolerance on.
   *
   * @return the default settings
   */
  public static SearchSettings defaults() {
    return new SearchSettings(ChineseAnalysis.BIGRAM, Synonyms.defaults(), 3f, 2f, 1f, true);
  }

  /**
   * Returns a copy with another Chinese analysis.
   *
   * @param analysis the analysis
   * @return the copy
   */
  public SearchSettings withChinese(ChineseAnalysis analysis) {
    return new SearchSettings(analysis, synonyms, titleBoost, tagsBoost, bodyBoost, fuzzy);
  }

  /**
   * Returns a copy with other synonyms.
   *
   * @param groups the synonyms
   * @return the copy
   */
  public SearchSettings withSynonyms(Synonyms groups) {
    return new SearchSettings(chinese, groups, titleBoost, tagsBoost, bodyBoost, fuzzy);
  }

  /**
   * Returns a copy with typo tolerance on or off.
   *
   * @param enabled whether Latin words match near spellings
   * @return the copy
   */
  public SearchSettings withFuzzy(boolean enabled) {
    return new SearchSettings(chinese, synonyms, titleBoost, tagsBoost, bodyBoost, enabled);
  }
}
