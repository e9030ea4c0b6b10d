package dev.ticketkit.report.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The charts' look (fonts, colours, no shadows) and their conversion to inline SVG. The SVG names
 * a CSS font stack that browsers have for Simplified Chinese and Latin text; layout is measured
 * with Noto Sans CJK SC when the JVM can see it, else with the logical SansSerif font. Stateless
 * and thread-safe.
 */
final class ChartStyle {

  /** The font families the SVG text asks the browser for. */
  static final String FONT_STACK = "\"Noto Sans CJK SC\", \"Noto Sans SC\", \"Source Han Sans SC\", "
      + "\"PingFang SC\", \"Microsoft YaHei\", \"WenQuanYi Micro Hei\", sans-serif";
  static final Color BLUE = new Color(0x3B6FB6);
  static final Color GREEN = new Color(0x2E9F5B);
  static final Color RED = new Color(0xD64545);
  static final Color AMBER = new Color(0xE3A008);
  static final Color GREY = new Color(0x9AA0A6);
  static final Color[] PALETTE = {BLUE, new Color(0xF28E2B), GREEN, RED, new Color(0x76B7B2),
      new Color(0xB07AA1), AMBER, new Color(0xFF9DA7), new Color(0x9C755F), GREY};
  private static final String FAMILY = family();

  private ChartStyle() {}

  private static String family() {
    String[] names = GraphicsEnvironment.getLocalGraphicsEnvironment()
        .getAvailableFontFamilyNames();
    return Arrays.asList(names).contains("Noto Sans CJK SC") ? "Noto Sans CJK SC" : "SansSerif";
  }

  static Font font(int style, int size) {
    return new Font(FAMILY, style, size);
  }

  static void apply(JFreeChart chart) {
    StandardChartTheme theme = new StandardChartTheme("ticketkit");
    theme.setExtraLargeFont(font(Font.BOLD, 16));
    theme.setLargeFont(font(Font.PLAIN, 13));
    theme.setRegularFont(font(Font.PLAIN, 12));
    theme.setSmallFont(font(Font.PLAIN, 11));
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setPlotOutlinePaint(Color.WHITE);
    theme.setRangeGridlinePaint(new Color(0xDDDDDD));
    theme.setDomainGridlinePaint(new Color(0xEEEEEE));
    theme.setAxisLabelPaint(new Color(0x444444));
    theme.setTickLabelPaint(new Color(0x444444));
    theme.setLegendBackgroundPaint(Color.WHITE);
    theme.setBarPainter(new StandardBarPainter());
    theme.setXYBarPainter(new StandardXYBarPainter());
    theme.setShadowVisible(false);
    theme.apply(chart);
    chart.setBorderVisible(false);
    chart.setAntiAlias(true);
    if (chart.getLegend() != null) {
      chart.getLegend().setFrame(new org.jfree.chart.block.BlockBorder(Color.WHITE));
    }
    chart.getPlot().setOutlineStroke(new BasicStroke(0f));
  }

  static String svg(JFreeChart chart, String id, int width, int height) {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    g.setFontFunction(family -> FONT_STACK);
    chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    return g.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null);
  }
}
