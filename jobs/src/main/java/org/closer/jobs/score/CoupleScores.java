package org.closer.jobs.score;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.closer.core.instrument.Subscale;
import org.closer.jobs.CatalystRows;

/**
 * One {@code couple_scores} row per couple survey from its partners' {@code scores} rows, in two
 * walks of the scores ({@link CouplePairs}). The first pairs the partners' rows where they are found
 * in place; the second shuffles only the rows left unpaired, by couple, and makes every survey of
 * theirs a couple row. At 5M rows the join of every partner row it replaces took about 24 s of
 * executor CPU and shuffled 420 MB; the unpaired rows are about 2 MB.
 */
public final class CoupleScores {
  /** Design belongs to the couple; the smaller value is kept should the partners' rows disagree. */
  private static final List<String> DESIGN = List.of("month", "modality", "method", "session_minutes", "therapist");

  private CoupleScores() {}

  /** The couple scores of partner scores in any order: pairs found in place, the rest by a shuffle. */
  public static Dataset<Row> of(Dataset<Row> scores, List<Subscale> subscales) {
    Walks w = new Walks(scores, subscales);
    // Both walks read the scores: reading a few columns twice costs less than keeping the rows.
    JavaRDD<InternalRow> rows = CatalystRows.of(w.surveys);
    Dataset<Row> paired = w.frame(rows, CouplePairs.Yield.PAIRS, w.coupleType);
    Dataset<Row> unpaired = w.frame(rows, CouplePairs.Yield.UNPAIRED, w.surveys.schema());
    JavaRDD<InternalRow> together = CatalystRows.of(unpaired.repartition(col("clinic"), col("couple"))
        .sortWithinPartitions("couple", "clinic"));
    return paired.union(w.frame(together, CouplePairs.Yield.ALL, w.coupleType));
  }

  /**
   * The couple scores of partner scores whose every partition holds whole couples, each couple's
   * rows one after another (as {@code Outputs#readWholeCouples} reads them): one walk, no shuffle,
   * and the result's partitions hold whole couples too.
   */
  public static Dataset<Row> ofWholeCouples(Dataset<Row> scores, List<Subscale> subscales) {
    Walks w = new Walks(scores, subscales);
    return w.frame(CatalystRows.of(w.surveys), CouplePairs.Yield.ALL, w.coupleType);
  }

  /** The columns the walks read, and the types they hand on. */
  private static final class Walks {
    final Dataset<Row> surveys;
    final StructType coupleType;
    final DataType[] design = new DataType[DESIGN.size()];
    final int count;

    Walks(Dataset<Row> scores, List<Subscale> subscales) {
      List<String> columns = new ArrayList<>(CouplePairs.COLUMNS);
      columns.addAll(DESIGN);
      List<String> scoreColumns = subscales.stream().map(Subscale::column).toList();
      columns.addAll(scoreColumns);
      surveys = scores.select(columns.stream().map(c -> col(c)).toArray(Column[]::new));
      StructType partnerType = surveys.schema();
      coupleType = CouplePairs.coupleType(partnerType, scoreColumns);
      for (int d = 0; d < design.length; d++) {
        design[d] = partnerType.fields()[CouplePairs.COLUMNS.size() + d].dataType();
      }
      count = scoreColumns.size();
    }

    Dataset<Row> frame(JavaRDD<InternalRow> rows, CouplePairs.Yield yield, StructType type) {
      DataType[] d = design;
      int n = count;
      return CatalystRows.frame(surveys.sparkSession(), rows.mapPartitions(it -> new CouplePairs(it, yield, d, n)), type);
    }
  }
}
