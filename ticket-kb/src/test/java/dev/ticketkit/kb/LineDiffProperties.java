package dev.ticketkit.kb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketkit.kb.internal.LineDiff;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** The line diff against its definition: it replays both texts and keeps a longest common part. */
class LineDiffProperties {

  @Property(tries = 500)
  void replaysBothTexts(@ForAll @Size(max = 12) List<@StringLength(max = 2) String> before,
      @ForAll @Size(max = 12) List<@StringLength(max = 2) String> after) {
    List<LineDiff.Line> diff = LineDiff.diff(before, after);
    assertThat(diff.stream().filter(l -> l.op() != LineDiff.Op.INSERT).map(LineDiff.Line::text))
        .containsExactlyElementsOf(before);
    assertThat(diff.stream().filter(l -> l.op() != LineDiff.Op.DELETE).map(LineDiff.Line::text))
        .containsExactlyElementsOf(after);
    long kept = diff.stream().filter(l -> l.op() == LineDiff.Op.EQUAL).count();
    assertThat(kept).isEqualTo(lcs(before, after));
  }

  /** The slow, obvious oracle: recursive LCS length with memo. */
  private static int lcs(List<String> a, List<String> b) {
    Integer[][] memo = new Integer[a.size() + 1][b.size() + 1];
    return lcs(a, b, 0, 0, memo);
  }

  private static int lcs(List<String> a, List<String> b, int i, int j, Integer[][] memo) {
    if (i == a.size() || j == b.size()) {
      return 0;
    }
    if (memo[i][j] == null) {
      memo[i][j] = a.get(i).equals(b.get(j)) ? 1 + lcs(a, b, i + 1, j + 1, memo)
          : Math.max(lcs(a, b, i + 1, j, memo), lcs(a, b, i, j + 1, memo));
    }
    return memo[i][j];
  }
}
