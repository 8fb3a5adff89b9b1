package org.closer.jobs.compare;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.closer.core.dataset.DatasetSchemas.Dataset.COMPARISONS;
import static org.closer.core.dataset.DatasetSchemas.Dataset.OUTCOMES;
import static org.closer.core.dataset.DatasetSchemas.Dataset.TRAJECTORIES;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;
import org.closer.core.report.CellPolicy;
import org.closer.core.report.CsvTables;
import org.closer.core.stats.ClusteredGroup;
import org.closer.core.stats.ComparisonResult;
import org.closer.core.stats.GroupSummary;
import org.closer.core.stats.PAdjust;
import org.closer.core.study.StudyConfig;
import org.closer.jobs.CatalystRows;
import org.closer.jobs.PartitionTree;
import org.closer.jobs.Progress;
import org.closer.jobs.RunContext;
import org.closer.jobs.SparkSchemas;
import org.closer.jobs.SparkSessions;
import org.closer.jobs.outcomes.OutcomesJob;

/**
 * {@code outcomes} and {@code trajectories} to {@code comparisons}. The sufficient statistics for all
 * comparisons come from two passes over the observations: one where each task sums its rows per
 * design cell, outcome and unit level, and each couple for the clustering (couples not written
 * whole in files are first brought together by a shuffle), the tasks' sums combined on the driver;
 * and a histogram of the values per outcome and level, sorted and walked once. Each comparison reads
 * its two groups, and core turns them into estimates. Nothing row-level reaches the driver.
 */
public final class ComparisonsJob {
  public static final String CSV = "report/tables/comparisons.csv";
  private static final String SEP = "\u0000";
  /** The design factors comparisons are made on: the observations' columns of the same names. */
  private static final List<String> FACTORS = StudyConfig.FACTORS;

  private final RunContext ctx;

  public ComparisonsJob(RunContext ctx) {
    this.ctx = ctx;
  }

  public List<ComparisonResult> run() {
    Progress.Stage stage = ctx.progress().start("compare");
    // Not cached: at 5M survey rows, building Spark's in-memory copy cost more than the three
    // aggregations saved by reading it (their jobs took 41 s with the cache, 35 s reading Parquet).
    Observations observations = observations();
    ObservationSums sums = sums(observations);
    Map<String, GroupSummary> groups = sums.groups();
    List<ComparisonPlan> plans = ComparisonPlan.of(ctx.study(), levels(groups.keySet()));
    List<String> cells = cells(plans);
    Map<String, ClusteredGroup> clusters = sums.clusters();
    Map<String, double[]> ranks = ranks(observations.all(), plans, cells);

    Map<String, List<ComparisonResult>> byFamily = new LinkedHashMap<>();
    for (ComparisonPlan plan : plans) {
      for (String outcomeLevel : outcomeLevels(groups, plan)) {
        String[] ol = outcomeLevel.split(SEP);
        GroupSummary a = groups.get(plan.factor() + SEP + plan.groupA() + SEP + outcomeLevel);
        GroupSummary b = groups.get(plan.factor() + SEP + plan.groupB() + SEP + outcomeLevel);
        if (a == null || b == null) {
          continue;
        }
        double[] rank = ranks.get(plan.name() + SEP + outcomeLevel);
        boolean individual = ol[1].equals(OutcomesJob.INDIVIDUAL);
        ComparisonResult.Inputs in = new ComparisonResult.Inputs(a, b, rank[0], rank[1],
            individual ? clusters.get(plan.factor() + SEP + plan.groupA() + SEP + ol[0]) : null,
            individual ? clusters.get(plan.factor() + SEP + plan.groupB() + SEP + ol[0]) : null);
        byFamily.computeIfAbsent(plan.name() + SEP + ol[1], k -> new ArrayList<>()).add(ComparisonResult.compute(
            plan.name(), plan.factor(), ol[0], ol[1], plan.groupA(), plan.groupB(), in, ctx.study().equivalenceMargin()));
      }
    }
    List<ComparisonResult> results = adjusted(byFamily);
    write(results);
    stage.done(results.size() + " comparisons (" + plans.size() + " group pairs x outcomes x levels)");
    return results;
  }

  /**
   * One row per unit and outcome: change scores from outcomes, slopes from trajectories. With
   * {@code wholeCouples}, every task of both reads holds whole couples, each couple's rows of a level
   * one after another.
   */
  record Observations(Dataset<Row> changes, Dataset<Row> slopes, boolean wholeCouples) {
    Dataset<Row> all() {
      return changes.unionByName(slopes);
    }
  }

