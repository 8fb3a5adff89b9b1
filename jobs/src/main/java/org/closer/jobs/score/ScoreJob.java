package org.closer.jobs.score;

import static org.closer.core.dataset.DatasetSchemas.Dataset.COUPLE_SCORES;
import static org.closer.core.dataset.DatasetSchemas.Dataset.RESPONSES;
import static org.closer.core.dataset.DatasetSchemas.Dataset.SCORES;

import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.closer.jobs.CatalystRows;
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
    // Scores keep the responses' order and partitions: whole couples in, whole couples out.
    Optional<Dataset<Row>> wholeCouples = ctx.outputs().readWholeCouples(ctx.spark(), RESPONSES);
    Dataset<Row> responses = wholeCouples.orElseGet(() -> ctx.outputs().read(ctx.spark(), RESPONSES));
    int itemCount = ctx.catalog().items().size();

    DataType[] keyTypes = new DataType[ScoreRows.KEYS];
    for (int i = 0; i < keyTypes.length; i++) {
      keyTypes[i] = responses.schema().fields()[ScoreRows.LINEAGE + i].dataType();
    }
    // Alpha's sums are gathered in the same pass; the scores' write is its only job. Unnamed: Spark
    // keeps a named accumulator's value, and each task's, with every task until the stage ends
    // (at 50M survey rows 40 MB of the driver's heap).
    ReliabilitySums reliability = ReliabilitySums.of(responses.schema(), ctx.catalog().subscales());
    ctx.spark().sparkContext().register(reliability);
    Dataset<Row> scores = CatalystRows.frame(ctx.spark(), CatalystRows.of(responses).mapPartitions(rows -> {
      reliability.open();
      ScoreRows out = new ScoreRows(scorer, love, keyTypes, itemCount);
      return new MappedIterator<>(rows, r -> {
        reliability.add(r);
        return out.score(r);
      });
    }), scoresType);
    // One row per response, counted from the responses' footers.
    long scoreCount = ctx.outputs().write(SCORES, scores, ctx.outputs().rows(RESPONSES), wholeCouples.isPresent());
    int reliabilities = Psychometrics.write(ctx, reliability.value());
    // Couple scores from the written partner scores: a few columns read back instead of scoring twice.
    Optional<Dataset<Row>> written = ctx.outputs().readWholeCouples(ctx.spark(), SCORES);
    Dataset<Row> coupleScores = written.isPresent()
        ? CoupleScores.ofWholeCouples(written.get(), ctx.catalog().subscales())
        : CoupleScores.of(ctx.outputs().read(ctx.spark(), SCORES), ctx.catalog().subscales());
    long coupleCount = ctx.outputs().write(COUPLE_SCORES, coupleScores, scoreCount / 2, written.isPresent());
    stage.done(Progress.count(scoreCount) + " partner surveys, " + Progress.count(coupleCount)
        + " couple surveys scored; " + Progress.count(reliabilities) + " subscale x timepoint x group reliabilities");
    return new Counts(scoreCount, coupleCount);
  }
}
