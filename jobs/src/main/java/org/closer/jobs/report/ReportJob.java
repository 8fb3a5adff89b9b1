package org.closer.jobs.report;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.when;
import static org.closer.core.dataset.DatasetSchemas.Dataset.COMPARISONS;
import static org.closer.core.dataset.DatasetSchemas.Dataset.OUTCOMES;
import static org.closer.core.dataset.DatasetSchemas.Dataset.PSYCHOMETRICS;
import static org.closer.core.dataset.DatasetSchemas.Dataset.QUARANTINE;
import static org.closer.core.dataset.DatasetSchemas.Dataset.SCORES;
import static org.closer.core.dataset.DatasetSchemas.Dataset.TRAJECTORIES;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.closer.core.ingest.IngestSummary;
import org.closer.core.instrument.InstrumentCatalog;
import org.closer.core.instrument.Subscale;
import org.closer.core.model.Timepoint;
import org.closer.core.report.CellPolicy;
import org.closer.core.report.CsvTables;
import org.closer.core.report.HtmlRenderer;
import org.closer.core.report.MarkdownRenderer;
import org.closer.core.report.Report;
import org.closer.core.report.StudyFacts;
import org.closer.core.report.StudyReport;
import org.closer.core.stats.Moments;
import org.closer.core.study.StudyConfig;
import org.closer.jobs.CatalystRows;
import org.closer.jobs.PartitionTree;
import org.closer.jobs.Progress;
import org.closer.jobs.RunContext;
import org.closer.jobs.SparkSchemas;
import org.closer.jobs.SparkSessions;
import org.closer.jobs.compare.ComparisonRows;
import org.closer.jobs.compare.ComparisonsJob;
import org.closer.jobs.ingest.IngestJob;

/** Computes the report's numbers with Spark (aggregates only) and renders them with core. */
public final class ReportJob {
  public static final String HTML = "report/report.html";
  public static final String MARKDOWN = "report/report.md";
  public static final String SUMMARY = "report/summary.json";

  /** The factors session measures are broken down by. */
  private static final List<String> SESSION_FACTORS = List.of("modality", "method");

  private final RunContext ctx;

  public ReportJob(RunContext ctx) {
    this.ctx = ctx;
  }

  public Report run() {
    Progress.Stage stage = ctx.progress().start("report");
    IngestSummary ingest = IngestJob.readSummary(ctx);
    Dataset<Row> quarantine = ctx.outputs().read(ctx.spark(), QUARANTINE);
    Optional<Dataset<Row>> wholeCouples = ctx.outputs().readWholeCouples(ctx.spark(), SCORES);
    Dataset<Row> scores = wholeCouples.orElseGet(() -> ctx.outputs().read(ctx.spark(), SCORES));
    List<Row> comparisons = ctx.outputs().read(ctx.spark(), COMPARISONS).collectAsList();
    CoupleTallies.Totals people = people(scores, wholeCouples.isPresent(), ctx.catalog());
    StudyFacts facts = new StudyFacts(ingest, quarantine(quarantine), clinics(people), groups(people),
        descriptives(people), reliability(ctx.outputs().read(ctx.spark(), PSYCHOMETRICS)),
        outcomes(ctx.outputs().read(ctx.spark(), OUTCOMES)), slopes(ctx.outputs().read(ctx.spark(), TRAJECTORIES)),
        comparisons.stream().map(ComparisonRows::fromRow).toList(), loveKinds(people), sessions(people));
    Report report = new StudyReport(ctx.study(), ctx.catalog()).build(facts);
    ctx.fs().write(ctx.outputs().path(HTML), HtmlRenderer.render(report));
    ctx.fs().write(ctx.outputs().path(MARKDOWN), MarkdownRenderer.render(report));
    ReportFiles.Written tables = ReportFiles.write(report, ctx);
    CellPolicy cells = new CellPolicy(ctx.study().minCellSize());
    org.closer.core.report.ComparisonCells comparisonCells = new org.closer.core.report.ComparisonCells(cells,
        facts.comparisons());
    ctx.fs().write(ctx.outputs().path(ComparisonsJob.CSV), CsvTables.write(
        List.of(SparkSchemas.struct(ctx.schemas().schema(COMPARISONS)).fieldNames()),
        comparisons.stream().map(r -> ComparisonRows.text(r, cells, comparisonCells)).toList()));
    stage.done("wrote " + HTML + ", " + MARKDOWN + ", " + SUMMARY + " and " + tables.count() + " tables in report/tables");
    return report;
  }

