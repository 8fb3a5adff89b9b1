package org.closer.core.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.TDistribution;
import org.closer.core.stats.ComparisonResult;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's charts, drawn by XChart and rendered headless to PNG. Every point, bar and interval
 * comes from at least the study's minimum cell size of couples: smaller groups (and the cells the
 * tables hide beside them) are left out of the chart, and the caption says so.
 */
public final class ReportCharts {
  private static final int WIDTH = 760;
  private static final int HEIGHT = 380;
  private static final Color[] PALETTE = {new Color(0x0969da), new Color(0xbc4c00), new Color(0x1a7f37),
      new Color(0x8250df), new Color(0xcf222e), new Color(0x6e7781), new Color(0x9a6700), new Color(0x116329)};

  private final CellPolicy cells;

  ReportCharts(CellPolicy cells) {
    this.cells = cells;
  }

  /** The report's charts for a notebook, with the study's minimum cell size (couples). */
  public ReportCharts(int minCellSize) {
    this(new CellPolicy(minCellSize));
  }

  /** Mean score at each long-survey timepoint by group, with 95% confidence intervals. */
  public Report.Figure scoresByGroup(String score, String factor, List<StudyFacts.Descriptive> descriptives) {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
        .title(score + " by " + factor).xAxisTitle("timepoint").yAxisTitle("mean (95% CI)").build();
    style(chart);
    Map<String, Map<String, StudyFacts.Descriptive>> byLevel = new TreeMap<>();
    Map<String, List<StudyFacts.Descriptive>> byTimepoint = new LinkedHashMap<>();
    for (StudyFacts.Descriptive d : descriptives) {
      if (d.score().equals(score) && d.factor().equals(factor) && !"session".equals(d.timepoint())) {
        byTimepoint.computeIfAbsent(d.timepoint(), k -> new ArrayList<>()).add(d);
      }
    }
    List<String> timepoints = new ArrayList<>(byTimepoint.keySet());
    boolean left = false;
    for (List<StudyFacts.Descriptive> levels : byTimepoint.values()) {
      // The same cells as the tables hide, complementary ones included.
      boolean[] hidden = cells.hidden(levels.stream().map(StudyFacts.Descriptive::couples).toList());
      for (int i = 0; i < levels.size(); i++) {
        StudyFacts.Descriptive d = levels.get(i);
        if (hidden[i] || d.couples() < cells.minCell() || d.n() < 2 || Double.isNaN(d.sd())) {
          left = true;
        } else {
          byLevel.computeIfAbsent(d.level(), k -> new LinkedHashMap<>()).put(d.timepoint(), d);
        }
      }
    }
    for (Map.Entry<String, Map<String, StudyFacts.Descriptive>> e : byLevel.entrySet()) {
      List<Double> means = new ArrayList<>();
      List<Double> errors = new ArrayList<>();
      for (String t : timepoints) {
        StudyFacts.Descriptive d = e.getValue().get(t);
        means.add(d == null ? Double.NaN : d.mean());
        errors.add(d == null ? 0.0 : halfWidth(d.sd(), d.n()));
      }
      chart.addSeries(e.getKey(), timepoints, means, errors);
    }
    return figure("scores-" + score + "-by-" + factor, score + " at each long survey by " + factor
            + ": mean with its 95% confidence interval." + omitted(left),
        "Bar chart of mean " + score + " by " + factor + " at " + String.join(", ", timepoints) + "; groups shown: "
            + String.join(", ", byLevel.keySet()), chart, byLevel.isEmpty());
  }

