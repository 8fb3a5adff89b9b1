package org.closer.jobs.cli;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.closer.core.Messages;
import org.closer.core.UserException;
import org.closer.core.dataset.DatasetSchemas;
import org.closer.core.instrument.InstrumentCatalog;
import org.closer.core.privacy.PseudonymKey;
import org.closer.core.study.StudyConfig;
import org.closer.jobs.DataFs;
import org.closer.jobs.Outputs;
import org.closer.jobs.Progress;
import org.closer.jobs.RunContext;
import org.closer.jobs.SparkSessions;
import org.closer.jobs.TaskProgress;
import picocli.CommandLine.Option;

/** The options every Spark stage shares; defaults run the bundled sample study. */
public final class StudyOptions {
  public static final String DEFAULT_INPUT = "data-samples/study";
  public static final String STUDY_FILE = "study.yaml";

  @Option(names = "--input", paramLabel = "DIR", defaultValue = DEFAULT_INPUT,
      description = "Folder with the study's exports (template CSVs, roster CSVs). Default: ${DEFAULT-VALUE}.")
  String input;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
      description = "Folder for datasets, report and manifest. Default: ${DEFAULT-VALUE}.")
  String out;

  @Option(names = "--study", paramLabel = "FILE",
      description = "Study configuration (YAML), a local path or a URI such as hdfs://... "
          + "Default: study.yaml in the input folder when there is one.")
  String study;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master. Default: what spark-submit set, else local[*] (embedded Spark).")
  String master;

  @Option(names = "--instruments", paramLabel = "DIR",
      description = "Folder of instrument JSON files. Default: the built-in instruments.")
  Path instruments;

  @Option(names = "--key-file", paramLabel = "FILE",
      description = "File holding the pseudonymisation key. Default: the CLOSER_KEY environment variable.")
  Path keyFile;

  @Option(names = "--demo-key",
      description = "Use the public demo key (sample data only: it protects nothing).")
  boolean demoKey;

  @Option(names = "--verbose", description = "Show Spark's own logging and stack traces of internal errors.")
  boolean verbose;


  /** The study file, read through Hadoop's FileSystem like the data, or null when defaults are used. */
  String studyFile(DataFs fs) {
    if (study != null) {
      if (!fs.isFile(study)) {
        throw UserException.inputRefused(Messages.cannot("find study configuration", study, null,
            "Check the path given to --study"));
      }
      return study;
    }
    String beside = new org.apache.hadoop.fs.Path(input, STUDY_FILE).toString();
    return fs.isFile(beside) ? beside : null;
  }

  InstrumentCatalog catalog() {
    return instruments == null ? InstrumentCatalog.builtIn() : InstrumentCatalog.load(instruments);
  }

  /** --key-file, then CLOSER_KEY, then the demo key when asked for here or in the study file. */
  PseudonymKey key(StudyConfig config) {
    if (keyFile == null && System.getenv(PseudonymKey.ENV) == null && (demoKey || config.demoKey())) {
      return PseudonymKey.demo();
    }
    return PseudonymKey.resolve(keyFile, System.getenv());
  }

  /**
   * @param needsKey whether the stage pseudonymises
   */
  RunContext context(boolean needsKey) {
    InstrumentCatalog catalog = catalog();
    SparkSession spark = SparkSessions.open(master, verbose);
    TaskProgress.install(spark.sparkContext());
    DataFs fs = new DataFs(spark.sparkContext().hadoopConfiguration());
    SparkSessions.sizeShuffles(spark, fs.totalSize(input));
    String file = studyFile(fs);
    StudyConfig config = file == null ? StudyConfig.defaults() : StudyConfig.parse(file, fs.read(file));
    PseudonymKey key = needsKey ? key(config) : null;
    Outputs.recover(fs, out);
    return new RunContext(spark, catalog, config, file, key, input,
        new Outputs(out, new DatasetSchemas(catalog), fs), fs, new Progress(System.out));
  }
}