  private List<StudyFacts.Reliability> reliability(Dataset<Row> psychometrics) {
    List<StudyFacts.Reliability> out = new ArrayList<>();
    for (Row r : psychometrics.filter(col("factor").equalTo("all"))
        .groupBy("score", "timepoint").agg(org.apache.spark.sql.functions.first("n"),
            org.apache.spark.sql.functions.first("alpha"), org.apache.spark.sql.functions.first("alpha_low"),
            org.apache.spark.sql.functions.first("alpha_high"))
        .collectAsList()) {
      out.add(new StudyFacts.Reliability(r.getString(0), r.getString(1), r.getLong(2), number(r, 3), number(r, 4),
          number(r, 5)));
    }
    List<String> order = ctx.catalog().subscales().stream().map(Subscale::column).toList();
    out.sort(Comparator.<StudyFacts.Reliability>comparingInt(x -> order.indexOf(x.score()))
        .thenComparingInt(x -> Timepoint.parse(x.timepoint()).map(Enum::ordinal).orElse(99)));
    return out;
  }

  private static List<StudyFacts.SlopeSummary> slopes(Dataset<Row> trajectories) {
    List<StudyFacts.SlopeSummary> out = new ArrayList<>();
    for (Row r : trajectories.filter(col("slope").isNotNull()).groupBy("score", "level")
        .agg(count(lit(1)), avg(col("slope")), stddev_samp(col("slope"))).orderBy("score", "level").collectAsList()) {
      out.add(new StudyFacts.SlopeSummary(r.getString(0), r.getString(1), r.getLong(2), number(r, 3), number(r, 4)));
    }
    return out;
  }

  private static double number(Row r, int i) {
    return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
  }

  private static List<StudyFacts.OutcomeSummary> outcomes(Dataset<Row> outcomes) {
    List<StudyFacts.OutcomeSummary> out = new ArrayList<>();
    for (Row r : outcomes.groupBy("score", "level")
        .agg(count(lit(1)), count(col("change")), avg(col("change")), stddev_samp(col("change")),
            count(when(col("category").equalTo("recovered"), 1)), count(when(col("category").equalTo("improved"), 1)),
            count(when(col("category").equalTo("unchanged"), 1)),
            count(when(col("category").equalTo("deteriorated"), 1)))
        .orderBy("score", "level").collectAsList()) {
      out.add(new StudyFacts.OutcomeSummary(r.getString(0), r.getString(1), r.getLong(2), r.getLong(3),
          r.isNullAt(4) ? Double.NaN : r.getDouble(4), r.isNullAt(5) ? Double.NaN : r.getDouble(5), r.getLong(6),
          r.getLong(7), r.getLong(8), r.getLong(9)));
    }
    return out;
  }

  private static List<StudyFacts.ReasonCount> quarantine(Dataset<Row> quarantine) {
    List<StudyFacts.ReasonCount> out = new ArrayList<>();
    for (Row r : quarantine.groupBy("reason", "clinic").agg(count(lit(1))).orderBy("reason", "clinic").collectAsList()) {
      out.add(new StudyFacts.ReasonCount(r.getString(0), r.getString(1), r.getLong(2)));
    }
    return out;
  }

