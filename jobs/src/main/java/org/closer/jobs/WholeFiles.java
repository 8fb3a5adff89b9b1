package org.closer.jobs;

import java.util.List;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.FileSourceScanExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.datasources.FilePartition;
import org.apache.spark.sql.execution.datasources.FileScanRDD;
import org.apache.spark.sql.execution.datasources.PartitionedFile;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Whether every task of a plain read of files reads whole files. Spark cuts a file larger than its
 * split size into several tasks and packs small files into one; Closer's sessions ask for one whole
 * file per task ({@link SparkSessions}), but a cluster's configuration may say otherwise, so the
 * read's own plan is asked. Spark marks these classes internal; the tests check them against the
 * pinned version.
 */
public final class WholeFiles {
  private WholeFiles() {}

  public static boolean perTask(Dataset<Row> df) {
    SparkPlan plan = ((org.apache.spark.sql.classic.Dataset<Row>) df).queryExecution().executedPlan();
    List<SparkPlan> leaves = CollectionConverters.asJava(plan.collectLeaves());
    if (leaves.size() != 1 || !(leaves.get(0) instanceof FileSourceScanExec scan)) {
      return false;
    }
    RDD<?> rdd = scan.inputRDD();
    if (!(rdd instanceof FileScanRDD files)) {
      return false;
    }
    for (FilePartition task : CollectionConverters.asJava(files.filePartitions())) {
      for (PartitionedFile file : task.files()) {
        if (file.start() != 0 || file.length() != file.fileSize()) {
          return false;
        }
      }
    }
    return true;
  }
}
