package org.closer.jobs.score;

import static org.closer.core.dataset.DatasetSchemas.Dataset.COUPLE_SCORES;
import static org.closer.core.dataset.DatasetSchemas.Dataset.RESPONSES;
import static org.closer.core.dataset.DatasetSchemas.Dataset.SCORES;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
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

  /** One partition's responses scored, each row's answers added to alpha's sums on the way. */
  private record PartnerScores(Scorer scorer, LoveClassifier love, DataType[] keyTypes, int items,
      ReliabilitySums reliability) implements Serializable {
    Iterator<InternalRow> of(Iterator<InternalRow> responses) {
      reliability.open();
      ScoreRows out = new ScoreRows(scorer, love, keyTypes, items);
      return new MappedIterator<>(responses, r -> {
        reliability.add(r);
        return out.score(r);
      });
    }
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
    // Alpha's sums are gathered in the same pass as the scores. Unnamed: Spark keeps a named
    // accumulator's value, and each task's, with every task until the stage ends (at 50M survey rows
    // 40 MB of the driver's heap).
    ReliabilitySums reliability = ReliabilitySums.of(responses.schema(), ctx.catalog().subscales());
    ctx.spark().sparkContext().register(reliability);
    PartnerScores partnerScores = new PartnerScores(scorer, love, keyTypes, itemCount, reliability);
    long scoreCount;
    long coupleCount;
    if (wholeCouples.isPresent()) {
      // Whole couples in order: each task pairs the partners' scores as it makes them, and writes
      // both datasets in that one pass.
      CoupleScores.Layout couples = CoupleScores.Layout.of(scoresType, ctx.catalog().subscales());
      long[] counts = ctx.outputs().writeTogether(ctx.spark(), CatalystRows.of(responses),
          List.of(ctx.outputs().to(SCORES, scoresType), ctx.outputs().to(COUPLE_SCORES, couples.coupleType())), true,
          (rows, out) -> {
            Iterator<InternalRow> scored = new MappedIterator<>(partnerScores.of(rows), s -> {
              out.write(0, s);
              return s;
            });
            couples.walk(scored, CouplePairs.Yield.ALL).forEachRemaining(c -> out.write(1, c));
          });
      scoreCount = counts[0];
      coupleCount = counts[1];
    } else {
      Dataset<Row> scores = CatalystRows.frame(ctx.spark(),
          CatalystRows.of(responses).mapPartitions(partnerScores::of), scoresType);
      // One row per response, counted from the responses' footers.
      scoreCount = ctx.outputs().write(SCORES, scores, ctx.outputs().rows(RESPONSES));
      // Couple scores from the written partner scores: a few columns read back instead of scoring twice.
      coupleCount = ctx.outputs().write(COUPLE_SCORES,
          CoupleScores.of(ctx.outputs().read(ctx.spark(), SCORES), ctx.catalog().subscales()), scoreCount / 2);
    }
    int reliabilities = Psychometrics.write(ctx, reliability.value());
    stage.done(Progress.count(scoreCount) + " partner surveys, " + Progress.count(coupleCount)
        + " couple surveys scored; " + Progress.count(reliabilities) + " subscale x timepoint x group reliabilities");
    return new Counts(scoreCount, coupleCount);
  }
}