  /**
   * The report's counts of people (per clinic, factor level, score, timepoint and session, kind of
   * love) and the scores' moments per design cell from one pass over the scores, each couple's rows
   * together: as read where every task reads whole couples, else brought together by one shuffle
   * and sorted on every column read, so that each task holds the same rows in the same order however
   * the files lie and the moments are the same to the last bit. The couple alone says whose rows
   * they are: its pseudonym is unique across clinics, as the clinic is hashed with the code.
   */
  static CoupleTallies.Totals people(Dataset<Row> scores, boolean wholeCouples, InstrumentCatalog catalog) {
    List<Column> columns = new ArrayList<>(List.of(col("couple"), col("clinic"), col("partner"), col("timepoint"),
        col("session")));
    StudyConfig.FACTORS.forEach(f -> columns.add(col(f).cast("string").as(f)));
    columns.addAll(Arrays.asList(CoupleTallies.marks(subscaleColumns(catalog.subscales()))));
    List<String> love = catalog.loveInstruments().stream().map(org.closer.core.instrument.Instrument::id).toList();
    love.forEach(id -> columns.add(col(id + "_love_kind")));
    subscaleColumns(catalog.subscales()).forEach(s -> columns.add(col(s)));
    CoupleTallies tallies = new CoupleTallies(StudyConfig.FACTORS, SESSION_FACTORS, catalog.subscales().size(),
        Timepoint.SESSION.code(), love);
    Dataset<Row> rows = scores.select(columns.toArray(Column[]::new));
    if (!wholeCouples) {
      rows = rows.repartition(SparkSessions.shufflePartitions(scores.sparkSession()), col("couple"))
          .sortWithinPartitions(Arrays.stream(rows.columns()).map(c -> col(c)).toArray(Column[]::new));
    }
    return PartitionTree.combine(CatalystRows.of(rows).mapPartitions(tallies), CoupleTallies.Totals::merge)
        .orElseGet(CoupleTallies.Totals::new);
  }

  private static List<String> subscaleColumns(List<Subscale> subscales) {
    return subscales.stream().map(Subscale::column).toList();
  }

  private static List<StudyFacts.ClinicCount> clinics(CoupleTallies.Totals people) {
    List<StudyFacts.ClinicCount> out = new ArrayList<>();
    people.clinics.forEach((clinic, n) -> out.add(new StudyFacts.ClinicCount((String) clinic.part(0), n[0], n[1])));
    out.sort(Comparator.comparing(StudyFacts.ClinicCount::clinic));
    return out;
  }

  /** Couples per factor level; a couple whose responses disagree on a factor counts at each of its levels. */
  private static List<StudyFacts.GroupCount> groups(CoupleTallies.Totals people) {
    List<StudyFacts.GroupCount> out = new ArrayList<>();
    people.groups.forEach((level, n) ->
        out.add(new StudyFacts.GroupCount((String) level.part(0), (String) level.part(1), n[0])));
    out.sort(Comparator.comparing(StudyFacts.GroupCount::factor).thenComparing(g -> sortable(g.level())));
    return out;
  }

  private List<StudyFacts.Descriptive> descriptives(CoupleTallies.Totals people) {
    List<Subscale> subscales = ctx.catalog().subscales();
    Map<List<Object>, long[]> scorers = scorers(people.timepoints, subscales);
    List<StudyFacts.Descriptive> out = new ArrayList<>();
    moments(people.timepointValues, StudyConfig.FACTORS, subscales).forEach((k, m) -> {
      long[] p = scorers.get(k);
      out.add(new StudyFacts.Descriptive((String) k.get(0), (String) k.get(1), (String) k.get(2), (String) k.get(3),
          m.n(), p[0], p[1], m.mean(), m.sd()));
    });
    List<String> order = subscaleColumns(subscales);
    out.sort(Comparator.<StudyFacts.Descriptive>comparingInt(d -> order.indexOf(d.score()))
        .thenComparing(d -> d.factor())
        .thenComparingInt(d -> Timepoint.parse(d.timepoint()).map(Enum::ordinal).orElse(99))
        .thenComparing(d -> sortable(d.level())));
    return out;
  }

