package org.closer.jobs;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.closer.core.Messages;
import org.closer.core.UserException;

/** Builds the one SparkSession a command uses: embedded ({@code local[*]}) unless told otherwise. */
public final class SparkSessions {
  public static final String DEFAULT_MASTER = "local[*]";
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