  private Observations observations() {
    Optional<Dataset<Row>> outcomesWhole = ctx.outputs().readWholeCouples(ctx.spark(), OUTCOMES);
    Optional<Dataset<Row>> trajectoriesWhole = ctx.outputs().readWholeCouples(ctx.spark(), TRAJECTORIES);
    return observations(outcomesWhole.orElseGet(() -> ctx.outputs().read(ctx.spark(), OUTCOMES)),
        trajectoriesWhole.orElseGet(() -> ctx.outputs().read(ctx.spark(), TRAJECTORIES)),
        outcomesWhole.isPresent() && trajectoriesWhole.isPresent());
  }

  private static Observations observations(Dataset<Row> outcomes, Dataset<Row> trajectories, boolean wholeCouples) {
    Dataset<Row> changes = outcomes.filter(col("change").isNotNull())
        .select(col("level"), col("clinic"), col("couple"), col("modality"), col("method"),
            col("session_minutes").cast("string").as("session_minutes"),
            concat(col("score"), lit("_change")).as("outcome"), col("change").as("value"), col("intake"),
            col("closing"),
            when(col("category").isNull(), lit(null).cast("boolean"))
                .otherwise(col("category").isin("recovered", "improved")).as("success"));
    Dataset<Row> slopes = trajectories.filter(col("slope").isNotNull())
        .select(col("level"), col("clinic"), col("couple"), col("modality"), col("method"),
            col("session_minutes").cast("string").as("session_minutes"),
            concat(col("score"), lit("_slope")).as("outcome"), col("slope").as("value"),
            lit(null).cast("double").as("intake"), lit(null).cast("double").as("closing"),
            lit(null).cast("boolean").as("success"));
    return new Observations(changes, slopes, wholeCouples);
  }

  /** "factor SEP level" of each group some comparison has on one side: the design cells compared. */
  private static List<String> cells(List<ComparisonPlan> plans) {
    List<String> cells = new ArrayList<>();
    for (ComparisonPlan p : plans) {
      for (String cell : List.of(p.factor() + SEP + p.groupA(), p.factor() + SEP + p.groupB())) {
        if (!cells.contains(cell)) {
          cells.add(cell);
        }
      }
    }
    return cells;
  }

  /** The levels each factor has in the data, from the group keys "factor SEP level SEP ...". */
  private static Map<String, List<String>> levels(Set<String> groupKeys) {
    Map<String, List<String>> levels = new HashMap<>();
    for (String key : groupKeys) {
      String[] k = key.split(SEP);
      List<String> present = levels.computeIfAbsent(k[0], f -> new ArrayList<>());
      if (!present.contains(k[1])) {
        present.add(k[1]);
      }
    }
    return levels;
  }

  /**
   * Per factor, level, outcome and unit level (the group a comparison's side is): n, mean and
   * variance of the outcome; n, means, variances and covariance of (intake, closing) where both
   * exist; recovered-or-improved counts; and the couples' clusters at individual level. Each task
   * sums its rows per design cell, merges the cells into their factor levels and walks its couples
   * ({@link ObservationSums}); the driver combines the tasks' sums over a fixed tree of partitions
   * ({@link PartitionTree}). Stacking the rows once per factor before a Spark aggregation made Spark
   * read three times the rows (at 5M survey rows, 11 s of CPU); at 5M, Spark's aggregation per
   * design cell and the couples' walk took 7.0 s and 3.1 s, this pass 8.0 s.
   */
  private static ObservationSums sums(Observations observations) {
    JavaRDD<InternalRow> rows = observations.wholeCouples()
        ? sumsInput(observations.changes()).union(sumsInput(observations.slopes()))
        : sumsInput(byCouple(observations.all()));
    return PartitionTree.combine(rows.mapPartitions(it -> List.of(ObservationSums.of(it, FACTORS, SEP)).iterator()),
        ObservationSums::combine).orElseGet(() -> new ObservationSums(new HashMap<>(), new HashMap<>()));
  }

