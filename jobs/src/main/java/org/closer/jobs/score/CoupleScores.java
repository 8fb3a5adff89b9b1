package org.closer.jobs.score;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
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

  public static Dataset<Row> of(Dataset<Row> scores, List<Subscale> subscales) {
    List<String> columns = new ArrayList<>(CouplePairs.COLUMNS);
    columns.addAll(DESIGN);
    List<String> scoreColumns = subscales.stream().map(Subscale::column).toList();
    columns.addAll(scoreColumns);
    Dataset<Row> surveys = scores.select(columns.stream().map(c -> col(c)).toArray(Column[]::new));
    StructType partnerType = surveys.schema();
    StructType coupleType = CouplePairs.coupleType(partnerType, scoreColumns);
    DataType[] design = new DataType[DESIGN.size()];
    for (int d = 0; d < design.length; d++) {
      design[d] = partnerType.fields()[CouplePairs.COLUMNS.size() + d].dataType();
    }
    int count = scoreColumns.size();
    SparkSession spark = surveys.sparkSession();
    // Both walks read the scores: reading a few columns twice costs less than keeping the rows.
    JavaRDD<InternalRow> rows = CatalystRows.of(surveys);
    Dataset<Row> paired = CatalystRows.frame(spark,
        rows.mapPartitions(it -> new CouplePairs(it, CouplePairs.Yield.PAIRS, design, count)), coupleType);
    Dataset<Row> unpaired = CatalystRows.frame(spark,
        rows.mapPartitions(it -> new CouplePairs(it, CouplePairs.Yield.UNPAIRED, design, count)), partnerType);
    JavaRDD<InternalRow> together = CatalystRows.of(unpaired.repartition(col("clinic"), col("couple"))
        .sortWithinPartitions("couple", "clinic"));
    Dataset<Row> rest = CatalystRows.frame(spark,
        together.mapPartitions(it -> new CouplePairs(it, CouplePairs.Yield.ALL, design, count)), coupleType);
    return paired.union(rest);
  }
}
