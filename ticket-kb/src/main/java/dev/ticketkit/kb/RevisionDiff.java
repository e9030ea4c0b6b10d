package dev.ticketkit.kb;

import dev.ticketkit.kb.internal.LineDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The line-by-line difference between two revisions of an article.
 *
 * <p>Each revision's content is rendered as lines (title, tags, category, the type's details,
 * then the Markdown body) and compared by longest common subsequence. Instances are immutable
 * and thread-safe.
 *
 * @param articleId the article
 * @param fromRevision the older revision's number
 * @param toRevision the newer revision's number
 * @param lines every line of both renderings, each marked kept, deleted or inserted
 */
public record RevisionDiff(ArticleId articleId, int fromRevision, int toRevision, List<Line> lines) {

  /** What happened to a line. */
  public enum Op {
    /** In both revisions. */
    EQUAL,
    /** Only in the older revision. */
    DELETE,
    /** Only in the newer revision. */
    INSERT
  }

  /**
   * One line of the diff.
   *
   * @param op what happened to it
   * @param text the line
   */
  public record Line(Op op, String text) {

    /** Checks the parts. */
    public Line {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * Copies the lines.
   */
  public RevisionDiff {
    Objects.requireNonNull(articleId, "articleId");
    lines = List.copyOf(lines);
  }

  /**
   * Returns the diff between two revisions of the same article.
   *
   * @param from the older revision
   * @param to the newer revision
   * @return the diff
   * @throws IllegalArgumentException if the revisions belong to different articles
   */
  public static RevisionDiff between(ArticleRevision from, ArticleRevision to) {
    if (!from.articleId().equals(to.articleId())) {
      throw new IllegalArgumentException(
          "revisions of different articles: " + from.articleId() + ", " + to.articleId());
    }
    List<Line> lines = new ArrayList<>();
    for (LineDiff.Line line : LineDiff.diff(render(from.content()), render(to.content()))) {
      lines.add(new Line(Op.valueOf(line.op().name()), line.text()));
    }
    return new RevisionDiff(from.articleId(), from.number(), to.number(), lines);
  }

  /**
   * Tells whether the two revisions have the same content.
   *
   * @return true if no line was deleted or inserted
   */
  public boolean isEmpty() {
    return lines.stream().allMatch(l -> l.op() == Op.EQUAL);
  }

  /**
   * Returns the diff as text: each line prefixed with two spaces, {@code "- "} or {@code "+ "}.
   *
   * @return the text, lines ending in {@code \n}
   */
  public String unified() {
    StringBuilder text = new StringBuilder();
    for (Line line : lines) {
      text.append(line.op() == Op.EQUAL ? "  " : line.op() == Op.DELETE ? "- " : "+ ")
          .append(line.text()).append('\n');
    }
    return text.toString();
  }

  static List<String> render(ArticleContent content) {
    List<String> out = new ArrayList<>();
    out.add("title: " + content.title());
    out.add("tags: " + String.join(", ", content.tags()));
    out.add("category: " + content.category());
    out.add("type: " + content.type());
    ArticleDetails details = content.details();
    if (details instanceof ArticleDetails.Troubleshooting t) {
      for (int i = 0; i < t.steps().size(); i++) {
        out.add("step " + (i + 1) + ": " + t.steps().get(i));
      }
    } else if (details instanceof ArticleDetails.Glossary g) {
      out.add("term: " + g.term());
      out.add("definition: " + g.definition());
    } else if (details instanceof ArticleDetails.Video v) {
      out.add("video: " + v.url() + " (" + v.duration() + ")");
    }
    out.add("");
    out.addAll(content.body().lines().toList());
    return out;
  }
}
