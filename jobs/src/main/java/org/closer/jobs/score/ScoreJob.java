package org.closer.jobs.score;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;
import static org.closer.core.dataset.DatasetSchemas.Dataset.COUPLE_SCORES;
import static org.closer.core.dataset.DatasetSchemas.Dataset.RESPONSES;
import static org.closer.core.dataset.DatasetSchemas.Dataset.SCORES;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.closer.jobs.CatalystRows;
import org.closer.core.instrument.Subscale;
import org.closer.core.score.LoveClassifier;
import org.closer.core.score.Scorer;
import org.closer.jobs.MappedIterator;
import org.closer.jobs.Progress;
import org.closer.jobs.RunContext;
import org.closer.jobs.SparkSchemas;

/** {@code responses} to {@code scores} (per partner) and {@code couple_scores} (per couple). */
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
    Dataset<Row> scores = CatalystRows.frame(ctx.spark(), CatalystRows.of(responses).mapPartitions(rows -> {
      ScoreRows out = new ScoreRows(scorer, love, keyTypes, itemCount);
      return new MappedIterator<>(rows, out::score);
    }), scoresType);
    // One row per response, counted from the responses' footers.
    long scoreCount = ctx.outputs().write(SCORES, scores, ctx.outputs().rows(RESPONSES));
    // Couple scores from the written partner scores: a few columns read back instead of scoring twice.
    long coupleCount = ctx.outputs().write(COUPLE_SCORES, coupleScores(ctx.outputs().read(ctx.spark(), SCORES)),
        scoreCount / 2);
    stage.done(Progress.count(scoreCount) + " partner surveys, " + Progress.count(coupleCount) + " couple surveys scored");
    return new Counts(scoreCount, coupleCount);
  }

  private Dataset<Row> coupleScores(Dataset<Row> scores) {
    List<Column> aggs = new ArrayList<>();
    aggs.add(min("month").as("month"));
    // Design belongs to the couple; min() picks one value deterministically should rows disagree.
    aggs.add(min("modality").as("modality"));
    aggs.add(min("method").as("method"));
    aggs.add(min("session_minutes").as("session_minutes"));
    aggs.add(min("therapist").as("therapist"));
    aggs.add(count(lit(1)).cast("int").as("partners"));
    for (Subscale s : ctx.catalog().subscales()) {
      Column c = col(s.column());
      aggs.add(avg(c).as(s.column() + "_mean"));
      aggs.add(when(count(c).equalTo(2), max(c).minus(min(c))).as(s.column() + "_discrepancy"));
    }
    return scores.groupBy("clinic", "couple", "timepoint", "session")
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
        .withColumn("both_answered", col("partners").equalTo(2));
  }
}
