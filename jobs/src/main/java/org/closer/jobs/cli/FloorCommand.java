package org.closer.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.closer.core.Messages;
import org.closer.core.UserException;
import org.closer.core.ingest.CsvLines;
import org.closer.core.ingest.Template;
import org.closer.core.instrument.InstrumentCatalog;
import org.closer.jobs.DataFs;
import org.closer.jobs.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmarks' floor: Spark's own cost of reading a study's survey CSVs with an explicit schema
 * and writing them as Parquet, measured in the same JVM setting as a run. Used by {@code bench/run}.
 */
@Command(name = "floor", hidden = true, mixinStandardHelpOptions = true,
    description = "Time bare Spark CSV (explicit schema) to Parquet on a study's survey files.")
final class FloorCommand implements Callable<Integer> {
  @Option(names = "--input", paramLabel = "DIR", required = true, description = "The study's folder.")
  String input;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write the Parquet.")
  String out;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master. Default: local[*].")
  String master;

  @Override
  public Integer call() {
    SparkSession spark = SparkSessions.open(master, false);
    // Bare Spark: its own way of splitting files into tasks, not Closer's.
    spark.conf().unset(SparkSessions.MAX_PARTITION_BYTES);
    spark.conf().unset(SparkSessions.OPEN_COST_BYTES);
    DataFs fs = new DataFs(spark.sparkContext().hadoopConfiguration());
    InstrumentCatalog catalog = InstrumentCatalog.builtIn();
    List<String> surveys = new ArrayList<>();
    String header = null;
    for (Path file : fs.list(input, ".csv")) {
      String first = new String(fs.head(file, 1 << 16), java.nio.charset.StandardCharsets.UTF_8).lines().findFirst().orElse("");
      if (first.contains(Template.TIMEPOINT)) {
        surveys.add(file.toString());
        header = header == null ? first : header;
      }
    }
    if (surveys.isEmpty()) {
      throw UserException.inputRefused(Messages.cannot("find survey CSVs", input, null, "Generate a study first"));
    }
    List<StructField> fields = new ArrayList<>();
    for (String name : new CsvLines(',').split(header)) {
      String n = name.trim().toLowerCase(Locale.ROOT);
      DataType type = catalog.itemIndex(n) >= 0 ? DataTypes.DoubleType
          : n.equals(Template.SESSION) || n.equals(Template.SESSION_MINUTES) ? DataTypes.IntegerType
          : DataTypes.StringType;
      fields.add(DataTypes.createStructField(name, type, true));
    }
    long started = System.nanoTime();
    spark.read().option("header", "true").schema(new StructType(fields.toArray(StructField[]::new)))
        .csv(surveys.toArray(String[]::new)).write().mode(SaveMode.Overwrite).parquet(out);
    System.out.printf(Locale.ROOT, "floor:   %d survey files, CSV with an explicit schema to Parquet (%.1f s)%n",
        surveys.size(), (System.nanoTime() - started) / 1e9);
    return 0;
  }
}
