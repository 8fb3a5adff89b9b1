package org.closer.jobs.outcomes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.covar_samp;
import static org.apache.spark.sql.functions.var_samp;
import static org.closer.core.dataset.DatasetSchemas.Dataset.COUPLE_SCORES;
import static org.closer.core.dataset.DatasetSchemas.Dataset.SCORES;
import static org.closer.core.dataset.DatasetSchemas.Dataset.TRAJECTORIES;

import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.closer.core.instrument.Subscale;
import org.closer.core.model.Timepoint;
import org.closer.core.stats.Slope;
import org.closer.jobs.Progress;
import org.closer.jobs.RunContext;
import org.closer.jobs.SparkSchemas;

/**
 * Session surveys to {@code trajectories}: per partner and per couple, each session measure's
 * least-squares slope over session number. Spark aggregates n, the variances and the covariance
 * per unit (merged across partitions); core's {@link Slope} turns them into slope and SE.
 */
public final class TrajectoriesJob {
  private final RunContext ctx;

  public TrajectoriesJob(RunContext ctx) {
    this.ctx = ctx;
  }

  public long run() {
    Progress.Stage stage = ctx.progress().start("slopes");
    List<Subscale> scores = ctx.catalog().subscalesGivenAt(Timepoint.SESSION);
    Dataset<Row> partners = points(ctx.outputs().read(ctx.spark(), SCORES), scores, "", OutcomesJob.INDIVIDUAL);
    Dataset<Row> couples = points(ctx.outputs().read(ctx.spark(), COUPLE_SCORES), scores, "_mean", OutcomesJob.COUPLE);
    Dataset<Row> sums = partners.unionByName(couples)
        .groupBy("level", "clinic", "couple", "partner", "modality", "method", "session_minutes", "therapist", "score")
        .agg(count(col("value")).as("n"), var_samp("session").as("var_x"), var_samp("value").as("var_y"),
            covar_samp("session", "value").as("cov"));
    Dataset<Row> slopes = sums.map((MapFunction<Row, Row>) r -> {
      long n = r.getAs("n");
      Slope s = Slope.of(n, value(r, "var_x"), value(r, "var_y"), value(r, "cov"));
      return RowFactory.create(r.getAs("level"), r.getAs("clinic"), r.getAs("couple"), r.getAs("partner"),
          r.getAs("modality"), r.getAs("method"), r.getAs("session_minutes"), r.getAs("therapist"), r.getAs("score"),
          (int) n, PsychometricsJob.nullable(s.slope()), PsychometricsJob.nullable(s.se()));
    }, Encoders.row(SparkSchemas.struct(ctx.schemas().schema(TRAJECTORIES))));
    long count = ctx.outputs().write(TRAJECTORIES, slopes, ctx.outputs().rows(COUPLE_SCORES));
    stage.done(Progress.count(count) + " partner and couple trajectories");
    return count;
  }

  private static double value(Row r, String column) {
    Object v = r.getAs(column);
    return v == null ? Double.NaN : (Double) v;
  }

  /** (unit, score, session, value) for every scored session survey. */
  private static Dataset<Row> points(Dataset<Row> df, List<Subscale> scores, String suffix, String level) {
    StringBuilder stack = new StringBuilder("stack(").append(scores.size());
    for (Subscale s : scores) {
      stack.append(", '").append(s.column()).append("', ").append(s.column()).append(suffix);
    }
    stack.append(") as (score, value)");
    return df.filter(col("timepoint").equalTo("session"))
        .selectExpr("'" + level + "' as level", "clinic", "couple",
            level.equals(OutcomesJob.INDIVIDUAL) ? "partner" : "cast(null as string) as partner", "modality", "method",
            "session_minutes", "therapist", "cast(session as double) as session", stack.toString())
        .filter(col("value").isNotNull());
  }
}
