package dev.ticketkit.core.routing;

import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Category;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One agent as routing sees them: the group whose queue they take tickets from, their skills
 * (categories, languages, channels) and their capacity, in load units (see {@link LoadWeights}).
 * Immutable; copies are made with the {@code withX} methods.
 *
 * @param agent the agent
 * @param group the group, such as {@code "L1"} or {@code "billing"}: 1 to 64 letters, digits,
 *     {@code .}, {@code _} or {@code -}, starting with a letter or digit
 * @param capacity the most load the agent may carry, 0 to {@value #MAX_CAPACITY} (0: takes no
 *     routed ticket)
 * @param categories the categories the agent handles well
 * @param languages the languages the agent speaks, as lower-case ISO 639 codes ({@code "zh"})
 * @param channels the channels the agent works
 */
public record AgentProfile(AgentId agent, String group, int capacity, Set<Category> categories,
    Set<String> languages, Set<Channel> channels) {

  /** The largest capacity. */
  public static final int MAX_CAPACITY = 10_000;

  private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,8}");

  /**
   * Checks the profile and copies the sets.
   *
   * @throws InvalidInputException if a part is null, the group malformed, the capacity out of
   *     range, or a language not a lower-case code
   */
  public AgentProfile {
    if (agent == null) {
      throw new InvalidInputException("agent", null, "must not be null");
    }
    group = checkGroup(group);
    if (capacity < 0 || capacity > MAX_CAPACITY) {
      throw new InvalidInputException("capacity", capacity,
          "must be between 0 and " + MAX_CAPACITY);
    }
    categories = Set.copyOf(notNull("categories", categories));
    languages = Set.copyOf(notNull("languages", languages));
    channels = Set.copyOf(notNull("channels", channels));
    for (String l : languages) {
      if (!LANGUAGE.matcher(l).matches()) {
        throw new InvalidInputException("languages", l, "must be a lower-case ISO 639 code");
      }
    }
  }

  /**
   * Returns a profile without skills.
   *
   * @param agent the agent
   * @param group the group
   * @param capacity the capacity
   * @return the profile
   * @throws InvalidInputException as the constructor
   */
  public static AgentProfile of(AgentId agent, String group, int capacity) {
    return new AgentProfile(agent, group, capacity, Set.of(), Set.of(), Set.of());
  }

  /**
   * Returns a copy with these categories.
   *
   * @param values the categories
   * @return the copy
   */
  public AgentProfile withCategories(Category... values) {
    return new AgentProfile(agent, group, capacity, Set.of(values), languages, channels);
  }

  /**
   * Returns a copy with these languages (any case; {@code "zh-CN"} counts as {@code "zh"}).
   *
   * @param values the language tags
   * @return the copy
   * @throws InvalidInputException if a tag has no language
   */
  public AgentProfile withLanguages(String... values) {
    Set<String> codes = Arrays.stream(values).map(AgentProfile::language)
        .collect(Collectors.toCollection(TreeSet::new));
    return new AgentProfile(agent, group, capacity, categories, codes, channels);
  }

  /**
   * Returns a copy with these channels.
   *
   * @param values the channels
   * @return the copy
   */
  public AgentProfile withChannels(Channel... values) {
    return new AgentProfile(agent, group, capacity, categories, languages, Set.of(values));
  }

  /**
   * Returns a copy with another capacity.
   *
   * @param value the capacity
   * @return the copy
   * @throws InvalidInputException if out of range
   */
  public AgentProfile withCapacity(int value) {
    return new AgentProfile(agent, group, value, categories, languages, channels);
  }

  /**
   * Returns the language code of a tag, as profiles keep it: {@code "zh-CN"} and {@code "ZH"}
   * are {@code "zh"}.
   *
   * @param tag a BCP 47 language tag
   * @return the lower-case language code
   * @throws InvalidInputException if the tag is null or has no language
   */
  public static String language(String tag) {
    if (tag == null) {
      throw new InvalidInputException("language", null, "must not be null");
    }
    String code = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
    if (code.isEmpty()) {
      throw new InvalidInputException("language", tag, "is not a language tag");
    }
    return code;
  }

  static String checkGroup(String group) {
    if (group == null || !GROUP.matcher(group).matches()) {
      throw new InvalidInputException("group", group,
          "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    return group;
  }

  private static <T> T notNull(String field, T value) {
    if (value == null) {
      throw new InvalidInputException(field, null, "must not be null");
    }
    return Objects.requireNonNull(value);
  }
}
