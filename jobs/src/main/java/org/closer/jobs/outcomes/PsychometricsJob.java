package org.closer.jobs.outcomes;

import static org.closer.core.dataset.DatasetSchemas.Dataset.PSYCHOMETRICS;
import static org.closer.core.dataset.DatasetSchemas.Dataset.RESPONSES;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.closer.core.instrument.Item;
import org.closer.core.instrument.Subscale;
import org.closer.core.stats.Comoments;
import org.closer.core.stats.CronbachAlpha;
import org.closer.jobs.Progress;
import org.closer.jobs.RunContext;
import org.closer.jobs.SparkSchemas;
import scala.Tuple2;

/**
 * {@code responses} to {@code psychometrics}: per subscale, timepoint and group, the item
 * covariance matrix is accumulated in one pass (core's {@link Comoments}, merged across
 * partitions) and turned into alpha and item-rest correlations by core.
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
    JavaPairRDD<String, double[]> vectors = responses.javaRDD().flatMapToPair(row -> {
      List<Tuple2<String, double[]>> out = new ArrayList<>();
      for (int s = 0; s < positions.length; s++) {
        double[] x = new double[positions[s].length];
        boolean complete = true;
        for (int k = 0; k < x.length && complete; k++) {
          complete = !row.isNullAt(positions[s][k]);
          x[k] = complete ? items[s][k].scored(row.getDouble(positions[s][k])) : Double.NaN;
        }
        if (!complete) {
          continue;
        }
        String base = s + SEP + row.getString(timepoint) + SEP;
        out.add(new Tuple2<>(base + "all" + SEP + "all", x));
        for (int f = 0; f < factors.length; f++) {
          out.add(new Tuple2<>(base + FACTORS[f] + SEP + row.get(factors[f]), x));
        }
      }
      return out.iterator();
    });
    Map<String, Comoments> sums = vectors.combineByKey(
        x -> Comoments.create(x.length).accept(x), Comoments::accept, Comoments::combine).collectAsMap();

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

  static Double nullable(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
  }
}
