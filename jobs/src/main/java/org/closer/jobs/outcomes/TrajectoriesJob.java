package org.closer.jobs.outcomes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.closer.core.dataset.DatasetSchemas.Dataset.COUPLE_SCORES;
import static org.closer.core.dataset.DatasetSchemas.Dataset.SCORES;
import static org.closer.core.dataset.DatasetSchemas.Dataset.TRAJECTORIES;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.functions;
import org.closer.core.instrument.Subscale;
import org.closer.core.model.Timepoint;
import org.closer.core.stats.Slope;
import org.closer.jobs.CatalystRows;
import org.closer.jobs.Progress;
import org.closer.jobs.RunContext;
import org.closer.jobs.SparkSchemas;
import org.closer.jobs.SparkSessions;

/**
 * Session surveys to {@code trajectories}: per partner and per couple, each session measure's
 * least-squares slope over session number. Each unit's session points are brought to one task, in
 * session order, and {@link UnitSlopes} accumulates their comoments there, so that a slope is the
 * same however Spark splits the data; core's {@link Slope} turns them into slope and SE.
 */
public final class TrajectoriesJob {
  private final RunContext ctx;

  public TrajectoriesJob(RunContext ctx) {
    this.ctx = ctx;
  }

  public long run() {
    Progress.Stage stage = ctx.progress().start("slopes");
    List<String> scores = ctx.catalog().subscalesGivenAt(Timepoint.SESSION).stream().map(Subscale::column).toList();
    SparkSession spark = ctx.spark();
    Optional<Dataset<Row>> partnersWhole = ctx.outputs().readWholeCouples(spark, SCORES);
    Optional<Dataset<Row>> couplesWhole = ctx.outputs().readWholeCouples(spark, COUPLE_SCORES);
    Dataset<Row> partners = points(partnersWhole.orElseGet(() -> ctx.outputs().read(spark, SCORES)), scores, "",
        OutcomesJob.INDIVIDUAL);
    Dataset<Row> couples = points(couplesWhole.orElseGet(() -> ctx.outputs().read(spark, COUPLE_SCORES)), scores,
        "_mean", OutcomesJob.COUPLE);
    boolean wholeCouples = partnersWhole.isPresent() && couplesWhole.isPresent();
    Dataset<Row> slopes = CatalystRows.frame(spark, slopes(partners, couples, scores, wholeCouples),
        SparkSchemas.struct(ctx.schemas().schema(TRAJECTORIES)));
    long count = ctx.outputs().write(TRAJECTORIES, slopes, ctx.outputs().rows(COUPLE_SCORES), wholeCouples);
    stage.done(Progress.count(count) + " partner and couple trajectories");
    return count;
  }

  /**
   * The slopes of every unit's points. With {@code wholeCouples} (every task reads whole couples,
   * each couple's rows one after another) each task sorts its couples' points, and each partition of
   * the result holds whole couples at each level; otherwise a shuffle brings each couple's points to
   * one task, sorted.
   */
  static JavaRDD<InternalRow> slopes(Dataset<Row> partners, Dataset<Row> couples, List<String> scores,
      boolean wholeCouples) {
    UnitSlopes unitSlopes = new UnitSlopes(scores);
    if (wholeCouples) {
      return CatalystRows.of(partners).union(CatalystRows.of(couples)).mapPartitions(unitSlopes.ofWholeCouples());
    }
    SparkSession spark = partners.sparkSession();
    // Couple first: Spark's sort compares a key's first bytes before the whole rows. The values
    // close the order, should a unit ever hold one session twice.
    List<String> order = new ArrayList<>(List.of("couple"));
    UnitSlopes.UNIT.stream().filter(c -> !c.equals("couple")).forEach(order::add);
    order.add("session");
    order.addAll(scores);
    return CatalystRows.of(partners.unionByName(couples)
        .repartition(SparkSessions.shufflePartitions(spark), col("clinic"), col("couple"))
        .sortWithinPartitions(order.stream().map(functions::col).toArray(Column[]::new)))
        .mapPartitions(unitSlopes);
  }

  /** (the {@link UnitSlopes#UNIT} columns, session, one value per score) for every session survey. */
  static Dataset<Row> points(Dataset<Row> df, List<String> scores, String suffix, String level) {
    List<Column> columns = new ArrayList<>();
    for (String c : UnitSlopes.UNIT) {
      columns.add(switch (c) {
        case "level" -> lit(level).as(c);
        case "partner" -> level.equals(OutcomesJob.INDIVIDUAL) ? col(c) : lit(null).cast("string").as(c);
        default -> col(c);
      });
    }
    columns.add(col("session").cast("double").as("session"));
    scores.forEach(s -> columns.add(col(s + suffix).as(s)));
    return df.filter(col("timepoint").equalTo("session")).select(columns.toArray(Column[]::new));
  }
}
