package dev.ticketkit.kb.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A line-based diff by longest common subsequence.
 *
 * <p>Implementation notes: the classic dynamic programme. Common leading and trailing lines are
 * stripped first, so the table covers only the changed middle; its size is the product of the
 * two middles' line counts, which for knowledge-base articles (hundreds of lines at most) is
 * small. The walk back prefers deletions before insertions, so a changed line reads as "- old"
 * then "+ new". No diff library is on this module's classpath, hence this small one. Stateless
 * and thread-safe.
 */
public final class LineDiff {

  /** The kind of a diff line. */
  public enum Op {
    /** The line is in both texts. */
    EQUAL,
    /** The line is only in the old text. */
    DELETE,
    /** The line is only in the new text. */
    INSERT
  }

  /**
   * One line of a diff.
   *
   * @param op whether the line was kept, deleted or inserted
   * @param text the line
   */
  public record Line(Op op, String text) {}

  private LineDiff() {}

  /**
   * Returns the diff that turns {@code before} into {@code after}.
   *
   * @param before the old lines
   * @param after the new lines
   * @return every line of both texts, in order, each marked equal, deleted or inserted
   */
  public static List<Line> diff(List<String> before, List<String> after) {
    int head = 0;
    while (head < before.size() && head < after.size() && before.get(head).equals(after.get(head))) {
      head++;
    }
    int tail = 0;
    while (tail < before.size() - head && tail < after.size() - head
        && before.get(before.size() - 1 - tail).equals(after.get(after.size() - 1 - tail))) {
      tail++;
    }
    List<Line> out = new ArrayList<>();
    before.subList(0, head).forEach(s -> out.add(new Line(Op.EQUAL, s)));
    middle(before.subList(head, before.size() - tail), after.subList(head, after.size() - tail), out);
    before.subList(before.size() - tail, before.size()).forEach(s -> out.add(new Line(Op.EQUAL, s)));
    return out;
  }

  private static void middle(List<String> a, List<String> b, List<Line> out) {
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j))
            ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        out.add(new Line(Op.EQUAL, a.get(i++)));
        j++;
      } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        out.add(new Line(Op.DELETE, a.get(i++)));
      } else {
        out.add(new Line(Op.INSERT, b.get(j++)));
      }
    }
  }
}
