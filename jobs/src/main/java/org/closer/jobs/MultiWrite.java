package org.closer.jobs;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.datasources.OutputWriter;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.execution.datasources.parquet.ParquetFileFormat;
import org.apache.spark.sql.types.StructType;

/**
 * Several Parquet datasets written from one pass over the same partitions. Spark's DataFrame writer
 * writes one dataset per job, so a stage that makes two datasets from the same rows would compute
 * or read those rows twice; here each task hands each row to its dataset's writer, Spark's own
 * Parquet writer with the settings the DataFrame writer uses (compression, footers with the Spark
 * schema). Each task attempt writes into a folder of its own under {@code _temporary}; the driver
 * moves the files of the attempts Spark took as the partitions' results, so a retried or lost task
 * leaves no row twice, and a failed job leaves only staging that {@link Outputs} removes. Spark
 * marks the writer classes internal; the tests check them against the pinned version.
 */
public final class MultiWrite {
  private static final String TEMPORARY = "_temporary";

  private MultiWrite() {}

  /** Where a task's rows go: {@code write(d, row)} writes a row of the d-th dataset at once; the row may be reused. */
  public interface Sinks {
    void write(int dataset, InternalRow row);
  }

  /** What one task writes from its partition's rows. */
  @FunctionalInterface
  public interface Task extends Serializable {
    void run(Iterator<InternalRow> rows, Sinks out);
  }

  /** One dataset's folder, row type and Spark's prepared writer. */
  private record Target(String dir, StructType type, HadoopConf conf, OutputWriterFactory factory)
      implements Serializable {}

  /** A file a task attempt wrote, in its attempt's folder. */
  private record Written(int dataset, String file, String name) implements Serializable {}

  /**
   * Runs {@code task} on every partition of {@code input} and writes the rows it hands to each
   * dataset into the dataset's folder, which must not hold Parquet files yet.
   *
   * @param rowsPerFile a task starts a new file after this many rows of a dataset; 0 for no limit
   */
  public static void write(SparkSession spark, JavaRDD<InternalRow> input, List<String> dirs, List<StructType> types,
      long rowsPerFile, Task task, DataFs fs) {
    String job = UUID.randomUUID().toString();
    List<Target> targets = new ArrayList<>();
    for (int d = 0; d < dirs.size(); d++) {
      targets.add(target(spark, dirs.get(d), types.get(d)));
    }
    List<Written> written = input.mapPartitions(rows -> {
      try (TaskFiles files = new TaskFiles(targets, job, rowsPerFile)) {
        task.run(rows, files);
        return files.written().iterator();
      }
    }).collect();
    boolean[] hasFiles = new boolean[targets.size()];
    for (Written w : written) {
      fs.rename(w.file(), targets.get(w.dataset()).dir() + "/" + w.name());
      hasFiles[w.dataset()] = true;
    }
    for (int d = 0; d < targets.size(); d++) {
      Target t = targets.get(d);
      fs.delete(t.dir() + "/" + TEMPORARY);
      if (!hasFiles[d]) {
        // As Spark's writer does for an empty dataset: one file that holds the schema.
        try (TaskFiles empty = new TaskFiles(targets, job, 0)) {
          empty.open(d, t.dir() + "/" + fileName(0, job, 0, empty.extension(d)));
        }
      }
      fs.write(t.dir() + "/_SUCCESS", new byte[0]);
    }
  }

  private static Target target(SparkSession spark, String dir, StructType type) {
    try {
      Job job = Job.getInstance(spark.sparkContext().hadoopConfiguration());
      OutputWriterFactory factory = new ParquetFileFormat().prepareWrite(spark, job,
          scala.collection.immutable.Map$.MODULE$.empty(), type);
      return new Target(dir, type, HadoopConf.of(job.getConfiguration()), factory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Spark's names: part-PARTITION-JOB-cFILE.EXTENSION. */
  private static String fileName(int partition, String job, int file, String extension) {
    return String.format("part-%05d-%s-c%03d%s", partition, job, file, extension);
  }

  /** One task attempt's open writers, one per dataset at a time, opened at their first row. */
  private static final class TaskFiles implements Sinks, AutoCloseable {
    private final List<Target> targets;
    private final String job;
    private final long rowsPerFile;
    private final TaskAttemptContext[] contexts;
    private final OutputWriter[] writers;
    private final long[] rows;
    private final int[] files;
    private final int partition;
    private final String attempt;
    private final List<Written> written = new ArrayList<>();

    TaskFiles(List<Target> targets, String job, long rowsPerFile) {
      this.targets = targets;
      this.job = job;
      this.rowsPerFile = rowsPerFile;
      this.contexts = new TaskAttemptContext[targets.size()];
      this.writers = new OutputWriter[targets.size()];
      this.rows = new long[targets.size()];
      this.files = new int[targets.size()];
      TaskContext task = TaskContext.get();
      this.partition = task == null ? 0 : task.partitionId();
      this.attempt = task == null ? "driver" : Long.toString(task.taskAttemptId());
      TaskAttemptID id = new TaskAttemptID("closer", task == null ? 0 : task.stageId(), TaskType.MAP, partition,
          task == null ? 0 : task.attemptNumber());
      for (int d = 0; d < contexts.length; d++) {
        contexts[d] = new TaskAttemptContextImpl(targets.get(d).conf().get(), id);
      }
    }

    String extension(int dataset) {
      return targets.get(dataset).factory().getFileExtension(contexts[dataset]);
    }

    @Override
    public void write(int dataset, InternalRow row) {
      if (writers[dataset] != null && rowsPerFile > 0 && rows[dataset] == rowsPerFile) {
        writers[dataset].close();
        writers[dataset] = null;
      }
      if (writers[dataset] == null) {
        String name = fileName(partition, job, files[dataset]++, extension(dataset));
        String file = targets.get(dataset).dir() + "/" + TEMPORARY + "/" + attempt + "/" + name;
        open(dataset, file);
        written.add(new Written(dataset, file, name));
        rows[dataset] = 0;
      }
      writers[dataset].write(row);
      rows[dataset]++;
    }

    void open(int dataset, String file) {
      Target t = targets.get(dataset);
      writers[dataset] = t.factory().newInstance(file, t.type(), contexts[dataset]);
    }

    List<Written> written() {
      return written;
    }

    /** Closes every open writer; the first failure is thrown once all were tried. */
    @Override
    public void close() {
      RuntimeException failed = null;
      for (int d = 0; d < writers.length; d++) {
        if (writers[d] == null) {
          continue;
        }
        try {
          writers[d].close();
        } catch (RuntimeException e) {
          if (failed == null) {
            failed = e;
          } else {
            failed.addSuppressed(e);
          }
        }
        writers[d] = null;
      }
      if (failed != null) {
        throw failed;
      }
    }
  }
}
