package org.closer.jobs.report;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.closer.core.dataset.DatasetSchemas.Dataset.COMPARISONS;
import static org.closer.core.dataset.DatasetSchemas.Dataset.OUTCOMES;
import static org.closer.core.dataset.DatasetSchemas.Dataset.PSYCHOMETRICS;
import static org.closer.core.dataset.DatasetSchemas.Dataset.QUARANTINE;
import static org.closer.core.dataset.DatasetSchemas.Dataset.RESPONSES;
import static org.closer.core.dataset.DatasetSchemas.Dataset.SCORES;
import static org.closer.core.dataset.DatasetSchemas.Dataset.TRAJECTORIES;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.closer.core.ingest.IngestSummary;
import org.closer.core.instrument.Subscale;
import org.closer.core.model.Partner;
import org.closer.core.model.Timepoint;
import org.closer.core.report.HtmlRenderer;
import org.closer.core.report.MarkdownRenderer;
import org.closer.core.report.Report;
import org.closer.core.report.StudyFacts;
import org.closer.core.report.StudyReport;
import org.closer.jobs.Progress;
import org.closer.jobs.RunContext;
import org.closer.core.report.CellPolicy;
import org.closer.core.report.CsvTables;
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

  private final RunContext ctx;

  public ReportJob(RunContext ctx) {
    this.ctx = ctx;
  }

  public Report run() {
    Progress.Stage stage = ctx.progress().start("report");
    IngestSummary ingest = IngestJob.readSummary(ctx);
    Dataset<Row> responses = ctx.outputs().read(ctx.spark(), RESPONSES);
    Dataset<Row> quarantine = ctx.outputs().read(ctx.spark(), QUARANTINE);
    Dataset<Row> scores = ctx.outputs().read(ctx.spark(), SCORES);
    List<Row> comparisons = ctx.outputs().read(ctx.spark(), COMPARISONS).collectAsList();
    StudyFacts facts = new StudyFacts(ingest, quarantine(quarantine), clinics(responses), groups(responses),
        descriptives(scores), reliability(ctx.outputs().read(ctx.spark(), PSYCHOMETRICS)),
        outcomes(ctx.outputs().read(ctx.spark(), OUTCOMES)), slopes(ctx.outputs().read(ctx.spark(), TRAJECTORIES)),
        comparisons.stream().map(ComparisonRows::fromRow).toList(), loveKinds(scores), sessions(scores));
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

  private static List<StudyFacts.ClinicCount> clinics(Dataset<Row> responses) {
    List<StudyFacts.ClinicCount> out = new ArrayList<>();
    for (Row r : responses.groupBy("clinic").agg(count(lit(1)), countDistinct(col("couple"))).orderBy("clinic")
        .collectAsList()) {
      out.add(new StudyFacts.ClinicCount(r.getString(0), r.getLong(1), r.getLong(2)));
    }
    return out;
  }

  private static List<StudyFacts.GroupCount> groups(Dataset<Row> responses) {
    Dataset<Row> couples = responses.select(col("clinic"), col("couple"), col("modality"), col("method"),
        col("session_minutes").cast("string").as("session_minutes")).distinct();
    Dataset<Row> levels = couples.selectExpr(
        "stack(3, 'modality', modality, 'method', method, 'session_minutes', session_minutes) as (factor, level)");
    List<StudyFacts.GroupCount> out = new ArrayList<>();
    for (Row r : levels.groupBy("factor", "level").agg(count(lit(1))).collectAsList()) {
      out.add(new StudyFacts.GroupCount(r.getString(0), r.getString(1), r.getLong(2)));
    }
    out.sort(Comparator.comparing(StudyFacts.GroupCount::factor).thenComparing(g -> sortable(g.level())));
    return out;
  }

  private List<StudyFacts.Descriptive> descriptives(Dataset<Row> scores) {
    List<Subscale> subscales = ctx.catalog().subscales();
    Dataset<Row> values = scores
        .selectExpr("timepoint", "modality", "method", "cast(session_minutes as string) as session_minutes",
            stack(subscales, "score", "value"))
        .filter(col("value").isNotNull())
        .selectExpr("timepoint", "score", "value",
            "stack(4, 'all', 'all', 'modality', modality, 'method', method, 'session_minutes', session_minutes)"
                + " as (factor, level)");
    List<StudyFacts.Descriptive> out = new ArrayList<>();
    Map<List<Object>, long[]> people = scorers(scores.withColumn("session_minutes", col("session_minutes").cast("string")),
        "timepoint", List.of("modality", "method", "session_minutes"), subscales);
    for (Row r : values.groupBy("score", "timepoint", "factor", "level")
        .agg(count(col("value")), avg(col("value")), stddev_samp(col("value")))
        .collectAsList()) {
      long[] p = people.get(Arrays.asList(r.get(0), r.get(1), r.get(2), r.get(3)));
      out.add(new StudyFacts.Descriptive(r.getString(0), r.getString(1), r.getString(2), r.getString(3),
          r.getLong(4), p[0], p[1], r.getDouble(5), r.isNullAt(6) ? Double.NaN : r.getDouble(6)));
    }
    List<String> order = subscales.stream().map(Subscale::column).toList();
    out.sort(Comparator.<StudyFacts.Descriptive>comparingInt(d -> order.indexOf(d.score()))
        .thenComparing(d -> d.factor())
        .thenComparingInt(d -> Timepoint.parse(d.timepoint()).map(Enum::ordinal).orElse(99))
        .thenComparing(d -> sortable(d.level())));
    return out;
  }

  /** Partners per kind of love, instrument and timepoint. */
  private List<StudyFacts.LoveCount> loveKinds(Dataset<Row> scores) {
    List<StudyFacts.LoveCount> out = new ArrayList<>();
    for (org.closer.core.instrument.Instrument instrument : ctx.catalog().loveInstruments()) {
      String column = instrument.id() + "_love_kind";
      Dataset<Row> kinds = scores.filter(col(column).isNotNull())
          .select(col("timepoint"), col(column).as("kind"), col("couple"), col("partner"));
      for (Map.Entry<List<Object>, long[]> e : people(kinds, "timepoint", "kind").entrySet()) {
        out.add(new StudyFacts.LoveCount(instrument.id(), (String) e.getKey().get(0), (String) e.getKey().get(1),
            e.getValue()[0], e.getValue()[1]));
      }
    }
    out.sort(Comparator.comparing(StudyFacts.LoveCount::instrument)
        .thenComparingInt(c -> Timepoint.parse(c.timepoint()).map(Enum::ordinal).orElse(99))
        .thenComparing(c -> org.closer.core.score.LoveKind.valueOf(c.kind().toUpperCase(java.util.Locale.ROOT)).ordinal()));
    return out;
  }

  /** Session measures by session number, overall and by method and modality. */
  private List<StudyFacts.SessionPoint> sessions(Dataset<Row> scores) {
    List<Subscale> subscales = ctx.catalog().subscalesGivenAt(Timepoint.SESSION);
    if (subscales.isEmpty()) {
      return List.of();
    }
    Dataset<Row> sessions = scores.filter(col("timepoint").equalTo(Timepoint.SESSION.code()).and(col("session").isNotNull()));
    Dataset<Row> values = sessions.selectExpr("session", "modality", "method", stack(subscales, "score", "value"))
        .filter(col("value").isNotNull())
        .selectExpr("session", "score", "value",
            "stack(3, 'all', 'all', 'modality', modality, 'method', method) as (factor, level)");
    List<StudyFacts.SessionPoint> out = new ArrayList<>();
    Map<List<Object>, long[]> people = scorers(sessions, "session", List.of("modality", "method"), subscales);
    for (Row r : values.groupBy("score", "factor", "level", "session")
        .agg(count(col("value")), avg(col("value")), stddev_samp(col("value")))
        .orderBy("score", "factor", "level", "session").collectAsList()) {
      long[] p = people.get(Arrays.asList(r.get(0), r.get(3), r.get(1), r.get(2)));
      out.add(new StudyFacts.SessionPoint(r.getString(0), r.getString(1), r.getString(2), r.getInt(3), r.getLong(4),
          p[0], p[1], r.getDouble(5), r.isNullAt(6) ? Double.NaN : r.getDouble(6)));
    }
    return out;
  }

  /** {@code stack(n, 'column', column, ...) as (name, value)} over the subscales' score columns. */
  private static String stack(List<Subscale> subscales, String name, String value) {
    StringBuilder stack = new StringBuilder("stack(").append(subscales.size());
    for (Subscale s : subscales) {
      stack.append(", '").append(s.column()).append("', ").append(s.column());
    }
    return stack.append(") as (").append(name).append(", ").append(value).append(")").toString();
  }

  /**
   * Partners and couples with a value of each subscale, per {@code at} (timepoint or session
   * number), factor ('all' and each of {@code factors}) and level: {partners, couples}, keyed by
   * [score, at, factor, level]. First one row per couple, {@code at} and design cell, marking which
   * partner gave which score; then those marks per factor level, OR-ed within a couple (a couple
   * whose rows disagree on another factor is still one couple), and summed. Each step shrinks the
   * rows, where distinct (group, couple, partner) rows over every value shuffled the values.
   */
  private static Map<List<Object>, long[]> scorers(Dataset<Row> scores, String at, List<String> factors,
      List<Subscale> subscales) {
    List<Column> perCellMarks = new ArrayList<>();
    for (Subscale s : subscales) {
      for (Partner p : Partner.values()) {
        perCellMarks.add(functions.max(when(col(s.column()).isNotNull().and(col("partner").equalTo(p.name())), 1)
            .otherwise(0)).as(mark(s, p)));
      }
    }
    Column[] cell = Stream.concat(Stream.of(at, "couple"), factors.stream()).map(functions::col).toArray(Column[]::new);
    Dataset<Row> perCell = scores.groupBy(cell).agg(perCellMarks.get(0), rest(perCellMarks));
    StructType counted = ScorerCounts.schema(perCell.schema().apply(at).dataType(), subscales.size());
    Dataset<Row> perPartition = perCell
        .repartition(SparkSessions.shufflePartitions(scores.sparkSession()), col(at), col("couple"))
        .sortWithinPartitions(at, "couple")
        .mapPartitions(new ScorerCounts(factors, subscales.size(), Partner.values().length), Encoders.row(counted));
    Map<List<Object>, long[]> out = new HashMap<>();
    for (Row r : perPartition.collectAsList()) {
      for (int i = 0; i < subscales.size(); i++) {
        long[] sum = out.computeIfAbsent(Arrays.asList(subscales.get(i).column(), r.get(0), r.get(1), r.get(2)),
            k -> new long[2]);
        sum[0] += r.getLong(3 + 2 * i);
        sum[1] += r.getLong(4 + 2 * i);
      }
    }
    return out;
  }

  private static Column[] rest(List<Column> columns) {
    return columns.subList(1, columns.size()).toArray(Column[]::new);
  }

  private static String mark(Subscale s, Partner p) {
    return s.column() + "_" + p.name();
  }

  /**
   * Partners and couples behind each group of {@code keys}: {partners, couples}. Two plain
   * aggregations over the distinct (group, couple, partner) rows; asking Spark for two distinct
   * counts at once makes it copy every value row once per count instead.
   */
  private static Map<List<Object>, long[]> people(Dataset<Row> values, String... keys) {
    Column[] group = Arrays.stream(keys).map(functions::col).toArray(Column[]::new);
    Column[] groupCouple = Stream.concat(Arrays.stream(group), Stream.of(col("couple"))).toArray(Column[]::new);
    Column[] groupPartner = Stream.concat(Arrays.stream(groupCouple), Stream.of(col("partner"))).toArray(Column[]::new);
    Dataset<Row> perCouple = values.select(groupPartner).distinct().groupBy(groupCouple)
        .agg(count(lit(1)).as("partners"));
    Map<List<Object>, long[]> out = new HashMap<>();
    for (Row r : perCouple.groupBy(group).agg(sum(col("partners")), count(lit(1))).collectAsList()) {
      out.put(key(r, keys.length), new long[] {r.getLong(keys.length), r.getLong(keys.length + 1)});
    }
    return out;
  }

  private static List<Object> key(Row r, int n) {
    List<Object> key = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      key.add(r.get(i));
    }
    return key;
  }

  /** Numbers sort as numbers ("45" before "90"), text as text. */
  private static String sortable(String level) {
    return level != null && level.matches("\\d+") ? String.format("%010d", Long.parseLong(level)) : String.valueOf(level);
  }
}
