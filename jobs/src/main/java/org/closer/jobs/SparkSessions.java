package org.closer.jobs;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.closer.core.Messages;
import org.closer.core.UserException;

/** Builds the one SparkSession a command uses: embedded ({@code local[*]}) unless told otherwise. */
public final class SparkSessions {
  public static final String DEFAULT_MASTER = "local[*]";
  static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
  public static final String MAX_PARTITION_BYTES = "spark.sql.files.maxPartitionBytes";
  public static final String OPEN_COST_BYTES = "spark.sql.files.openCostInBytes";
  /** A file's cost to open as large as a task's share: every file is a task of its own. */
  private static final String WHOLE_FILE_BYTES = "1g";
  private static final String EXECUTOR_OPTIONS = "spark.executor.extraJavaOptions";
  private static final String HUGE_METHODS = "-XX:-DontCompileHugeMethods";
  /** About 400,000 survey rows of CSV. */
  static final long EXPORT_BYTES_PER_SHUFFLE_PARTITION = 64L << 20;
  /** The master URLs Spark understands. */
  private static final Pattern MASTER = Pattern.compile(
      "local(\\[(\\*|\\d+)(,\\d+)?\\])?|local-cluster\\[\\d+,\\d+,\\d+\\]|(spark|k8s|mesos)://\\S+|yarn");

  private SparkSessions() {}

  /**
   * @param master null keeps what spark-submit set, or {@link #DEFAULT_MASTER} when nothing was set
   */
  public static SparkSession open(String master, boolean verbose) {
    quiet(verbose);
    String chosen = master != null ? master : System.getProperty("spark.master", DEFAULT_MASTER);
    if (!MASTER.matcher(chosen).matches()) {
      throw UserException.usage(Messages.cannot("use Spark master", chosen, "--master",
          "Use local[*], local[N], spark://HOST:PORT, yarn or k8s://URL"));
    }
    // Closer's defaults fill only what --conf, --properties-file or spark-defaults.conf left unset.
    SparkConf conf = new SparkConf()
        .setIfMissing("spark.app.name", "closer")
        .setMaster(chosen)
        .setIfMissing("spark.ui.showConsoleProgress", "false")
        // One whole file per task when Closer reads its datasets: their files hold whole couples
        // (Outputs#write), so the stages after ingest find each couple's rows in one task without a
        // shuffle; Closer sizes the files (Outputs#files). Ingest reads the exports on its own.
        .setIfMissing(MAX_PARTITION_BYTES, WHOLE_FILE_BYTES)
        .setIfMissing(OPEN_COST_BYTES, WHOLE_FILE_BYTES)
        // Dates in the exports carry no zone; the results must not depend on the cluster's zone.
        .set("spark.sql.session.timeZone", "UTC");
    if (chosen.startsWith("local")) {
      // Embedded Spark serves one researcher: no web UI unless asked.
      conf.setIfMissing("spark.ui.enabled", Boolean.toString(verbose));
    } else {
      // Executors JIT-compile Spark's generated code for the wide survey rows (see bin/closer).
      String executor = conf.get(EXECUTOR_OPTIONS, "");
      if (!executor.contains(HUGE_METHODS)) {
        conf.set(EXECUTOR_OPTIONS, (executor + " " + HUGE_METHODS).trim());
      }
    }
    SparkSession.Builder builder = SparkSession.builder().config(conf);
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel(verbose ? "INFO" : "ERROR");
    return spark;
  }

  /**
   * Sizes shuffles for the study unless spark.sql.shuffle.partitions was configured: Spark's default
   * of 200 makes hundreds of tiny tasks on a small study (on a 2-core cluster the sample study ran
   * 3-4x slower), while a large one needs a partition per {@link #EXPORT_BYTES_PER_SHUFFLE_PARTITION}.
   *
   * @param exportBytes size of the study's exports, which every stage's data grows with
   */
  public static void sizeShuffles(SparkSession spark, long exportBytes) {
    if (!spark.sparkContext().getConf().contains(SHUFFLE_PARTITIONS)) {
      spark.conf().set(SHUFFLE_PARTITIONS, shufflePartitions(spark.sparkContext().defaultParallelism(), exportBytes));
    }
  }

  /**
   * Two per core, so that a slow task does not hold up the rest, and more when the data is large; a
   * multiple of the cores, so that the last round of tasks is not run by one core alone.
   */
  static int shufflePartitions(int cores, long exportBytes) {
    long c = Math.max(1, cores);
    long bySize = (exportBytes + EXPORT_BYTES_PER_SHUFFLE_PARTITION - 1) / EXPORT_BYTES_PER_SHUFFLE_PARTITION;
    return (int) Math.min(10_000, Math.max(2 * c, (bySize + c - 1) / c * c));
  }

  /** The number of partitions of a shuffle whose size should not be changed by adaptive execution. */
  public static int shufflePartitions(SparkSession spark) {
    return Integer.parseInt(spark.conf().get(SHUFFLE_PARTITIONS));
  }

  /** Spark and Hadoop talk a lot at INFO and WARN; a researcher needs Closer's lines only. */
  public static void quiet(boolean verbose) {
    Level level = verbose ? Level.INFO : Level.ERROR;
    Configurator.setRootLevel(level);
    Configurator.setLevel("org.apache.spark", level);
    Configurator.setLevel("org.apache.hadoop", level);
    Configurator.setLevel("org.sparkproject", level);
  }
}
