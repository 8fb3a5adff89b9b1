package org.closer.jobs.score;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.closer.core.dataset.DatasetSchemas.Dataset.COUPLE_SCORES;
import static org.closer.core.dataset.DatasetSchemas.Dataset.RESPONSES;
import static org.closer.core.dataset.DatasetSchemas.Dataset.SCORES;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.closer.jobs.CatalystRows;
import org.closer.core.instrument.Subscale;
import org.closer.core.model.Partner;
import org.closer.core.score.LoveClassifier;
import org.closer.core.score.Scorer;
import org.closer.jobs.MappedIterator;
import org.closer.jobs.Progress;
import org.closer.jobs.RunContext;
import org.closer.jobs.SparkSchemas;

/**
 * {@code responses} to {@code scores} (per partner), {@code couple_scores} (per couple) and
 * {@code psychometrics} (alpha of every subscale per timepoint and group).
 */
public final class ScoreJob {
  private final RunContext ctx;

  public ScoreJob(RunContext ctx) {
    this.ctx = ctx;
  }

  /** Rows of (scores, couple_scores). */
  public record Counts(long scores, long coupleScores) {}

  public Counts run() {
    Progress.Stage stage = ctx.progress().start("score");
    Scorer scorer = new Scorer(ctx.catalog());
    LoveClassifier love = new LoveClassifier(ctx.catalog(), ctx.study().loveThresholds());
    StructType scoresType = SparkSchemas.struct(ctx.schemas().schema(SCORES));
    Dataset<Row> responses = ctx.outputs().read(ctx.spark(), RESPONSES);
    int itemCount = ctx.catalog().items().size();

    DataType[] keyTypes = new DataType[ScoreRows.KEYS];
    for (int i = 0; i < keyTypes.length; i++) {
      keyTypes[i] = responses.schema().fields()[ScoreRows.LINEAGE + i].dataType();
    }
    // Alpha's sums are gathered in the same pass; the scores' write is its only job.
    ReliabilitySums reliability = ReliabilitySums.of(responses.schema(), ctx.catalog().subscales());
    ctx.spark().sparkContext().register(reliability, "reliability sums");
    Dataset<Row> scores = CatalystRows.frame(ctx.spark(), CatalystRows.of(responses).mapPartitions(rows -> {
      ScoreRows out = new ScoreRows(scorer, love, keyTypes, itemCount);
      return new MappedIterator<>(rows, r -> {
        reliability.add(r);
        return out.score(r);
      });
    }), scoresType);
    // One row per response, counted from the responses' footers.
    long scoreCount = ctx.outputs().write(SCORES, scores, ctx.outputs().rows(RESPONSES));
    int reliabilities = Psychometrics.write(ctx, reliability.value());
    // Couple scores from the written partner scores: a few columns read back instead of scoring twice.
    long coupleCount = ctx.outputs().write(COUPLE_SCORES, coupleScores(ctx.outputs().read(ctx.spark(), SCORES)),
        scoreCount / 2);
    stage.done(Progress.count(scoreCount) + " partner surveys, " + Progress.count(coupleCount)
        + " couple surveys scored; " + Progress.count(reliabilities) + " subscale x timepoint x group reliabilities");
    return new Counts(scoreCount, coupleCount);
  }

  /**
   * One row per couple survey from its partners' rows, paired by a full outer join of partner A's
   * rows with partner B's. Ingest leaves at most one row per partner and survey (a second is
   * quarantined as a duplicate, a third partner as too many), so the join pairs and never multiplies.
   * A grouping would do the same with Spark's sort-based aggregation, as min() over text has no
   * hash-based buffer: it sorts every row twice, where the join sorts each side once (a third less
   * time at 5M rows).
   */
  private Dataset<Row> coupleScores(Dataset<Row> scores) {
    List<String> keys = List.of("clinic", "couple", "timepoint", "session");
    // Design belongs to the couple; the smaller value is kept should the partners' rows disagree.
    List<String> earliest = List.of("month", "modality", "method", "session_minutes", "therapist");
    List<String> columns = new ArrayList<>(keys);
    columns.addAll(earliest);
    ctx.catalog().subscales().forEach(s -> columns.add(s.column()));
    Dataset<Row> a = partner(scores, Partner.A, columns).as("a");
    Dataset<Row> b = partner(scores, Partner.B, columns).as("b");
    // The join sorts each side on its keys in this order: the couple's pseudonym first, as Spark
    // compares a key's first bytes before the whole rows, and a clinic code first would tie every
    // row of a clinic (the sort took a third longer at 5M rows).
    Column on = lit(true);
    for (String k : Stream.concat(Stream.of("couple"), keys.stream().filter(c -> !c.equals("couple"))).toList()) {
      on = on.and(col("a." + k).eqNullSafe(col("b." + k)));
    }
    Column both = col("a.clinic").isNotNull().and(col("b.clinic").isNotNull());
    List<Column> out = new ArrayList<>();
    keys.forEach(k -> out.add(coalesce(col("a." + k), col("b." + k)).as(k)));
    earliest.forEach(k -> out.add(least(col("a." + k), col("b." + k)).as(k)));
    out.add(when(both, 2).otherwise(1).as("partners"));
    out.add(both.as("both_answered"));
    for (Subscale s : ctx.catalog().subscales()) {
      Column x = col("a." + s.column());
      Column y = col("b." + s.column());
      Column pair = x.isNotNull().and(y.isNotNull());
      out.add(when(pair, x.plus(y).divide(2)).otherwise(coalesce(x, y)).as(s.column() + "_mean"));
      out.add(when(pair, greatest(x, y).minus(least(x, y))).as(s.column() + "_discrepancy"));
    }
    return a.join(b, on, "full_outer").select(out.toArray(Column[]::new));
  }

  private static Dataset<Row> partner(Dataset<Row> scores, Partner partner, List<String> columns) {
    return scores.filter(col("partner").equalTo(partner.name()))
        .select(columns.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
  }
}