  /**
   * Observations whose couples are not known to lie whole in tasks (an older output, or files cut
   * between tasks), brought together by couple and sorted on every column the sums read. Each task
   * then holds the same rows in the same order however the files lie, so the sums are the same to
   * the last bit; Spark's aggregates add their partial results in the order tasks end.
   */
  private static Dataset<Row> byCouple(Dataset<Row> observations) {
    List<Column> order = new ArrayList<>();
    ObservationSums.COLUMNS.forEach(c -> order.add(col(c)));
    FACTORS.forEach(f -> order.add(col(f)));
    return observations.repartition(SparkSessions.shufflePartitions(observations.sparkSession()),
        col("clinic"), col("couple")).sortWithinPartitions(order.toArray(Column[]::new));
  }

  /** The rows as {@link ObservationSums} reads them, in the order read. */
  private static JavaRDD<InternalRow> sumsInput(Dataset<Row> observations) {
    List<Column> columns = new ArrayList<>();
    ObservationSums.COLUMNS.forEach(c -> columns.add(col(c)));
    FACTORS.forEach(f -> columns.add(col(f)));
    return CatalystRows.of(observations.select(columns.toArray(Column[]::new)));
  }

  /**
   * Group a's mid-rank sum and the tie term per comparison, outcome and level. One histogram of the
   * values per outcome and level, with a count per factor level a comparison uses; each (outcome,
   * level) sorted within one partition and walked once by {@link RankSums}. Every comparison is read
   * off the same walk, instead of sorting a copy of the observations for each one. The counts are
   * taken from the design columns as they are: stacking the observations once per factor first
   * tripled the rows the histogram was built from.
   */
  private static Map<String, double[]> ranks(Dataset<Row> observations, List<ComparisonPlan> plans,
      List<String> cells) {
    if (plans.isEmpty()) {
      return Map.of();
    }
    List<Column> counts = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      String[] fl = cells.get(i).split(SEP);
      counts.add(sum(when(col(fl[0]).equalTo(fl[1]), 1L).otherwise(0L)).as("c" + i));
    }
    Dataset<Row> histogram = observations.groupBy("outcome", "level", "value")
        .agg(counts.get(0), counts.subList(1, counts.size()).toArray(Column[]::new));
    Dataset<Row> sums = histogram
        .repartition(SparkSessions.shufflePartitions(histogram.sparkSession()), col("outcome"), col("level"))
        .sortWithinPartitions(col("outcome"), col("level"), col("value"))
        .mapPartitions(new RankSums(plans, cells, SEP), Encoders.row(RankSums.SCHEMA));
    Map<String, double[]> out = new HashMap<>();
    for (Row r : sums.collectAsList()) {
      out.put(plans.get(r.getInt(2)).name() + SEP + r.getString(0) + SEP + r.getString(1),
          new double[] {r.getDouble(3), r.getDouble(4)});
    }
    return out;
  }

  /**
   * "outcome SEP level" of every group of either side of a comparison, among the outcomes it asks
   * for, sorted by level and outcome.
   */
  private static List<String> outcomeLevels(Map<String, GroupSummary> groups, ComparisonPlan plan) {
    List<String> sides = List.of(plan.factor() + SEP + plan.groupA() + SEP, plan.factor() + SEP + plan.groupB() + SEP);
    return groups.keySet().stream()
        .flatMap(k -> sides.stream().filter(k::startsWith).map(side -> k.substring(side.length())))
        .filter(ol -> plan.outcomes().isEmpty() || plan.outcomes().contains(ol.split(SEP)[0]))
        .distinct()
        .sorted(Comparator.comparing((String k) -> k.split(SEP)[1]).thenComparing(k -> k.split(SEP)[0]))
        .toList();
  }

  /** Holm and BH across the outcomes of one comparison at one level. */
  private static List<ComparisonResult> adjusted(Map<String, List<ComparisonResult>> byFamily) {
    List<ComparisonResult> out = new ArrayList<>();
    for (List<ComparisonResult> family : byFamily.values()) {
      double[] p = family.stream().mapToDouble(ComparisonResult::welchP).toArray();
      double[] holm = PAdjust.holm(p);
      double[] bh = PAdjust.benjaminiHochberg(p);
      for (int i = 0; i < family.size(); i++) {
        out.add(family.get(i).withAdjusted(holm[i], bh[i]));
      }
    }
    return out;
  }

  private void write(List<ComparisonResult> results) {
    List<Row> rows = new ArrayList<>();
    for (ComparisonResult c : results) {
      rows.add(RowFactory.create(ComparisonRows.values(c)));
    }
    StructType type = SparkSchemas.struct(ctx.schemas().schema(COMPARISONS));
    ctx.outputs().write(COMPARISONS, ctx.spark().createDataFrame(rows, type), rows.size());
  }
}
