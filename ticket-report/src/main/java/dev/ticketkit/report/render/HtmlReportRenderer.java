package dev.ticketkit.report.render;

import dev.ticketkit.report.Report;
import dev.ticketkit.report.internal.HtmlPage;
import dev.ticketkit.report.internal.Labels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Renders a report as one self-contained HTML page: inline CSS, charts as inline SVG drawn by
 * JFreeChart through JFreeSVG (volume by day, share by category, tickets by channel, SLA
 * compliance by metric, satisfaction, backlog aging), tables for timings, SLA, agents and frequent
 * issues, the suggestions, and no network resource at all. The page is made from a Mustache
 * template. Labels are Simplified Chinese for any {@code zh} locale and English otherwise; text
 * asks for a CJK-capable font stack ({@code 'Noto Sans CJK SC', ..., sans-serif}). Needs the
 * optional dependencies {@code org.jfree:jfreechart}, {@code org.jfree:org.jfree.svg} and
 * {@code com.github.spullara.mustache.java:compiler}. Thread-safe.
 */
public final class HtmlReportRenderer {

  private final Labels labels;

  private HtmlReportRenderer(Locale locale) {
    this.labels = Labels.of(locale);
  }

  /**
   * Returns a renderer for a locale.
   *
   * @param locale the locale; {@code zh} gives Simplified Chinese, anything else English
   * @return the renderer
   * @throws MissingRendererDependencyException if JFreeChart, JFreeSVG or Mustache is missing
   */
  public static HtmlReportRenderer create(Locale locale) {
    Objects.requireNonNull(locale, "locale");
    MissingRendererDependencyException.require("HtmlReportRenderer",
        "org.jfree:jfreechart, org.jfree:org.jfree.svg and "
            + "com.github.spullara.mustache.java:compiler",
        "org.jfree.chart.JFreeChart", "org.jfree.svg.SVGGraphics2D",
        "com.github.mustachejava.DefaultMustacheFactory");
    return new HtmlReportRenderer(locale);
  }

  /**
   * Renders a report.
   *
   * @param report the report
   * @return the HTML page
   */
  public String render(Report report) {
    return HtmlPage.render(Objects.requireNonNull(report, "report"), labels);
  }

  /**
   * Writes a report's page to a file.
   *
   * @param report the report
   * @param file the file
   * @throws UncheckedIOException if it cannot be written
   */
  public void writeTo(Report report, Path file) {
    try {
      Files.writeString(file, render(report), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
