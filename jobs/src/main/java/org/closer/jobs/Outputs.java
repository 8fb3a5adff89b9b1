package org.closer.jobs;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.closer.core.dataset.DatasetSchemas;

/** Where a run's datasets live, and the one way they are written: checked against their Avro schema. */
public final class Outputs {
  /** Rows per Parquet file: few files for a small study, no single huge file for a large one. */
  static final long ROWS_PER_FILE = 1_000_000;

  private final String root;
  private final DatasetSchemas schemas;

  public Outputs(String root, DatasetSchemas schemas) {
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    this.schemas = schemas;
  }

  public String root() {
    return root;
  }

  public String path(DatasetSchemas.Dataset dataset) {
    return root + "/" + dataset.dir();
  }

  public String path(String relative) {
    return root + "/" + relative;
  }

  /**
   * @param rows the dataset's row count, known to the caller, for the number of files
   */
  public void write(DatasetSchemas.Dataset dataset, Dataset<Row> df, long rows) {
    Dataset<Row> conformed = SparkSchemas.conform(df, schemas.schema(dataset));
    int files = (int) Math.max(1, Math.min(conformed.rdd().getNumPartitions(), (rows + ROWS_PER_FILE - 1) / ROWS_PER_FILE));
    conformed.coalesce(files).write().mode(SaveMode.Overwrite).parquet(path(dataset));
  }

  public Dataset<Row> read(org.apache.spark.sql.SparkSession spark, DatasetSchemas.Dataset dataset) {
    return SparkSchemas.conform(spark.read().parquet(path(dataset)), schemas.schema(dataset));
  }
}
