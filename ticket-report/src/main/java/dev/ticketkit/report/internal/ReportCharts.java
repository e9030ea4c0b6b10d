package dev.ticketkit.report.internal;

import dev.ticketkit.report.AgingBucket;
import dev.ticketkit.report.Count;
import dev.ticketkit.report.DayCount;
import dev.ticketkit.report.Report;
import dev.ticketkit.report.SlaCompliance;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * Draws the report's charts with JFreeChart and returns each as an inline SVG element: volume
 * by day, share by category, tickets by channel, SLA compliance by metric, satisfaction and
 * backlog aging. Stateless and thread-safe.
 */
final class ReportCharts {

  static final int WIDTH = 560;
  static final int HEIGHT = 300;
  private static final int MAX_SLICES = 7;

  private ReportCharts() {}

  static Map<String, String> all(Report r, Labels l) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("volumeByDay", ChartStyle.svg(volumeByDay(r, l), "chart-volume-by-day", WIDTH * 2,
        HEIGHT));
    out.put("categoryShare", ChartStyle.svg(categoryShare(r, l), "chart-category-share", WIDTH,
        HEIGHT));
    out.put("channels", ChartStyle.svg(channels(r, l), "chart-channels", WIDTH, HEIGHT));
    out.put("slaByMetric", ChartStyle.svg(sla(r, l), "chart-sla-by-metric", WIDTH, HEIGHT));
    out.put("satisfaction", ChartStyle.svg(satisfaction(r, l), "chart-satisfaction", WIDTH,
        HEIGHT));
    out.put("backlogAging", ChartStyle.svg(aging(r, l), "chart-backlog-aging", WIDTH, HEIGHT));
    return out;
  }

  private static JFreeChart volumeByDay(Report r, Labels l) {
    TimeZone zone = TimeZone.getTimeZone(r.period().zone());
    TimeSeries series = new TimeSeries(l.get("axis_tickets"));
    for (DayCount d : r.volume().byDay()) {
      Date start = Date.from(d.date().atStartOfDay(r.period().zone()).toInstant());
      series.add(new Day(start, zone, l.locale()), d.count());
    }
    JFreeChart chart = ChartFactory.createXYBarChart(null, l.get("axis_date"), true,
        l.get("axis_tickets"), new TimeSeriesCollection(series, zone), PlotOrientation.VERTICAL,
        false, false, false);
    ChartStyle.apply(chart);
    XYPlot plot = chart.getXYPlot();
    DateAxis axis = (DateAxis) plot.getDomainAxis();
    axis.setTimeZone(zone);
    SimpleDateFormat format = new SimpleDateFormat("MM-dd", l.locale());
    format.setTimeZone(zone);
    axis.setDateFormatOverride(format);
    axis.setRange(Date.from(r.period().startInclusive()), Date.from(r.period().endExclusive()));
    integerAxis((NumberAxis) plot.getRangeAxis());
    XYBarRenderer bars = (XYBarRenderer) plot.getRenderer();
    bars.setSeriesPaint(0, ChartStyle.BLUE);
    bars.setMargin(0.15);
    return chart;
  }

  private static JFreeChart categoryShare(Report r, Labels l) {
    DefaultPieDataset<String> data = new DefaultPieDataset<>();
    List<Count> cats = r.volume().byCategory();
    long other = 0;
    for (int i = 0; i < cats.size(); i++) {
      if (i < MAX_SLICES) {
        data.setValue(name(cats.get(i).key(), l), cats.get(i).count());
      } else {
        other += cats.get(i).count();
      }
    }
    if (other > 0) {
      data.setValue("…", other);
    }
    JFreeChart chart = ChartFactory.createPieChart(null, data, false, false, l.locale());
    ChartStyle.apply(chart);
    @SuppressWarnings("unchecked")
    PiePlot<String> plot = (PiePlot<String>) chart.getPlot();
    plot.setLabelGenerator(new StandardPieSectionLabelGenerator("{0} {2}",
        NumberFormat.getIntegerInstance(l.locale()), percent(l)));
    plot.setLabelFont(ChartStyle.font(Font.PLAIN, 12));
    plot.setLabelBackgroundPaint(Color.WHITE);
    plot.setLabelOutlinePaint(null);
    plot.setLabelShadowPaint(null);
    plot.setSectionOutlinesVisible(false);
    plot.setShadowPaint(null);
    plot.setNoDataMessage("–");
    for (int i = 0; i < data.getItemCount(); i++) {
      plot.setSectionPaint(data.getKey(i), ChartStyle.PALETTE[i % ChartStyle.PALETTE.length]);
    }
    return chart;
  }

  private static JFreeChart channels(Report r, Labels l) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Count c : r.volume().byChannel()) {
      String name = l.get("ch_" + c.key());
      data.addValue(c.count(), l.get("axis_tickets"), name.startsWith("ch_") ? c.key() : name);
    }
    return bars(data, l.get("axis_tickets"), PlotOrientation.HORIZONTAL, ChartStyle.BLUE);
  }

  private static JFreeChart sla(Report r, Labels l) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (SlaCompliance c : r.sla().byMetric()) {
      String metric = l.get("metric_" + c.metric().name());
      data.addValue(c.met(), l.get("series_met"), metric);
      data.addValue(c.breached(), l.get("series_breached"), metric);
      data.addValue(c.running(), l.get("series_running"), metric);
    }
    JFreeChart chart = ChartFactory.createStackedBarChart(null, null, l.get("axis_clocks"), data,
        PlotOrientation.HORIZONTAL, true, false, false);
    ChartStyle.apply(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    integerAxis((NumberAxis) plot.getRangeAxis());
    BarRenderer bars = (BarRenderer) plot.getRenderer();
    bars.setSeriesPaint(0, ChartStyle.GREEN);
    bars.setSeriesPaint(1, ChartStyle.RED);
    bars.setSeriesPaint(2, ChartStyle.GREY);
    bars.setMaximumBarWidth(0.12);
    return chart;
  }

  private static JFreeChart satisfaction(Report r, Labels l) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    String series = l.get("axis_ratings");
    data.addValue(r.satisfaction().satisfied(), series, l.get("sat_SATISFIED"));
    data.addValue(r.satisfaction().neutral(), series, l.get("sat_NEUTRAL"));
    data.addValue(r.satisfaction().dissatisfied(), series, l.get("sat_DISSATISFIED"));
    JFreeChart chart = bars(data, series, PlotOrientation.VERTICAL, ChartStyle.GREEN);
    BarRenderer bars = (BarRenderer) chart.getCategoryPlot().getRenderer();
    Color[] colors = {ChartStyle.GREEN, ChartStyle.GREY, ChartStyle.RED};
    chart.getCategoryPlot().setRenderer(new BarRenderer() {
      private static final long serialVersionUID = 1L;

      @Override
      public java.awt.Paint getItemPaint(int row, int column) {
        return colors[column % colors.length];
      }
    });
    copyLabels(bars, (BarRenderer) chart.getCategoryPlot().getRenderer());
    return chart;
  }

  private static JFreeChart aging(Report r, Labels l) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (AgingBucket b : r.backlog().aging()) {
      String d = l.get("day");
      String label = b.toExclusive() == null ? "≥ " + b.fromInclusive().toDays() + d
          : b.fromInclusive().toDays() + "–" + b.toExclusive().toDays() + d;
      data.addValue(b.count(), l.get("axis_tickets"), label);
    }
    JFreeChart chart = bars(data, l.get("axis_tickets"), PlotOrientation.VERTICAL,
        ChartStyle.AMBER);
    chart.getCategoryPlot().getDomainAxis().setLabel(l.get("axis_age"));
    return chart;
  }

  private static JFreeChart bars(DefaultCategoryDataset data, String valueLabel,
      PlotOrientation orientation, Color color) {
    JFreeChart chart = ChartFactory.createBarChart(null, null, valueLabel, data, orientation,
        false, false, false);
    ChartStyle.apply(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    integerAxis((NumberAxis) plot.getRangeAxis());
    plot.getRangeAxis().setUpperMargin(0.15);
    BarRenderer bars = (BarRenderer) plot.getRenderer();
    bars.setSeriesPaint(0, color);
    bars.setMaximumBarWidth(0.14);
    bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
        new DecimalFormat("#,##0")));
    bars.setDefaultItemLabelsVisible(true);
    bars.setDefaultItemLabelFont(ChartStyle.font(Font.PLAIN, 11));
    return chart;
  }

  private static void copyLabels(BarRenderer from, BarRenderer to) {
    to.setDefaultItemLabelGenerator(from.getDefaultItemLabelGenerator());
    to.setDefaultItemLabelsVisible(true);
    to.setDefaultItemLabelFont(from.getDefaultItemLabelFont());
    to.setMaximumBarWidth(from.getMaximumBarWidth());
    to.setShadowVisible(false);
    to.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
  }

  private static void integerAxis(NumberAxis axis) {
    axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
  }

  private static NumberFormat percent(Labels l) {
    NumberFormat f = NumberFormat.getPercentInstance(l.locale());
    f.setMaximumFractionDigits(1);
    return f;
  }

  static String name(String key, Labels l) {
    return key.equals(Queries.NONE) ? l.get("none") : key;
  }
}