  /** Share of partners in each kind of love, at each timepoint, as stacked bars. */
  public Report.Figure loveKinds(String instrument, List<StudyFacts.LoveCount> counts) {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Kinds of love (" + instrument + ")").xAxisTitle("timepoint").yAxisTitle("% of partners").build();
    style(chart);
    chart.getStyler().setStacked(true);
    List<String> timepoints = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    for (StudyFacts.LoveCount c : counts) {
      if (c.instrument().equals(instrument)) {
        if (!timepoints.contains(c.timepoint())) {
          timepoints.add(c.timepoint());
        }
        if (!kinds.contains(c.kind())) {
          kinds.add(c.kind());
        }
      }
    }
    Map<String, double[]> shares = new LinkedHashMap<>();
    double[] hiddenShare = new double[timepoints.size()];
    boolean left = false;
    for (int t = 0; t < timepoints.size(); t++) {
      List<Long> n = new ArrayList<>();
      List<Long> couples = new ArrayList<>();
      for (String k : kinds) {
        n.add(count(counts, instrument, timepoints.get(t), k, StudyFacts.LoveCount::people));
        couples.add(count(counts, instrument, timepoints.get(t), k, StudyFacts.LoveCount::couples));
      }
      long total = n.stream().mapToLong(Long::longValue).sum();
      long totalCouples = couples.stream().mapToLong(Long::longValue).sum();
      boolean[] hidden = cells.hidden(couples);
      for (int k = 0; k < kinds.size(); k++) {
        double share = total == 0 ? 0 : 100.0 * n.get(k) / total;
        if (hidden[k] || totalCouples < cells.minCell()) {
          hiddenShare[t] += share;
          left |= n.get(k) > 0;
        } else {
          shares.computeIfAbsent(kinds.get(k), x -> new double[timepoints.size()])[t] = share;
        }
      }
    }
    shares.forEach((kind, v) -> {
      if (java.util.Arrays.stream(v).anyMatch(x -> x > 0)) {
        chart.addSeries(kind, timepoints, toList(v));
      }
    });
    if (left) {
      chart.addSeries("small groups (not shown apart)", timepoints, toList(hiddenShare));
    }
    return figure("love-kinds-" + instrument, "Kinds of love on the " + instrument + " at each timepoint, as a share of"
            + " the partners scored." + (left ? " Kinds held by fewer than " + cells.minCell()
            + " couples at a timepoint are shown together, never apart." : ""),
        "Stacked bars of the share of partners in each kind of love at " + String.join(", ", timepoints), chart,
        shares.isEmpty());
  }

