package org.closer.jobs.outcomes;

import static org.closer.core.dataset.DatasetSchemas.Dataset.PSYCHOMETRICS;
import static org.closer.core.dataset.DatasetSchemas.Dataset.RESPONSES;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.closer.core.instrument.Item;
import org.closer.core.instrument.Subscale;
import org.closer.core.stats.Comoments;
import org.closer.core.stats.CronbachAlpha;
import org.closer.jobs.CatalystRows;
import org.closer.jobs.Progress;
import org.closer.jobs.RunContext;
import org.closer.jobs.SparkSchemas;
import scala.Tuple2;

/**
 * {@code responses} to {@code psychometrics}: per subscale, timepoint and group, the item
 * covariance matrix is accumulated in one pass (core's {@link Comoments}, merged across
 * partitions) and turned into alpha and item-rest correlations by core. Each row goes into the
 * matrix of its design cell only; the driver merges the cells into 'all' and each factor level,
 * a quarter of the per-row work of accumulating every group from the rows.
 */
public final class PsychometricsJob {
  /** The groups every statistic is given for: everyone, then each level of each design factor. */
  static final String[] FACTORS = {"modality", "method", "session_minutes"};
  private static final String SEP = "\u0000";

  private final RunContext ctx;

  public PsychometricsJob(RunContext ctx) {
    this.ctx = ctx;
  }

  /** Sample alpha at intake over all couples, per subscale column: the RCI's fallback reliability. */
  public Map<String, Double> run() {
    Progress.Stage stage = ctx.progress().start("alpha");
    List<Subscale> subscales = ctx.catalog().subscales();
    var responses = ctx.outputs().read(ctx.spark(), RESPONSES);
    String[] names = responses.columns();
    int[][] positions = new int[subscales.size()][];
    Item[][] items = new Item[subscales.size()][];
    for (int s = 0; s < subscales.size(); s++) {
      items[s] = subscales.get(s).items().toArray(Item[]::new);
      positions[s] = new int[items[s].length];
      for (int k = 0; k < items[s].length; k++) {
        positions[s][k] = List.of(names).indexOf(items[s][k].id());
      }
    }
    int timepoint = List.of(names).indexOf("timepoint");
    int[] factors = new int[FACTORS.length];
    for (int f = 0; f < FACTORS.length; f++) {
      factors[f] = List.of(names).indexOf(FACTORS[f]);
    }
    DataType[] factorTypes = new DataType[factors.length];
    for (int f = 0; f < factors.length; f++) {
      factorTypes[f] = responses.schema().fields()[factors[f]].dataType();
    }
    // Spark's internal rows: the items read as doubles where they lie, not boxed into a Row each.
    JavaPairRDD<Cell, Comoments> perCell = CatalystRows.of(responses).mapPartitionsToPair(rows -> {
      Map<Cell, Comoments> partition = new HashMap<>();
      double[][] x = new double[positions.length][];
      for (int s = 0; s < positions.length; s++) {
        x[s] = new double[positions[s].length];
      }
      while (rows.hasNext()) {
        InternalRow row = rows.next();
        List<String> levels = new ArrayList<>(factors.length);
        for (int f = 0; f < factors.length; f++) {
          levels.add(row.isNullAt(factors[f]) ? "null" : String.valueOf(row.get(factors[f], factorTypes[f])));
        }
        for (int s = 0; s < positions.length; s++) {
          boolean complete = true;
          for (int k = 0; k < x[s].length && complete; k++) {
            complete = !row.isNullAt(positions[s][k]);
            x[s][k] = complete ? items[s][k].scored(row.getDouble(positions[s][k])) : Double.NaN;
          }
          if (complete) {
            int dimension = x[s].length;
            Cell cell = new Cell(s, row.getUTF8String(timepoint).toString(), levels);
            partition.computeIfAbsent(cell, c -> Comoments.create(dimension)).accept(x[s]);
          }
        }
      }
      List<Tuple2<Cell, Comoments>> out = new ArrayList<>();
      partition.forEach((cell, m) -> out.add(new Tuple2<>(cell, m)));
      return out.iterator();
    });
    // Each design cell's matrix goes into 'all' and into its level of each factor.
    Map<String, Comoments> sums = new HashMap<>();
    perCell.reduceByKey(Comoments::combine).collectAsMap().forEach((cell, m) -> {
      String base = cell.subscale() + SEP + cell.timepoint() + SEP;
      sums.computeIfAbsent(base + "all" + SEP + "all", k -> Comoments.create(m.dimension())).combine(m);
      for (int f = 0; f < FACTORS.length; f++) {
        sums.computeIfAbsent(base + FACTORS[f] + SEP + cell.levels().get(f), k -> Comoments.create(m.dimension()))
            .combine(m);
      }
    });

    List<Row> rows = new ArrayList<>();
    Map<String, Double> intakeAlpha = new HashMap<>();
    for (var e : new java.util.TreeMap<>(sums).entrySet()) {
      String[] key = e.getKey().split(SEP);
      Subscale subscale = subscales.get(Integer.parseInt(key[0]));
      CronbachAlpha.Result a = CronbachAlpha.of(e.getValue());
      if (key[1].equals("intake") && key[2].equals("all")) {
        intakeAlpha.put(subscale.column(), a.alpha());
      }
      for (int k = 0; k < subscale.items().size(); k++) {
        rows.add(RowFactory.create(subscale.column(), key[1], key[2], key[3], a.n(), nullable(a.alpha()),
            nullable(a.low()), nullable(a.high()), subscale.items().get(k).id(), nullable(a.itemRest()[k])));
      }
    }
    StructType type = SparkSchemas.struct(ctx.schemas().schema(PSYCHOMETRICS));
    ctx.outputs().write(PSYCHOMETRICS, ctx.spark().createDataFrame(rows, type), rows.size());
    stage.done(Progress.count(sums.size()) + " subscale x timepoint x group reliabilities");
    return intakeAlpha;
  }

  /** A subscale's rows at one timepoint in one design cell (the factors' levels as text, "null" when missing). */
  private record Cell(int subscale, String timepoint, List<String> levels) implements Serializable {}

  static Double nullable(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
  }
}
