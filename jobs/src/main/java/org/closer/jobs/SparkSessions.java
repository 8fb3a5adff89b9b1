package org.closer.jobs;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;

/** Builds the one SparkSession a command uses: embedded ({@code local[*]}) unless told otherwise. */
public final class SparkSessions {
  public static final String DEFAULT_MASTER = "local[*]";

  private SparkSessions() {}

  /**
   * @param master null keeps what spark-submit set, or {@link #DEFAULT_MASTER} when nothing was set
   */
  public static SparkSession open(String master, boolean verbose) {
    quiet(verbose);
    String chosen = master != null ? master : System.getProperty("spark.master", DEFAULT_MASTER);
    SparkSession.Builder builder = SparkSession.builder()
        .appName("closer")
        .master(chosen)
        .config("spark.ui.enabled", verbose)
        .config("spark.ui.showConsoleProgress", false)
        .config("spark.sql.session.timeZone", "UTC");
    if (chosen.startsWith("local")) {
      // A laptop has few cores: the default of 200 shuffle partitions makes hundreds of tiny tasks.
      builder.config("spark.sql.shuffle.partitions", Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel(verbose ? "INFO" : "ERROR");
    return spark;
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
