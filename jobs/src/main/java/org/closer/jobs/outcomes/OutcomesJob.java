package org.closer.jobs.outcomes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.closer.core.dataset.DatasetSchemas.Dataset.COUPLE_SCORES;
import static org.closer.core.dataset.DatasetSchemas.Dataset.OUTCOMES;
import static org.closer.core.dataset.DatasetSchemas.Dataset.SCORES;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.closer.core.instrument.Cutoff;
import org.closer.core.instrument.Subscale;
import org.closer.core.model.Timepoint;
import org.closer.core.stats.Moments;
import org.closer.core.stats.ReliableChange;
import org.closer.core.study.StudyConfig;
import org.closer.jobs.CatalystRows;
import org.closer.jobs.MappedIterator;
import org.closer.jobs.PartitionTree;
import org.closer.jobs.Progress;
import org.closer.jobs.RunContext;
import org.closer.jobs.SparkSchemas;
import org.closer.jobs.score.Psychometrics;

/**
 * {@code scores} and {@code couple_scores} to {@code outcomes}: intake, closing and follow-up of
 * every long-survey score per partner and per couple, the change, and the Jacobson-Truax reliable
 * change with its category.
 */
public final class OutcomesJob {
  public static final String INDIVIDUAL = "individual";
  public static final String COUPLE = "couple";

  private final RunContext ctx;

  public OutcomesJob(RunContext ctx) {
    this.ctx = ctx;
  }

  /** What the RCI of one score at one level is computed with. */
  private record Rule(double reliability, Double cutoff, ReliableChange change) implements java.io.Serializable {}

  /**
   * A wide row (the outcome's keys, design, score, intake, closing, follow-up, then sessions
   * attended and dropout) to its outcome row, as Spark's internal rows: a {@link Row} costs a
   * conversion each way that took longer than the arithmetic.
   */
  private static final class OutcomeRows implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** The outcome's first columns, copied from the wide row: level, unit, design and score. */
    private static final int KEYS = 9;
    /** The one of them that is a number; the others are text. */
    private static final int MINUTES = 6;
    private final Map<String, Map<String, Rule>> rules;
    private transient Map<UTF8String, Map<UTF8String, Rule>> byText;

    OutcomeRows(Map<String, Map<String, Rule>> rules) {
      this.rules = rules;
    }

    /** The input row may be reused by its reader for the next row: its strings are copied. */
    InternalRow outcome(InternalRow r) {
      Rule rule = rule(r.getUTF8String(0), r.getUTF8String(8));
      Object[] v = new Object[KEYS + 11];
      for (int i = 0; i < KEYS; i++) {
        v[i] = r.isNullAt(i) ? null : i == MINUTES ? (Object) r.getInt(i) : r.getUTF8String(i).copy();
      }
      double intake = r.getDouble(9);
      Double closing = r.isNullAt(10) ? null : r.getDouble(10);
      Double followup = r.isNullAt(11) ? null : r.getDouble(11);
      Double change = closing == null ? null : closing - intake;
      Double rci = null;
      UTF8String category = null;
      if (change != null && !Double.isNaN(rule.change().sDiff()) && rule.change().sDiff() > 0) {
        rci = rule.change().index(intake, closing);
        ReliableChange.Category c = rule.change().category(intake, closing);
        category = c == null ? null : UTF8String.fromString(c.code());
      }
      v[9] = intake;
      v[10] = closing;
      v[11] = followup;
      v[12] = change;
      v[13] = followup == null ? null : followup - intake;
      v[14] = rci;
      v[15] = category;
      v[16] = Psychometrics.nullable(rule.reliability());
      v[17] = rule.cutoff();
      v[18] = r.getInt(12);
      v[19] = r.getBoolean(13);
      return new GenericInternalRow(v);
    }

