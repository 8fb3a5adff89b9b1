package org.closer.jobs.report;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.var_samp;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.closer.core.ingest.IngestSummary;
import org.closer.core.instrument.Subscale;
import org.closer.core.model.Partner;
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
    Dataset<Row> coupleCells = coupleCells(responses).persist(StorageLevel.MEMORY_AND_DISK());
    StudyFacts facts = new StudyFacts(ingest, quarantine(quarantine), clinics(coupleCells), groups(coupleCells),
        descriptives(scores), reliability(ctx.outputs().read(ctx.spark(), PSYCHOMETRICS)),
        outcomes(ctx.outputs().read(ctx.spark(), OUTCOMES)), slopes(ctx.outputs().read(ctx.spark(), TRAJECTORIES)),
        comparisons.stream().map(ComparisonRows::fromRow).toList(), loveKinds(scores), sessions(scores));
    coupleCells.unpersist();
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
   * One row per clinic, couple and design cell with its number of responses: what the clinic and
   * group counts need, from one pass over the responses instead of one each.
   */
  private static Dataset<Row> coupleCells(Dataset<Row> responses) {
    return responses.groupBy(col("clinic"), col("couple"), col("modality"), col("method"),
        col("session_minutes").cast("string").as("session_minutes")).agg(count(lit(1)).as("responses"));
  }

  private static List<StudyFacts.ClinicCount> clinics(Dataset<Row> coupleCells) {
    List<StudyFacts.ClinicCount> out = new ArrayList<>();
    for (Row r : coupleCells.groupBy("clinic").agg(sum(col("responses")), countDistinct(col("couple")))
        .orderBy("clinic").collectAsList()) {
      out.add(new StudyFacts.ClinicCount(r.getString(0), r.getLong(1), r.getLong(2)));
    }
    return out;
  }

  /** Couples per factor level; a couple whose responses disagree on a factor counts in each of its cells. */
  private static List<StudyFacts.GroupCount> groups(Dataset<Row> coupleCells) {
    Dataset<Row> levels = coupleCells.selectExpr(
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
    Dataset<Row> byCell = scores.withColumn("session_minutes", col("session_minutes").cast("string"));
    List<String> factors = StudyConfig.FACTORS;
    Map<List<Object>, long[]> people = scorers(byCell, "timepoint", factors, subscales);
    List<StudyFacts.Descriptive> out = new ArrayList<>();
    moments(byCell, "timepoint", factors, subscales).forEach((k, m) -> {
      long[] p = people.get(k);
      out.add(new StudyFacts.Descriptive((String) k.get(0), (String) k.get(1), (String) k.get(2), (String) k.get(3),
          m.n(), p[0], p[1], m.mean(), m.sd()));
    });
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
    List<String> factors = List.of("modality", "method");
    Map<List<Object>, long[]> people = scorers(sessions, "session", factors, subscales);
    List<StudyFacts.SessionPoint> out = new ArrayList<>();
    moments(sessions, "session", factors, subscales).forEach((k, m) -> {
      long[] p = people.get(k);
      out.add(new StudyFacts.SessionPoint((String) k.get(0), (String) k.get(2), (String) k.get(3), (Integer) k.get(1),
          m.n(), p[0], p[1], m.mean(), m.sd()));
    });
    out.sort(Comparator.comparing(StudyFacts.SessionPoint::score).thenComparing(StudyFacts.SessionPoint::factor)
        .thenComparing(StudyFacts.SessionPoint::level, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparingInt(StudyFacts.SessionPoint::session));
    return out;
  }

  /**
   * Count, mean and variance of each subscale per {@code at} (timepoint or session number), factor
   * ('all' and each of {@code factors}) and level, keyed by [score, at, factor, level]: one
   * aggregation per design cell, whose moments are combined here (Chan et al.), instead of copying
   * every value once per subscale and factor level for Spark to group.
   */
  private static Map<List<Object>, Moments> moments(Dataset<Row> scores, String at, List<String> factors,
      List<Subscale> subscales) {
    List<Column> aggregates = new ArrayList<>();
    for (Subscale s : subscales) {
      aggregates.addAll(List.of(count(col(s.column())), avg(col(s.column())), var_samp(col(s.column()))));
    }
    Column[] cell = Stream.concat(Stream.of(at), factors.stream()).map(functions::col).toArray(Column[]::new);
    int first = cell.length;
    Map<List<Object>, Moments> out = new HashMap<>();
    for (Row r : scores.groupBy(cell).agg(aggregates.get(0), rest(aggregates)).collectAsList()) {
      for (int i = 0; i < subscales.size(); i++) {
        long n = r.getLong(first + 3 * i);
        if (n == 0) {
          continue;
        }
        Moments moments = Moments.of(n, r.getDouble(first + 3 * i + 1), number(r, first + 3 * i + 2));
        String score = subscales.get(i).column();
        out.computeIfAbsent(Arrays.asList(score, r.get(0), ScorerCounts.ALL, ScorerCounts.ALL), k -> Moments.create()).combine(moments);
        for (int f = 0; f < factors.size(); f++) {
          out.computeIfAbsent(Arrays.asList(score, r.get(0), factors.get(f), r.get(1 + f)), k -> Moments.create())
              .combine(moments);
        }
      }
    }
    return out;
  }

  /**
   * Partners and couples with a value of each subscale, per {@code at} (timepoint or session
   * number), factor ('all' and each of {@code factors}) and level: {partners, couples}, keyed by
   * [score, at, factor, level]. First one row per couple, {@code at} and design cell, with bits
   * marking which partner gave which score (one bitwise-or aggregate instead of a max per score
   * and partner); then each couple's rows, brought together, are counted per factor level by
   * {@link ScorerCounts}, so a couple whose rows disagree on another factor is still one couple.
   * Stacking the cells per factor and grouping them by couple again shuffled four times the rows.
   * Sorted by couple first: Spark's sort compares a key's first bytes before the whole rows, and
   * {@code at} first would tie every row of a timepoint.
   */
  private static Map<List<Object>, long[]> scorers(Dataset<Row> scores, String at, List<String> factors,
      List<Subscale> subscales) {
    int partners = Partner.values().length;
    Column[] masks = new Column[ScorerCounts.masks(subscales.size() * partners)];
    Arrays.fill(masks, lit(0L));
    for (int s = 0; s < subscales.size(); s++) {
      for (Partner p : Partner.values()) {
        int mark = s * partners + p.ordinal();
        Column given = col(subscales.get(s).column()).isNotNull().and(col("partner").equalTo(p.name()));
        masks[ScorerCounts.column(mark)] = masks[ScorerCounts.column(mark)]
            .plus(when(given, lit(ScorerCounts.bit(mark))).otherwise(lit(0L)));
      }
    }
    Column[] cell = Stream.concat(Stream.of(at, "couple"), factors.stream()).map(functions::col).toArray(Column[]::new);
    List<Column> perCellMasks = new ArrayList<>();
    for (int m = 0; m < masks.length; m++) {
      perCellMasks.add(functions.bit_or(col("mask" + m)).as("mask" + m));
    }
    Dataset<Row> marked = scores;
    for (int m = 0; m < masks.length; m++) {
      marked = marked.withColumn("mask" + m, masks[m]);
    }
    Dataset<Row> perCell = marked.groupBy(cell).agg(perCellMasks.get(0), rest(perCellMasks));
    StructType counted = ScorerCounts.schema(perCell.schema().apply(at).dataType(), subscales.size());
    Dataset<Row> perPartition = perCell
        .repartition(SparkSessions.shufflePartitions(scores.sparkSession()), col(at), col("couple"))
        .sortWithinPartitions("couple", at)
        .mapPartitions(new ScorerCounts(factors, subscales.size(), partners), Encoders.row(counted));
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