  /** Mean session measure by session number and group, with 95% confidence intervals. */
  public Report.Figure sessionTrajectories(String score, String factor, List<StudyFacts.SessionPoint> points) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title(score + " by session and " + factor).xAxisTitle("session").yAxisTitle("mean (95% CI)").build();
    style(chart);
    chart.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Line);
    chart.getStyler().setXAxisDecimalPattern("0");
    Map<String, List<StudyFacts.SessionPoint>> byLevel = new TreeMap<>();
    Map<Integer, List<StudyFacts.SessionPoint>> bySession = new TreeMap<>();
    for (StudyFacts.SessionPoint p : points) {
      if (p.score().equals(score) && p.factor().equals(factor)) {
        bySession.computeIfAbsent(p.session(), k -> new ArrayList<>()).add(p);
      }
    }
    boolean left = false;
    for (List<StudyFacts.SessionPoint> levels : bySession.values()) {
      boolean[] hidden = cells.hidden(levels.stream().map(StudyFacts.SessionPoint::couples).toList());
      for (int i = 0; i < levels.size(); i++) {
        StudyFacts.SessionPoint p = levels.get(i);
        if (hidden[i] || p.couples() < cells.minCell() || p.n() < 2 || Double.isNaN(p.sd())) {
          left = true;
        } else {
          byLevel.computeIfAbsent(p.level(), k -> new ArrayList<>()).add(p);
        }
      }
    }
    for (Map.Entry<String, List<StudyFacts.SessionPoint>> e : byLevel.entrySet()) {
      List<StudyFacts.SessionPoint> ps = e.getValue();
      ps.sort(java.util.Comparator.comparingInt(StudyFacts.SessionPoint::session));
      double[] x = ps.stream().mapToDouble(StudyFacts.SessionPoint::session).toArray();
      double[] y = ps.stream().mapToDouble(StudyFacts.SessionPoint::mean).toArray();
      double[] err = ps.stream().mapToDouble(p -> halfWidth(p.sd(), p.n())).toArray();
      XYSeries s = chart.addSeries(e.getKey(), x, y, err);
      s.setMarker(SeriesMarkers.CIRCLE);
    }
    return figure("sessions-" + score + "-by-" + factor, score + " after each session by " + factor
            + ": mean with its 95% confidence interval." + omitted(left),
        "Line chart of mean " + score + " by session number and " + factor + "; groups shown: "
            + String.join(", ", byLevel.keySet()), chart, byLevel.isEmpty());
  }

  /** Hedges' g with its 95% CI for each comparison, one row each: a forest plot. */
  /** A forest plot of the comparisons given, with the report's suppression among them. */
  public Report.Figure forest(String title, List<ComparisonResult> comparisons) {
    return forest(title, comparisons, new ComparisonCells(cells, comparisons));
  }

  public Report.Figure forest(String title, List<ComparisonResult> comparisons, ComparisonCells comparisonCells) {
    List<ComparisonResult> shown = new ArrayList<>();
    boolean left = false;
    for (ComparisonResult c : comparisons) {
      if (comparisonCells.hides(c) || Double.isNaN(c.hedgesG())
          || Double.isNaN(c.gLow()) || Double.isNaN(c.gHigh())) {
        left = true;
      } else {
        shown.add(c);
      }
    }
    int rows = shown.size();
    XYChart chart = new XYChartBuilder().width(WIDTH).height(Math.max(220, 60 + 26 * rows))
        .title(title).xAxisTitle("Hedges' g (95% CI); positive: the first group changed more").build();
    style(chart);
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(rows + 1.0);
    chart.getStyler().setYAxisTicksVisible(false);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    for (int i = 0; i < rows; i++) {
      // One colour per row, named in the legend in the same order, top to bottom.
      ComparisonResult c = shown.get(i);
      double y = rows - i;
      Color color = PALETTE[i % PALETTE.length];
      XYSeries ci = chart.addSeries(c.outcome() + " ", new double[] {c.gLow(), c.gHigh()}, new double[] {y, y});
      ci.setMarker(SeriesMarkers.NONE).setLineColor(color).setLineStyle(SeriesLines.SOLID).setShowInLegend(false);
      XYSeries g = chart.addSeries(c.outcome(), new double[] {c.hedgesG()}, new double[] {y});
      g.setMarker(SeriesMarkers.DIAMOND).setMarkerColor(color).setLineStyle(SeriesLines.NONE);
    }
    XYSeries zero = chart.addSeries("g = 0", new double[] {0, 0}, new double[] {0, rows + 1.0});
    zero.setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY).setLineStyle(SeriesLines.DASH_DASH)
        .setShowInLegend(false);
    return figure("forest-" + slug(title), title + ": Hedges' g and its 95% confidence interval." + omitted(left),
        "Forest plot of Hedges' g for " + rows + " comparisons", chart, rows == 0);
  }

  private String omitted(boolean left) {
    return left ? " Groups of fewer than " + cells.minCell() + " are left out." : "";
  }

  private static double halfWidth(double sd, long n) {
    return new TDistribution(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
  }

  private static long count(List<StudyFacts.LoveCount> counts, String instrument, String timepoint, String kind,
      java.util.function.ToLongFunction<StudyFacts.LoveCount> what) {
    return counts.stream().filter(c -> c.instrument().equals(instrument) && c.timepoint().equals(timepoint)
        && c.kind().equals(kind)).mapToLong(what).sum();
  }

  private static List<Double> toList(double[] v) {
    List<Double> out = new ArrayList<>();
    for (double d : v) {
      out.add(d);
    }
    return out;
  }

  private static void style(Chart<?, ?> chart) {
    Styler s = chart.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(false);
    s.setSeriesColors(PALETTE);
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    s.setLegendPosition(Styler.LegendPosition.OutsideE);
    s.setAntiAlias(true);
    if (s instanceof org.knowm.xchart.style.AxesChartStyler a) {
      a.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      a.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      a.setPlotGridLinesColor(new Color(0xeaeef2));
    }
  }

  /** Null when there is nothing to draw: a chart of no group tells nothing. */
  private static Report.Figure figure(String name, String caption, String alt, Chart<?, ?> chart, boolean empty) {
    if (empty) {
      return null;
    }
    try {
      return new Report.Figure(slug(name), caption, alt, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String slug(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