    private Rule rule(UTF8String level, UTF8String score) {
      if (byText == null) {
        byText = new HashMap<>();
        rules.forEach((l, byScore) -> {
          Map<UTF8String, Rule> m = new HashMap<>();
          byScore.forEach((s, rule) -> m.put(UTF8String.fromString(s), rule));
          byText.put(UTF8String.fromString(l), m);
        });
      }
      return byText.get(level).get(score);
    }
  }

  /**
   * @param sampleAlpha intake alpha per subscale column, from the {@code psychometrics} that score writes
   */
  public long run(Map<String, Double> sampleAlpha) {
    Progress.Stage stage = ctx.progress().start("outcomes");
    List<Subscale> scores = ctx.catalog().subscalesGivenAt(Timepoint.INTAKE);
    Optional<Dataset<Row>> partnersWhole = ctx.outputs().readWholeCouples(ctx.spark(), SCORES);
    Optional<Dataset<Row>> couplesWhole = ctx.outputs().readWholeCouples(ctx.spark(), COUPLE_SCORES);
    Dataset<Row> partnerScores = partnersWhole.orElseGet(() -> ctx.outputs().read(ctx.spark(), SCORES));
    Dataset<Row> coupleScores = couplesWhole.orElseGet(() -> ctx.outputs().read(ctx.spark(), COUPLE_SCORES));
    Map<String, Map<String, Rule>> rules = new HashMap<>();
    intakeSd(partnerScores, scores, "").forEach((s, sd) ->
        rules.computeIfAbsent(INDIVIDUAL, k -> new HashMap<>()).put(s.column(), rule(s, sd, sampleAlpha)));
    intakeSd(coupleScores, scores, "_mean").forEach((s, sd) ->
        rules.computeIfAbsent(COUPLE, k -> new HashMap<>()).put(s.column(), rule(s, sd, sampleAlpha)));
    boolean wholeCouples = partnersWhole.isPresent() && couplesWhole.isPresent();
    JavaRDD<InternalRow> wide = wide(partnerScores, coupleScores, scores, wholeCouples);
    OutcomeRows outcomeRows = new OutcomeRows(rules);
    Dataset<Row> outcomes = CatalystRows.frame(ctx.spark(),
        wide.mapPartitions(rows -> new MappedIterator<>(rows, outcomeRows::outcome)),
        SparkSchemas.struct(ctx.schemas().schema(OUTCOMES)));
    long count = ctx.outputs().write(OUTCOMES, outcomes, ctx.outputs().rows(SCORES), wholeCouples);
    long measured = rules.values().stream().flatMap(r -> r.keySet().stream()).distinct().count();
    stage.done(Progress.count(count) + " partner and couple outcomes on " + measured + " scores");
    return count;
  }

  /**
   * The SD of each score at intake across units of one level, for the scores some unit has an
   * intake value of. Read from the intake rows, not from the wide rows, so that those are computed
   * once and not cached: ingest leaves one intake row per partner and couple, each its unit's value.
   * Each task's moments are combined on the driver over a fixed tree of partitions ({@link
   * PartitionTree}): a Spark aggregate adds the tasks' partial results in the order they arrive,
   * which on a cluster varies from run to run, and so would the last bits of every reliable change
   * index.
   */
  private static Map<Subscale, Double> intakeSd(Dataset<Row> df, List<Subscale> scores, String suffix) {
    Column[] values = scores.stream().map(s -> col(s.column() + suffix)).toArray(Column[]::new);
    int k = values.length;
    Dataset<Row> intake = df.filter(col("timepoint").equalTo(Timepoint.INTAKE.code())).select(values);
    JavaRDD<Moments[]> tasks = CatalystRows.of(intake).mapPartitions(rows -> {
      Moments[] m = moments(k);
      while (rows.hasNext()) {
        InternalRow r = rows.next();
        for (int i = 0; i < k; i++) {
          if (!r.isNullAt(i)) {
            m[i].accept(r.getDouble(i));
          }
        }
      }
      return Collections.singletonList(m).iterator();
    });
    Moments[] all = PartitionTree.combine(tasks, (left, right) -> {
      for (int i = 0; i < k; i++) {
        left[i].combine(right[i]);
      }
      return left;
    }).orElseGet(() -> moments(k));
    Map<Subscale, Double> out = new HashMap<>();
    for (int i = 0; i < k; i++) {
      if (all[i].n() > 0) {
        out.put(scores.get(i), all[i].sd());
      }
    }
    return out;
  }

  private static Moments[] moments(int k) {
    Moments[] m = new Moments[k];
    Arrays.setAll(m, i -> Moments.create());
    return m;
  }

  private Rule rule(Subscale s, double sd, Map<String, Double> sampleAlpha) {
    double reliability = reliability(s, sampleAlpha);
    Double cutoff = cutoff(s);
    Cutoff side = cutoff == null ? null : new Cutoff(cutoff,
        s.cutoff() == null ? Cutoff.Side.BELOW : s.cutoff().distressed(), "", true);
    return new Rule(reliability, cutoff, new ReliableChange(sd, reliability, side));
  }

  /**
   * The wide rows of both levels, for the scores with an intake value. With {@code wholeCouples}
   * (every task reads whole couples, each couple's rows one after another), each task walks its
   * couples ({@link UnitOutcomes}), and each partition of the result holds whole couples at each
   * level; otherwise Spark groups the rows by unit.
   */
  static JavaRDD<InternalRow> wide(Dataset<Row> partnerScores, Dataset<Row> coupleScores, List<Subscale> scores,
      boolean wholeCouples) {
    if (!wholeCouples) {
      return CatalystRows.of(wide(partnerScores, scores, "", INDIVIDUAL)
          .unionByName(wide(coupleScores, scores, "_mean", COUPLE)).filter(col("intake").isNotNull()));
    }
    List<String> names = scores.stream().map(Subscale::column).toList();
    return walked(partnerScores, names, "", INDIVIDUAL).union(walked(coupleScores, names, "_mean", COUPLE));
  }

  private static JavaRDD<InternalRow> walked(Dataset<Row> df, List<String> scores, String suffix, String level) {
    List<Column> columns = new ArrayList<>();
    for (String c : UnitOutcomes.COLUMNS) {
      columns.add(c.equals("partner") && level.equals(COUPLE) ? lit(null).cast("string").as(c) : col(c));
    }
    scores.forEach(s -> columns.add(col(s + suffix)));
    return CatalystRows.of(df.select(columns.toArray(Column[]::new)))
        .mapPartitions(rows -> new UnitOutcomes(rows, level, scores));
  }

  /**
   * One row per unit (partner or couple) and score: intake, closing, follow-up side by side, with
   * sessions attended and dropout. Grouped twice: first by unit and design, where every aggregate
   * has a hash-based buffer, then by unit alone, where the few rows a unit has left (one, unless its
   * rows disagree on the design) are merged and the smallest design value kept. Grouping by unit
   * alone at once makes Spark sort every row, as min() over text has no hash-based buffer.
   */
  private static Dataset<Row> wide(Dataset<Row> df, List<Subscale> scores, String suffix, String level) {
    List<String> units = new ArrayList<>(List.of("clinic", "couple"));
    if (level.equals(INDIVIDUAL)) {
      units.add("partner");
    }
    List<String> design = List.of("modality", "method", "session_minutes", "therapist");
    // Ingest leaves one row per unit and session survey, so counting them counts distinct sessions.
    List<Column> byDesign = new ArrayList<>(List.of(
        count(when(col("timepoint").equalTo("session"), col("session"))).as("sessions_attended"),
        max(col("timepoint").equalTo("closing")).as("has_closing")));
    List<Column> byUnit = new ArrayList<>();
    design.forEach(d -> byUnit.add(min(d).as(d)));
    byUnit.add(sum("sessions_attended").cast("int").as("sessions_attended"));
    byUnit.add(max("has_closing").as("has_closing"));
    StringBuilder stack = new StringBuilder("stack(").append(scores.size());
    for (Subscale s : scores) {
      for (String t : new String[] {"intake", "closing", "followup"}) {
        String wideColumn = s.column() + "__" + t;
        byDesign.add(max(when(col("timepoint").equalTo(t), col(s.column() + suffix))).as(wideColumn));
        byUnit.add(max(wideColumn).as(wideColumn));
      }
      stack.append(", '").append(s.column()).append("', ").append(s.column()).append("__intake, ")
          .append(s.column()).append("__closing, ").append(s.column()).append("__followup");
    }
    stack.append(") as (score, intake, closing, followup)");
    List<String> unitsAndDesign = new ArrayList<>(units);
    unitsAndDesign.addAll(design);
    Dataset<Row> grouped = df.groupBy(columns(unitsAndDesign)).agg(byDesign.get(0), rest(byDesign))
        .groupBy(columns(units)).agg(byUnit.get(0), rest(byUnit));
    return grouped.selectExpr("'" + level + "' as level", "clinic", "couple",
        level.equals(INDIVIDUAL) ? "partner" : "cast(null as string) as partner", "modality", "method",
        "session_minutes", "therapist", stack.toString(), "sessions_attended", "not has_closing as dropped_out");
  }

  private static Column[] rest(List<Column> aggregates) {
    return aggregates.subList(1, aggregates.size()).toArray(Column[]::new);
  }

  private static Column[] columns(List<String> names) {
    return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
  }

  private double reliability(Subscale s, Map<String, Double> sampleAlpha) {
    if (ctx.study().reliability() == StudyConfig.ReliabilitySource.PUBLISHED && s.reliability() != null) {
      return s.reliability().alpha();
    }
    return sampleAlpha.getOrDefault(s.column(), Double.NaN);
  }

  /** A published cut-off wins; otherwise Jacobson-Truax c or a from the study's norms; else none. */
  private Double cutoff(Subscale s) {
    if (s.cutoff() != null) {
      return s.cutoff().value();
    }
    StudyConfig.Norms n = ctx.study().norms().get(s.column());
    return n == null ? null : ReliableChange.normCutoff(n.clinicalMean(), n.clinicalSd(), n.healthyMean(), n.healthySd());
  }
}
