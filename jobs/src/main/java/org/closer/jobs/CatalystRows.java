package org.closer.jobs;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.classic.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Datasets as Spark's internal rows and back, for the steps that run core's Java on every row. A
 * {@link Row} costs a conversion on the way in and one on the way out, each boxing every answer;
 * for a hundred columns these conversions took longer than the work. Spark marks these methods
 * internal, so they are used here only (checked against the pinned Spark version by the tests).
 */
public final class CatalystRows {
  private CatalystRows() {}

  /**
   * The dataset's rows, computed when asked for (with adaptive execution, the shuffles before them
   * are run now). A row may be reused for the next: copy what is kept.
   */
  public static JavaRDD<InternalRow> of(Dataset<Row> df) {
    return ((org.apache.spark.sql.classic.Dataset<Row>) df).queryExecution().toRdd().toJavaRDD();
  }

  /** Rows of the given type as a dataset; the rows are read once per action on it. */
  public static Dataset<Row> frame(org.apache.spark.sql.SparkSession spark, JavaRDD<InternalRow> rows,
      StructType type) {
    return ((SparkSession) spark).internalCreateDataFrame(rows.rdd(), type, false);
  }
}