  /** Partners per kind of love, instrument and timepoint. */
  private static List<StudyFacts.LoveCount> loveKinds(CoupleTallies.Totals people) {
    List<StudyFacts.LoveCount> out = new ArrayList<>();
    people.love.forEach((k, n) -> out.add(
        new StudyFacts.LoveCount((String) k.part(0), (String) k.part(1), (String) k.part(2), n[0], n[1])));
    out.sort(Comparator.comparing(StudyFacts.LoveCount::instrument)
        .thenComparingInt(c -> Timepoint.parse(c.timepoint()).map(Enum::ordinal).orElse(99))
        .thenComparing(c -> org.closer.core.score.LoveKind.valueOf(c.kind().toUpperCase(java.util.Locale.ROOT)).ordinal()));
    return out;
  }

  /** Session measures by session number, overall and by method and modality. */
  private List<StudyFacts.SessionPoint> sessions(CoupleTallies.Totals people) {
    List<Subscale> subscales = ctx.catalog().subscalesGivenAt(Timepoint.SESSION);
    if (subscales.isEmpty()) {
      return List.of();
    }
    Map<List<Object>, long[]> scorers = scorers(people.sessions, ctx.catalog().subscales());
    List<StudyFacts.SessionPoint> out = new ArrayList<>();
    moments(people.sessionValues, SESSION_FACTORS, subscales).forEach((k, m) -> {
      long[] p = scorers.get(k);
      out.add(new StudyFacts.SessionPoint((String) k.get(0), (String) k.get(2), (String) k.get(3), (Integer) k.get(1),
          m.n(), p[0], p[1], m.mean(), m.sd()));
    });
    out.sort(Comparator.comparing(StudyFacts.SessionPoint::score).thenComparing(StudyFacts.SessionPoint::factor)
        .thenComparing(StudyFacts.SessionPoint::level, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparingInt(StudyFacts.SessionPoint::session));
    return out;
  }

  /**
   * {partners, couples} with a value, keyed by [score, at, factor, level], from the tallies' counts
   * per [at, factor, level] of every subscale in catalog order.
   */
  private static Map<List<Object>, long[]> scorers(Map<CoupleTallies.Key, long[]> counts, List<Subscale> subscales) {
    Map<List<Object>, long[]> out = new HashMap<>();
    counts.forEach((k, n) -> {
      for (int i = 0; i < subscales.size(); i++) {
        out.put(Arrays.asList(subscales.get(i).column(), k.part(0), k.part(1), k.part(2)),
            new long[] {n[2 * i], n[2 * i + 1]});
      }
    });
    return out;
  }

  /**
   * Count, mean and variance of each of {@code subscales} per {@code at} (timepoint or session
   * number), factor ('all' and each of {@code factors}) and level, keyed by [score, at, factor,
   * level]: the tallies' moments per design cell ([at, level per design factor], every score in
   * catalog order) combined (Chan et al.).
   */
  private Map<List<Object>, Moments> moments(Map<CoupleTallies.Key, Moments[]> cells, List<String> factors,
      List<Subscale> subscales) {
    List<String> all = subscaleColumns(ctx.catalog().subscales());
    Map<List<Object>, Moments> out = new HashMap<>();
    cells.forEach((cell, byScore) -> {
      for (Subscale s : subscales) {
        Moments moments = byScore[all.indexOf(s.column())];
        if (moments.n() == 0) {
          continue;
        }
        out.computeIfAbsent(Arrays.asList(s.column(), cell.part(0), CoupleTallies.ALL, CoupleTallies.ALL),
            k -> Moments.create()).combine(moments);
        for (String factor : factors) {
          Object level = cell.part(1 + StudyConfig.FACTORS.indexOf(factor));
          out.computeIfAbsent(Arrays.asList(s.column(), cell.part(0), factor, level), k -> Moments.create())
              .combine(moments);
        }
      }
    });
    return out;
  }

  /** Numbers sort as numbers ("45" before "90"), text as text. */
  private static String sortable(String level) {
    return level != null && level.matches("\\d+") ? String.format("%010d", Long.parseLong(level)) : String.valueOf(level);
  }
}
