package dev.ticketkit.sla.calendar;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * A small pretty-printing JSON writer for the calendar forms: two-space indents, range lists on one
 * line, date lists one per line, so that a written calendar reads and diffs well by hand. Not
 * thread-safe; one instance writes one document.
 */
final class JsonText {

  private final StringBuilder out = new StringBuilder(1024);
  private int depth;
  private boolean empty = true;

  JsonText open(char bracket) {
    out.append(bracket);
    depth++;
    empty = true;
    return this;
  }

  JsonText close(char bracket) {
    depth--;
    if (!empty) {
      newline(depth);
    }
    out.append(bracket);
    empty = false;
    return this;
  }

  JsonText field(String name) {
    newline(depth);
    string(name).out.append(": ");
    empty = false;
    return this;
  }

  JsonText next() {
    out.append(',');
    return this;
  }

  JsonText nextIf(boolean more) {
    return more ? next() : this;
  }

  JsonText string(String value) {
    out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(value)).append('"');
    return this;
  }

  JsonText number(int value) {
    out.append(value);
    return this;
  }

  JsonText ranges(List<LocalTimeRange> ranges) {
    out.append('[');
    for (int i = 0; i < ranges.size(); i++) {
      out.append(i == 0 ? "\"" : ", \"").append(ranges.get(i)).append('"');
    }
    out.append(']');
    return this;
  }

  JsonText dates(Collection<LocalDate> dates) {
    out.append('[');
    for (Iterator<LocalDate> it = dates.iterator(); it.hasNext(); ) {
      newline(depth + 1);
      out.append('"').append(it.next()).append('"').append(it.hasNext() ? "," : "");
    }
    if (!dates.isEmpty()) {
      newline(depth);
    }
    out.append(']');
    return this;
  }

  private void newline(int indent) {
    out.append('\n');
    for (int i = 0; i < indent; i++) {
      out.append("  ");
    }
  }

  @Override
  public String toString() {
    return out.toString() + '\n';
  }
}
