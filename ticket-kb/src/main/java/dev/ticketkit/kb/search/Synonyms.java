package dev.ticketkit.kb.search;

import dev.ticketkit.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Groups of words or phrases that a search treats as equal, each group in one language, for
 * example {@code zh: 登录 / 登陆 / 登入} and {@code en: login / log in / sign in}. A query that
 * contains one member also finds articles that use another.
 *
 * <p>A group's members are words of its language, so an expansion stays within the language: a
 * Chinese query is not pulled towards English articles. When a request names a locale (as a
 * filter or a preference) only that language's groups apply, plus the groups of
 * {@link #ANY_LANGUAGE}, which a host adds on purpose to bridge languages ({@link #plus}).
 * Synonyms apply at query time only, so changing them needs no re-indexing. Members are analyzed
 * like any text: {@code Login} and {@code login} are one member, and Traditional members fold to
 * Simplified. Instances are immutable and thread-safe.
 *
 * @param groups the groups
 */
public record Synonyms(List<Group> groups) {

  /** The language of a group that applies to every query: a deliberate cross-language bridge. */
  public static final String ANY_LANGUAGE = "*";

  /** No synonyms at all. */
  public static final Synonyms NONE = new Synonyms(List.of());

  /**
   * One group of equal words.
   *
   * @param language the ISO 639 language of the members ({@code zh}, {@code en}), or
   *     {@link #ANY_LANGUAGE}
   * @param members the words or phrases, at least two, none blank
   */
  public record Group(String language, List<String> members) {

    /**
     * Validates and copies the group.
     *
     * @throws InvalidInputException if the language is not a 2-3 letter code or
     *     {@link #ANY_LANGUAGE}, or the group has fewer than two members or a blank one
     */
    public Group {
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(members, "members");
      if (language == null || !(language.equals(ANY_LANGUAGE) || language.matches("[a-z]{2,3}"))) {
        throw new InvalidInputException("language", language, "must be an ISO 639 code or *");
      }
      if (members == null || members.size() < 2
          || members.stream().anyMatch(m -> m == null || m.isBlank())) {
        throw new InvalidInputException("members", members, "needs 2+ non-blank members");
      }
      members = List.copyOf(members);
    }

    boolean appliesTo(Locale locale) {
      return language.equals(ANY_LANGUAGE) || language.equals(locale.getLanguage());
    }
  }

  /**
   * Copies the groups.
   *
   * @throws NullPointerException if the list or a group is null
   */
  public Synonyms {
    groups = List.copyOf(Objects.requireNonNull(groups, "groups"));
  }

  /**
   * Returns the built-in groups: common support vocabulary in Chinese (with the words mainland
   * and Taiwan/Hong Kong users use for the same thing, such as 缓存 and 快取, and everyday words
   * such as 单子 for an order) and in English. No group mixes languages.
   *
   * @return the default synonyms
   */
  public static Synonyms defaults() {
    return DefaultSynonyms.ALL;
  }

  /**
   * Returns these synonyms plus one group that applies to every query whatever its language.
   *
   * @param members the new group's members, at least two
   * @return the extended synonyms
   * @throws InvalidInputException if the group is not acceptable
   */
  public Synonyms plus(String... members) {
    return plus(new Group(ANY_LANGUAGE, List.of(members)));
  }

  /**
   * Returns these synonyms plus one group.
   *
   * @param group the group
   * @return the extended synonyms
   */
  public Synonyms plus(Group group) {
    List<Group> more = new ArrayList<>(groups);
    more.add(Objects.requireNonNull(group, "group"));
    return new Synonyms(more);
  }
}
