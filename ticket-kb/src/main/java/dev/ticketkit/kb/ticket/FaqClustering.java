package dev.ticketkit.kb.ticket;

import dev.ticketkit.core.TicketId;
import dev.ticketkit.kb.internal.KbAnalyzer;
import dev.ticketkit.kb.internal.Vectors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.ticketkit.kb.search.TextEmbedding;
import org.apache.lucene.analysis.Analyzer;
import org.jspecify.annotations.Nullable;

/**
 * Groups resolved tickets by text similarity.
 *
 * <p>Implementation notes: with an embedding, each ticket's vector is its (unit) embedding and
 * the rest is as follows. Without, each ticket becomes a TF-IDF vector over the dictionary words of its
 * subject (counted twice) and description, L2-normalised. Tickets are taken most recent first;
 * each joins the group whose centroid (the sum of its members' vectors) is most similar by
 * cosine, if that similarity reaches the threshold, or starts a new group. This single pass is
 * O(tickets x groups) and needs no pairwise matrix, so thousands of tickets take milliseconds.
 * A group's common terms are those found in most of its tickets, weighted by IDF. Not
 * thread-safe; one instance per call.
 */
final class FaqClustering {

  /** A ticket: its TF-IDF vector, or its (unit) embedding when there is one, and its terms. */
  private record Doc(TicketText ticket, Map<String, Double> vector, float @Nullable [] dense,
      Set<String> terms) {}

  private static final class Group {
    final List<Doc> members = new ArrayList<>();
    final Map<String, Double> centroid = new HashMap<>();
    double @Nullable [] denseCentroid;
    double norm;

    void add(Doc doc) {
      members.add(doc);
      if (doc.dense() != null) {
        if (denseCentroid == null) {
          denseCentroid = new double[doc.dense().length];
        }
        double sum = 0;
        for (int i = 0; i < denseCentroid.length; i++) {
          denseCentroid[i] += doc.dense()[i];
          sum += denseCentroid[i] * denseCentroid[i];
        }
        norm = Math.sqrt(sum);
        return;
      }
      doc.vector().forEach((t, w) -> centroid.merge(t, w, Double::sum));
      norm = Math.sqrt(centroid.values().stream().mapToDouble(w -> w * w).sum());
    }

    double similarity(Doc doc) {
      double dot = 0;
      if (doc.dense() != null) {
        for (int i = 0; i < denseCentroid.length; i++) {
          dot += denseCentroid[i] * doc.dense()[i];
        }
        return norm == 0 ? 0 : dot / norm;
      }
      for (Map.Entry<String, Double> e : doc.vector().entrySet()) {
        dot += e.getValue() * centroid.getOrDefault(e.getKey(), 0.0);
      }
      return norm == 0 ? 0 : dot / norm;
    }
  }

  private final Analyzer analyzer;
  private final FaqOptions options;
  private final @Nullable TextEmbedding embedding;
  private final Map<String, Double> idf = new HashMap<>();

  FaqClustering(Analyzer analyzer, FaqOptions options, @Nullable TextEmbedding embedding) {
    this.analyzer = analyzer;
    this.options = options;
    this.embedding = embedding;
  }

  List<FaqCandidate> candidates(List<TicketText> tickets) {
    List<Map<String, Integer>> counts = tickets.stream().map(this::termCounts).toList();
    Map<String, Integer> df = new HashMap<>();
    counts.forEach(c -> c.keySet().forEach(t -> df.merge(t, 1, Integer::sum)));
    df.forEach((t, n) -> idf.put(t, Math.log((tickets.size() + 1.0) / (n + 1.0)) + 1.0));
    List<float[]> dense = embedding == null ? null
        : embedding.embedDocuments(tickets.stream().map(FaqClustering::text).toList());
    List<Doc> docs = new ArrayList<>();
    for (int i = 0; i < tickets.size(); i++) {
      docs.add(new Doc(tickets.get(i), vector(counts.get(i)), dense == null ? null : dense.get(i),
          counts.get(i).keySet()));
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

  /**
   * Returns the cosine similarity of a ticket to each of others: of their embeddings, or of their
   * TF-IDF vectors over these tickets.
   */
  double[] similarities(TicketText target, List<TicketText> others) {
    List<TicketText> all = new ArrayList<>(others.size() + 1);
    all.add(target);
    all.addAll(others);
    double[] out = new double[others.size()];
    if (embedding != null) {
      List<float[]> vectors = embedding.embedDocuments(all.stream().map(FaqClustering::text)
          .toList());
      for (int i = 0; i < out.length; i++) {
        out[i] = Vectors.cosine(vectors.get(0), vectors.get(i + 1));
      }
      return out;
    }
    List<Map<String, Integer>> counts = all.stream().map(this::termCounts).toList();
    Map<String, Integer> df = new HashMap<>();
    counts.forEach(c -> c.keySet().forEach(t -> df.merge(t, 1, Integer::sum)));
    df.forEach((t, n) -> idf.put(t, Math.log((all.size() + 1.0) / (n + 1.0)) + 1.0));
    Map<String, Double> first = vector(counts.get(0));
    for (int i = 0; i < out.length; i++) {
      Map<String, Double> other = vector(counts.get(i + 1));
      out[i] = first.entrySet().stream()
          .mapToDouble(e -> e.getValue() * other.getOrDefault(e.getKey(), 0.0)).sum();
    }
    return out;
  }

  private List<Group> group(List<Doc> docs) {
    List<Group> groups = new ArrayList<>();
    for (Doc doc : docs) {
      Group best = null;
      double bestSimilarity = embedding == null ? options.minSimilarity()
          : 0.6 + 0.4 * options.minSimilarity();
      for (Group group : groups) {
        double similarity = group.similarity(doc);
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

  /** The text a ticket is embedded from: subject and description. */
  static String text(TicketText ticket) {
    String text = (ticket.subject() + "\n" + ticket.description()).strip();
    return text.isEmpty() ? "-" : text;
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
