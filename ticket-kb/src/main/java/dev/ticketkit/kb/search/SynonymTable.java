package dev.ticketkit.kb.search;

import dev.ticketkit.kb.internal.KbAnalyzer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.jspecify.annotations.Nullable;

/**
 * Synonym groups analyzed into term sequences, looked up by their first term.
 *
 * <p>Immutable after construction and thread-safe.
 */
final class SynonymTable {

  /** A run of query terms that matched a member, and the group's other members. */
  record Match(int length, List<List<String>> alternatives) {}

  private record Member(List<String> terms, int group) {}

  private final List<List<List<String>>> groups = new ArrayList<>();
  private final List<Synonyms.Group> sources = new ArrayList<>();
  private final Map<String, List<Member>> byFirstTerm = new HashMap<>();

  SynonymTable(Synonyms synonyms, Analyzer analyzer) {
    for (Synonyms.Group group : synonyms.groups()) {
      List<List<String>> analyzed = new ArrayList<>();
      for (String member : group.members()) {
        List<String> terms = KbAnalyzer.terms(analyzer, member);
        if (!terms.isEmpty() && !analyzed.contains(terms)) {
          analyzed.add(List.copyOf(terms));
        }
      }
      int index = groups.size();
      groups.add(analyzed);
      sources.add(group);
      analyzed.forEach(t -> byFirstTerm.computeIfAbsent(t.get(0), k -> new ArrayList<>())
          .add(new Member(t, index)));
    }
  }

  /**
   * Returns the longest member that the terms starting at {@code from} spell, or null.
   *
   * @param language the request's locale: only its language's groups (and cross-language ones)
   *     apply; null for every group
   */
  @Nullable Match matchAt(List<String> terms, int from, @Nullable Locale language) {
    @Nullable Member best = null;
    for (Member member : byFirstTerm.getOrDefault(terms.get(from), List.of())) {
      int end = from + member.terms().size();
      boolean fits = end <= terms.size() && terms.subList(from, end).equals(member.terms())
          && (language == null || sources.get(member.group()).appliesTo(language));
      if (fits && (best == null || member.terms().size() > best.terms().size())) {
        best = member;
      }
    }
    if (best == null) {
      return null;
    }
    List<List<String>> others = new ArrayList<>(groups.get(best.group()));
    others.remove(best.terms());
    return new Match(best.terms().size(), others);
  }
}
