package dev.ticketkit.macro;

import com.github.mustachejava.Code;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheNotFoundException;
import com.github.mustachejava.codes.CommentCode;
import com.github.mustachejava.codes.ValueCode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One reply template, compiled by Mustache.java and checked: only the {@link MacroVariable}s
 * (escaped {@code {{x}}} or raw {@code {{{x}}}}, both written as they are) and comments; no
 * sections, inverted sections or partials. Immutable and thread-safe (a compiled Mustache.java
 * template may be executed concurrently).
 */
final class ReplyTemplate {

  private final String text;
  private final Mustache compiled;
  private final Set<MacroVariable> variables;

  private ReplyTemplate(String text, Mustache compiled, Set<MacroVariable> variables) {
    this.text = text;
    this.compiled = compiled;
    this.variables = Collections.unmodifiableSet(variables);
  }

  /** Compiles and checks a template; errors name the JSON path. */
  static ReplyTemplate compile(String path, String text) {
    Mustache m;
    try {
      m = new PlainTextFactory().compile(new StringReader(text), path);
    } catch (MustacheException e) {
      throw new MacroFormatException(path, text, "is not a valid Mustache template: "
          + e.getMessage());
    }
    Set<MacroVariable> used = EnumSet.noneOf(MacroVariable.class);
    collect(path, text, m.getCodes(), used);
    return new ReplyTemplate(text, m, used);
  }

  private static void collect(String path, String text, Code[] codes, Set<MacroVariable> used) {
    for (Code c : codes == null ? new Code[0] : codes) {
      if (c instanceof ValueCode) {
        used.add(MacroVariable.ofKey(c.getName()).orElseThrow(() -> new MacroFormatException(
            path, text, "uses {{" + c.getName() + "}}, which is not a macro variable; known are "
            + java.util.Arrays.stream(MacroVariable.values()).map(MacroVariable::key).toList())));
      } else if (!(c instanceof CommentCode)
          && (c.getName() != null || (c.getCodes() != null && c.getCodes().length > 0))) {
        throw new MacroFormatException(path, text, "uses a section or partial ("
            + c.getName() + "); a reply template has variables only");
      }
    }
  }

  String text() {
    return text;
  }

  Set<MacroVariable> variables() {
    return variables;
  }

  /** Renders with a value for every variable the template uses. */
  String render(Map<MacroVariable, String> values) {
    Map<String, String> scope = new java.util.HashMap<>();
    values.forEach((k, v) -> scope.put(k.key(), v));
    StringWriter out = new StringWriter();
    compiled.execute(out, scope);
    return out.toString();
  }

  /** A factory that writes values as they are (plain text, not HTML) and loads no partial. */
  private static final class PlainTextFactory extends DefaultMustacheFactory {

    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public Reader getReader(String resourceName) {
      throw new MustacheNotFoundException(resourceName);
    }
  }
}
