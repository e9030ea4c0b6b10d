package dev.ticketkit.kb.ticket;

import dev.ticketkit.core.TicketId;
import dev.ticketkit.kb.internal.KbAnalyzer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * Groups resolved tickets by text similarity.
 *
 * <p>Implementation notes: each ticket becomes a TF-IDF vector over the dictionary words of its
 * subject (counted twice) and description, L2-normalised. Tickets are taken most recent first;
 * each joins the group whose centroid (the sum of its members' vectors) is most similar by
 * cosine, if that similarity reaches the threshold, or starts a new group. This single pass is
 * O(tickets x groups) and needs no pairwise matrix, so thousands of tickets take milliseconds.
 * A group's common terms are those found in most of its tickets, weighted by IDF. Not
 * thread-safe; one instance per call.
 */
final class FaqClustering {

  private record Doc(TicketText ticket, Map<String, Double> vector, Set<String> terms) {}

  private static final class Group {
    final List<Doc> members = new ArrayList<>();
    final Map<String, Double> centroid = new HashMap<>();
    double norm;

    void add(Doc doc) {
      members.add(doc);
      doc.vector().forEach((t, w) -> centroid.merge(t, w, Double::sum));
      norm = Math.sqrt(centroid.values().stream().mapToDouble(w -> w * w).sum());
    }

    double similarity(Map<String, Double> vector) {
      double dot = 0;
      for (Map.Entry<String, Double> e : vector.entrySet()) {
        dot += e.getValue() * centroid.getOrDefault(e.getKey(), 0.0);
      }
      return norm == 0 ? 0 : dot / norm;
    }
  }

  private final Analyzer analyzer;
  private final FaqOptions options;
  private final Map<String, Double> idf = new HashMap<>();

  FaqClustering(Analyzer analyzer, FaqOptions options) {
    this.analyzer = analyzer;
    this.options = options;
  }

  List<FaqCandidate> candidates(List<TicketText> tickets) {
    List<Map<String, Integer>> counts = tickets.stream().map(this::termCounts).toList();
    Map<String, Integer> df = new HashMap<>();
    counts.forEach(c -> c.keySet().forEach(t -> df.merge(t, 1, Integer::sum)));
    df.forEach((t, n) -> idf.put(t, Math.log((tickets.size() + 1.0) / (n + 1.0)) + 1.0));
    List<Doc> docs = new ArrayList<>();
    for (int i = 0; i < tickets.size(); i++) {
      docs.add(new Doc(tickets.get(i), vector(counts.get(i)), counts.get(i).keySet()));
    }
    docs.sort(Comparator.comparing((Doc d) -> d.ticket().resolvedAt()).reversed()
        .thenComparing(d -> d.ticket().id()));
    return group(docs).stream()
        .filter(g -> g.members.size() >= options.minGroupSize())
        .map(this::candidate)
        .sorted(Comparator.comparingInt(FaqCandidate::size).reversed()
            .thenComparing(FaqCandidate::latestResolvedAt, Comparator.reverseOrder()))
        .limit(options.maxCandidates())
        .toList();
  }

  private List<Group> group(List<Doc> docs) {
    List<Group> groups = new ArrayList<>();
    for (Doc doc : docs) {
      Group best = null;
      double bestSimilarity = options.minSimilarity();
      for (Group group : groups) {
        double similarity = group.similarity(doc.vector());
        if (similarity >= bestSimilarity) {
          best = group;
          bestSimilarity = similarity;
        }
      }
      if (best == null) {
        best = new Group();
        groups.add(best);
      }
      best.add(doc);
    }
    return groups;
  }

  private Map<String, Integer> termCounts(TicketText ticket) {
    Map<String, Integer> counts = new HashMap<>();
    for (String term : KbAnalyzer.terms(analyzer, ticket.subject())) {
      if (useful(term)) {
        counts.merge(term, 2, Integer::sum);
      }
    }
    for (String term : KbAnalyzer.terms(analyzer, ticket.description())) {
      if (useful(term)) {
        counts.merge(term, 1, Integer::sum);
      }
    }
    return counts;
  }

  private static boolean useful(String term) {
    return term.codePointCount(0, term.length()) >= 2 && !term.chars().allMatch(Character::isDigit);
  }

  private Map<String, Double> vector(Map<String, Integer> counts) {
    Map<String, Double> vector = new HashMap<>();
    counts.forEach((t, n) -> vector.put(t, (1 + Math.log(n)) * idf.get(t)));
    double norm = Math.sqrt(vector.values().stream().mapToDouble(w -> w * w).sum());
    vector.replaceAll((t, w) -> norm == 0 ? 0 : w / norm);
    return vector;
  }

  private FaqCandidate candidate(Group group) {
    List<TicketId> ids = group.members.stream().map(d -> d.ticket().id()).toList();
    Instant latest = group.members.get(0).ticket().resolvedAt();
    return new FaqCandidate(ids.size(), latest, ids.subList(0, Math.min(options.examples(),
        ids.size())), commonTerms(group), ids);
  }

  private List<String> commonTerms(Group group) {
    Map<String, Integer> inTickets = new HashMap<>();
    group.members.forEach(d -> new HashSet<>(d.terms()).forEach(t -> inTickets.merge(t, 1,
        Integer::sum)));
    int needed = Math.max(2, (group.members.size() + 2) / 3);
    return inTickets.entrySet().stream()
        .filter(e -> e.getValue() >= needed)
        .sorted(Comparator.comparingDouble(
                (Map.Entry<String, Integer> e) -> -e.getValue() * idf.get(e.getKey()))
            .thenComparing(Map.Entry::getKey))
        .limit(options.terms())
        .map(Map.Entry::getKey)
        .toList();
  }
}
