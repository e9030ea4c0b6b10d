package dev.ticketkit.jdbc.internal;

import dev.ticketkit.report.source.FactField;
import dev.ticketkit.report.source.Filter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The smallest OR of filter conjunctions that matches exactly the facts an OR of given
 * conjunctions matches: what a statement answering several report queries at once needs in its
 * {@code WHERE} (a fact matching any query), without the conditions that only repeat others and
 * make the planner overestimate the rows (issue 12: 17 period conditions estimated at 611,356
 * rows of 177,861, so a sequential scan instead of index ranges).
 *
 * <p>Implementation notes. First, conjunctions that are a single {@link Filter.Between} are
 * merged per field where their half-open ranges overlap or touch ({@code [a, b)} and
 * {@code [c, d)} with {@code c <= b}, {@code a <= d} give {@code [min(a, c), max(b, d))}: their
 * union, as both exclude null). Then a conjunction is left out when it implies another one that
 * stays (of two that imply each other, the first stays), so the OR keeps its truth for every fact
 * that it selects; only {@code TRUE} counts in a {@code WHERE}, and a conjunction left out is
 * {@code TRUE} only where the one it implies is. A conjunction implies another when each filter
 * of the other is implied by one of its own: the same filter; on the same instant field, a range
 * inside a range, a range or {@code Before} ending at or before a {@code Before}'s bound, a range
 * starting at or after a {@code NotBefore}'s bound, a {@code NotBefore} at or after another's
 * bound, a range or {@code Before} implies the field is set, a null field is not before anything;
 * and an empty range ({@code from == to}, matching nothing) implies anything. These relations are
 * closed under composition, so implication is transitive and every conjunction left out implies
 * one that stays. Nothing else is inferred (keys, categories, tags only by equal filters), which
 * is safe: a missed implication only keeps a redundant conjunction. Stateless and thread-safe.
 */
public final class FilterCover {

  private FilterCover() {
  }

  /**
   * Returns the reduced OR of conjunctions, in the order of their first conjunction.
   *
   * @param conjunctions the conjunctions (filters ANDed; an empty one is true)
   * @return conjunctions whose OR matches the same facts, none implied by another
   */
  public static List<List<Filter>> reduce(List<? extends Collection<Filter>> conjunctions) {
    List<List<Filter>> arms = merged(conjunctions);
    List<List<Filter>> out = new ArrayList<>();
    for (int i = 0; i < arms.size(); i++) {
      if (!impliesAnother(arms, i)) {
        out.add(arms.get(i));
      }
    }
    return out;
  }

  /** The conjunctions, with single ranges merged per field where they overlap or touch. */
  private static List<List<Filter>> merged(List<? extends Collection<Filter>> conjunctions) {
    Map<FactField, List<Filter.Between>> ranges = new LinkedHashMap<>();
    for (Collection<Filter> c : conjunctions) {
      List<Filter> arm = List.copyOf(new LinkedHashSet<>(c));
      if (arm.size() == 1 && arm.get(0) instanceof Filter.Between b) {
        ranges.computeIfAbsent(b.field(), f -> new ArrayList<>()).add(b);
      }
    }
    List<List<Filter>> out = new ArrayList<>();
    for (Collection<Filter> c : conjunctions) {
      List<Filter> arm = List.copyOf(new LinkedHashSet<>(c));
      if (arm.size() == 1 && arm.get(0) instanceof Filter.Between b) {
        List<Filter.Between> own = ranges.remove(b.field());
        if (own != null) {
          union(own).forEach(u -> out.add(List.of(u)));
        }
      } else {
        out.add(arm);
      }
    }
    return out;
  }

  /** The union of ranges of one field, as ranges that neither overlap nor touch. */
  private static List<Filter.Between> union(List<Filter.Between> ranges) {
    List<Filter.Between> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparing(Filter.Between::fromInclusive));
    List<Filter.Between> out = new ArrayList<>();
    Filter.@Nullable Between last = null;
    for (Filter.Between b : sorted) {
      if (last != null && !b.fromInclusive().isAfter(last.toExclusive())) {
        Instant to = b.toExclusive().isAfter(last.toExclusive()) ? b.toExclusive()
            : last.toExclusive();
        last = new Filter.Between(last.field(), last.fromInclusive(), to);
        out.set(out.size() - 1, last);
      } else {
        last = b;
        out.add(b);
      }
    }
    return out;
  }

  private static boolean impliesAnother(List<List<Filter>> arms, int i) {
    for (int j = 0; j < arms.size(); j++) {
      if (j != i && implies(arms.get(i), arms.get(j))
          && (j < i || !implies(arms.get(j), arms.get(i)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean implies(List<Filter> a, List<Filter> b) {
    return b.stream().allMatch(y -> a.stream().anyMatch(x -> implies(x, y)));
  }

  /** Whether a filter true for a fact makes another one true for it (see the class notes). */
  static boolean implies(Filter x, Filter y) {
    if (x.equals(y)
        || x instanceof Filter.Between e && !e.fromInclusive().isBefore(e.toExclusive())) {
      return true;
    }
    if (x.field() != y.field() || x.field().kind() != FactField.Kind.INSTANT) {
      return false;
    }
    @Nullable Instant from = x instanceof Filter.Between b ? b.fromInclusive() : null;
    @Nullable Instant to = x instanceof Filter.Between b ? b.toExclusive()
        : x instanceof Filter.Before b ? b.instant() : null;
    if (y instanceof Filter.Between b) {
      return from != null && !from.isBefore(b.fromInclusive())
          && !to.isAfter(b.toExclusive());
    } else if (y instanceof Filter.Before b) {
      return to != null && !to.isAfter(b.instant());
    } else if (y instanceof Filter.NotBefore n) {
      return from != null && !from.isBefore(n.instant())
          || x instanceof Filter.NotBefore m && !m.instant().isBefore(n.instant())
          || x instanceof Filter.Null z && z.isNull();
    } else if (y instanceof Filter.Null n) {
      return !n.isNull() && to != null;
    }
    return false;
  }
}
