package org.closer.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;
import org.closer.core.Messages;
import org.closer.core.UserException;
import org.closer.core.dataset.DatasetSchemas;

/**
 * Where a run's datasets live, and the one way they are written: checked against their Avro schema,
 * into a staging folder, and committed by rename when the command has finished. A reader sees the
 * previous outputs or the new ones; a run killed before its commit leaves the previous outputs
 * untouched (its staging folder is removed by the next command on the same folder), and one killed
 * during the commit is completed by the next command from the commit journal.
 */
public final class Outputs {
  /** Rows per Parquet file: few files for a small study, no single huge file for a large one. */
  static final long ROWS_PER_FILE = 1_000_000;
  /** Below this many rows per core, one task does the work faster than several. */
  static final long ROWS_PER_TASK = 200_000;
  private static final String STAGING = ".staging-";
  private static final String JOURNAL = ".commit";
  /**
   * In a dataset's folder, says that every file holds whole couples, each couple's rows one after
   * another; in a dataset with a level column, each couple's rows of one level (a couple's partner
   * and couple rows may lie in different files). Spark's readers skip names that start with an
   * underscore.
   */
  static final String WHOLE_COUPLES = "_whole_couples";
  /** Written last, so that its presence says the outputs beside it are complete. */
  public static final String MANIFEST = "manifest.json";

  private final String root;
  private final DatasetSchemas schemas;
  private final DataFs fs;
  private final String staging;

  public Outputs(String root, DatasetSchemas schemas, DataFs fs) {
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    this.schemas = schemas;
    this.fs = fs;
    this.staging = this.root + "/" + STAGING + UUID.randomUUID();
  }

  public String root() {
    return root;
  }

  /** Where this command writes a dataset (staged until {@link #commit()}). */
  public String path(DatasetSchemas.Dataset dataset) {
    return path(dataset.dir());
  }

  /** Where this command writes a file or folder under the outputs (staged until {@link #commit()}). */
  public String path(String relative) {
    return staging + "/" + relative;
  }

  /** Where to read: what this command has written, else the committed outputs. */
  public String current(String relative) {
    String staged = path(relative);
    return fs.exists(staged) ? staged : root + "/" + relative;
  }

  /**
   * Writes a dataset and returns its row count, read from the written files' footers.
   *
   * @param expectedRows about how many rows the dataset will have (an input's count), for the number of files
   */
  public long write(DatasetSchemas.Dataset dataset, Dataset<Row> df, long expectedRows) {
    return write(dataset, df, expectedRows, false);
  }

  /**
   * Writes a dataset, as {@link #write(DatasetSchemas.Dataset, Dataset, long)}; with
   * {@code wholeCouples}, the caller's word that every partition of {@code df} holds whole couples,
   * each couple's rows (of one level, in a dataset with levels) one after another, the dataset is
   * marked so. A later stage that reads it one whole file per task ({@link #readWholeCouples}) then
   * finds every couple in one task and needs no shuffle to bring its rows together. Its files are
   * not cut at {@link #ROWS_PER_FILE}, which could cut a couple; coalescing keeps partitions whole.
   */
  public long write(DatasetSchemas.Dataset dataset, Dataset<Row> df, long expectedRows, boolean wholeCouples) {
    Dataset<Row> conformed = SparkSchemas.conform(df, schemas.schema(dataset));
    // Coalescing never adds partitions, so a dataset with fewer keeps its own. Their number is not
    // asked for: with adaptive execution that runs every shuffle before it, and the write again.
    int files = files(expectedRows, conformed.sparkSession().sparkContext().defaultParallelism());
    conformed.coalesce(files).write().mode(SaveMode.Overwrite)
        .option("maxRecordsPerFile", wholeCouples ? 0 : ROWS_PER_FILE).parquet(path(dataset));
    if (wholeCouples) {
      markWholeCouples(path(dataset));
    }
    return fs.parquetRows(path(dataset));
  }

  /**
   * Where a pass of {@link #writeTogether} writes rows of one type: a dataset, or a folder of rows a
   * command reads again before it ends ({@link #scratch}).
   */
  public record Destination(String dir, StructType type, boolean dataset) {}

  /**
   * A dataset as a destination of {@link #writeTogether}. The files say a column may be null where
   * {@code rows} does, as Spark's writer does.
   *
   * @param rows the rows' type, which must be the schema's columns in its order
   */
  public Destination to(DatasetSchemas.Dataset dataset, StructType rows) {
    StructType expected = SparkSchemas.struct(schemas.schema(dataset));
    if (!expected.asNullable().equals(rows.asNullable())) {
      throw new IllegalStateException("Dataset " + dataset.dir() + " rows are " + rows.simpleString()
          + ", its schema says " + expected.simpleString());
    }
    return new Destination(path(dataset), rows, true);
  }

  /** A folder of this command's staging that is not an output: the command deletes it once read. */
  public Destination scratch(String name, StructType rows) {
    return new Destination(path(".scratch-" + name), rows, false);
  }

