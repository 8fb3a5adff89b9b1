package org.closer.jobs.score;

import static org.apache.spark.sql.functions.col;
import static org.closer.core.dataset.DatasetSchemas.Dataset.PSYCHOMETRICS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.closer.core.instrument.Subscale;
import org.closer.core.model.Timepoint;
import org.closer.core.stats.CronbachAlpha;
import org.closer.core.stats.ItemTotal;
import org.closer.jobs.RunContext;
import org.closer.jobs.SparkSchemas;

/**
 * The {@code psychometrics} dataset: per subscale, timepoint and group (everyone, then each level
 * of each design factor), Cronbach's alpha with its interval and each item's item-rest
 * correlation, from the {@link ReliabilitySums} of the design cells. The driver merges the cells
 * into the groups, so each row was added to one cell only.
 */
public final class Psychometrics {
  private static final String SEP = "\u0000";
  private static final String ALL = "all";

  private Psychometrics() {}

  /** Writes the dataset and returns how many subscale x timepoint x group reliabilities it holds. */
  static int write(RunContext ctx, Map<ReliabilitySums.Cell, ItemTotal> cells) {
    Map<String, ItemTotal> groups = new TreeMap<>();
    cells.forEach((cell, m) -> {
      String base = cell.subscale() + SEP + cell.timepoint() + SEP;
      groups.computeIfAbsent(base + ALL + SEP + ALL, k -> ItemTotal.create(m.dimension())).combine(m);
      for (int f = 0; f < ReliabilitySums.FACTORS.size(); f++) {
        groups.computeIfAbsent(base + ReliabilitySums.FACTORS.get(f) + SEP + cell.levels().get(f),
            k -> ItemTotal.create(m.dimension())).combine(m);
      }
    });
    List<Subscale> subscales = ctx.catalog().subscales();
    List<Row> rows = new ArrayList<>();
    groups.forEach((group, sums) -> {
      String[] key = group.split(SEP);
      Subscale subscale = subscales.get(Integer.parseInt(key[0]));
      CronbachAlpha.Result a = CronbachAlpha.of(sums);
      for (int k = 0; k < subscale.items().size(); k++) {
        rows.add(RowFactory.create(subscale.column(), key[1], key[2], key[3], a.n(), nullable(a.alpha()),
            nullable(a.low()), nullable(a.high()), subscale.items().get(k).id(), nullable(a.itemRest()[k])));
      }
    });
    StructType type = SparkSchemas.struct(ctx.schemas().schema(PSYCHOMETRICS));
    ctx.outputs().write(PSYCHOMETRICS, ctx.spark().createDataFrame(rows, type), rows.size());
    return groups.size();
  }

  /**
   * Sample alpha at intake over all couples, per subscale column, from the written dataset: the
   * reliable change index's fallback reliability. A subscale without one is left out.
   */
  public static Map<String, Double> intakeAlpha(RunContext ctx) {
    Map<String, Double> out = new HashMap<>();
    for (Row r : ctx.outputs().read(ctx.spark(), PSYCHOMETRICS)
        .filter(col("timepoint").equalTo(Timepoint.INTAKE.code()).and(col("factor").equalTo(ALL))
            .and(col("alpha").isNotNull()))
        .select("score", "alpha").distinct().collectAsList()) {
      out.put(r.getString(0), r.getDouble(1));
    }
    return out;
  }

  /** A statistic as a nullable column value: null for NaN and infinities. */
  public static Double nullable(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
  }
}