  /**
   * Writes datasets (and scratch folders) together from one pass over {@code input} ({@link
   * MultiWrite}) and returns each one's row count, from the written files' footers. Each task writes
   * its own files, so each has about as many files as {@code input} has partitions.
   *
   * @param wholeCouples as for {@link #write(DatasetSchemas.Dataset, Dataset, long, boolean)}, for every dataset
   */
  public long[] writeTogether(SparkSession spark, JavaRDD<InternalRow> input, List<Destination> to,
      boolean wholeCouples, MultiWrite.Task task) {
    MultiWrite.write(spark, input, to.stream().map(Destination::dir).toList(),
        to.stream().map(Destination::type).toList(), wholeCouples ? 0 : ROWS_PER_FILE, task, fs);
    long[] rows = new long[to.size()];
    for (int d = 0; d < to.size(); d++) {
      if (wholeCouples && to.get(d).dataset()) {
        markWholeCouples(to.get(d).dir());
      }
      rows[d] = fs.parquetRows(to.get(d).dir());
    }
    return rows;
  }

  private void markWholeCouples(String dir) {
    fs.write(dir + "/" + WHOLE_COUPLES,
        "Every file of this dataset holds whole couples (at each level, where it has levels).\n");
  }

  /**
   * Files to write: one for a small dataset; for a large one enough that every core has a share
   * (coalescing to fewer would also run the computation before the write on fewer cores), a
   * multiple of the cores so that the last round of tasks is not run by one core alone, and no
   * file larger than {@link #ROWS_PER_FILE}, which Spark's maxRecordsPerFile enforces.
   */
  public static int files(long expectedRows, int cores) {
    long forParallelism = Math.min(4L * cores, expectedRows / ROWS_PER_TASK);
    if (forParallelism > cores) {
      forParallelism -= forParallelism % cores;
    }
    long forSize = (expectedRows + ROWS_PER_FILE - 1) / ROWS_PER_FILE;
    return (int) Math.max(1, Math.max(forParallelism, forSize));
  }

  public Dataset<Row> read(SparkSession spark, DatasetSchemas.Dataset dataset) {
    String path = existing(dataset);
    DataFrameReader reader = spark.read();
    fs.sparkSchema(path).ifPresent(reader::schema);
    return SparkSchemas.conform(reader.parquet(path), schemas.schema(dataset));
  }

  /**
   * The dataset, when it was written with whole couples per file and every task of a read reads
   * whole files: each couple's rows are then in one task, one after another. Empty otherwise (an
   * older output, or a configuration that splits files), where a stage brings a couple's rows
   * together by a shuffle instead.
   */
  public Optional<Dataset<Row>> readWholeCouples(SparkSession spark, DatasetSchemas.Dataset dataset) {
    Dataset<Row> df = read(spark, dataset);
    boolean marked = fs.exists(existing(dataset) + "/" + WHOLE_COUPLES);
    return marked && WholeFiles.perTask(df) ? Optional.of(df) : Optional.empty();
  }

  /** A dataset's rows, from its files' footers. */
  public long rows(DatasetSchemas.Dataset dataset) {
    return fs.parquetRows(existing(dataset));
  }

  private String existing(DatasetSchemas.Dataset dataset) {
    String path = current(dataset.dir());
    if (!fs.exists(path)) {
      throw UserException.inputRefused(Messages.cannot("find dataset " + dataset.dir(), root, null,
          "Run the stages before it first with the same --out ('closer run' runs them all)"));
    }
    return path;
  }

  /**
   * Makes what this command wrote the outputs: a journal names every staged entry (the manifest
   * last), then each replaces its committed version by rename.
   */
  public void commit() {
    List<String> entries = new ArrayList<>(fs.children(staging));
    if (entries.remove(MANIFEST)) {
      entries.add(MANIFEST);
    }
    if (!entries.isEmpty()) {
      String journal = root + "/" + JOURNAL;
      fs.write(journal + ".tmp", staging + "\n" + String.join("\n", entries) + "\n");
      fs.rename(journal + ".tmp", journal);
      rollForward(fs, root, staging, entries);
    }
    fs.delete(staging);
  }

  /**
   * Brings an output folder to a committed state before a command uses it: a commit that was
   * interrupted is completed; staging left by a command that did not finish is removed.
   */
  public static void recover(DataFs fs, String root) {
    String r = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    if (!fs.exists(r)) {
      return;
    }
    String journal = r + "/" + JOURNAL;
    if (fs.exists(journal)) {
      List<String> lines = fs.read(journal).lines().filter(l -> !l.isBlank()).toList();
      if (!lines.isEmpty()) {
        rollForward(fs, r, lines.get(0), lines.subList(1, lines.size()));
      }
    }
    for (String child : fs.children(r)) {
      if (child.startsWith(STAGING) || child.startsWith(JOURNAL)) {
        fs.delete(r + "/" + child);
      }
    }
  }

  /** Idempotent: run again after a crash at any point, it ends in the same state. */
  private static void rollForward(DataFs fs, String root, String staging, List<String> entries) {
    String replaced = staging + ".replaced";
    for (String entry : entries) {
      String source = staging + "/" + entry;
      String target = root + "/" + entry;
      if (!fs.exists(source)) {
        continue;
      }
      if (fs.exists(target)) {
        fs.mkdirs(replaced);
        fs.rename(target, replaced + "/" + entry);
      }
      fs.rename(source, target);
    }
    fs.delete(root + "/" + JOURNAL);
    fs.delete(replaced);
    fs.delete(staging);
  }
}
