package org.closer.jobs.outcomes;

import static org.closer.core.dataset.DatasetSchemas.Dataset.COUPLE_SCORES;
import static org.closer.core.dataset.DatasetSchemas.Dataset.OUTCOMES;
import static org.closer.core.dataset.DatasetSchemas.Dataset.RESPONSES;
import static org.closer.core.dataset.DatasetSchemas.Dataset.SCORES;
import static org.closer.core.dataset.DatasetSchemas.Dataset.TRAJECTORIES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.closer.core.dataset.DatasetSchemas;
import org.closer.core.instrument.InstrumentCatalog;
import org.closer.core.instrument.Subscale;
import org.closer.core.model.Timepoint;
import org.closer.jobs.CatalystRows;
import org.closer.jobs.DataFs;
import org.closer.jobs.Outputs;
import org.closer.jobs.SparkSessions;
import org.closer.jobs.TestSpark;
import org.closer.jobs.cli.Closer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stages that walk whole couples in place, without a shuffle, give what the shuffled paths
 * give, and they are taken only where every task reads whole files of a dataset written so.
 */
class WholeCouplesTest {
  private static final InstrumentCatalog CATALOG = InstrumentCatalog.builtIn();
  private static final Path STUDY = Path.of("..", "data-samples", "study");
  private static SparkSession spark;
  private static Path out;
  private static Outputs outputs;

  @BeforeAll
  static void run() throws IOException {
    spark = TestSpark.session();
    out = Files.createTempDirectory("closer-whole");
    assertEquals(0, Closer.execute("run", "--input", STUDY.toString(), "--out", out.toString()));
    outputs = new Outputs(out.toString(), new DatasetSchemas(CATALOG),
        new DataFs(spark.sparkContext().hadoopConfiguration()));
  }

  @Test
  void datasetsWrittenWithWholeCouplesAreReadSoUnlessFilesAreSplit() {
    for (DatasetSchemas.Dataset d : List.of(RESPONSES, SCORES, COUPLE_SCORES, OUTCOMES, TRAJECTORIES)) {
      assertTrue(outputs.readWholeCouples(spark, d).isPresent(), d.dir());
    }
    assertTrue(outputs.readWholeCouples(spark, DatasetSchemas.Dataset.QUARANTINE).isEmpty(), "not marked");
    String maxBytes = spark.conf().get(SparkSessions.MAX_PARTITION_BYTES);
    String openCost = spark.conf().get(SparkSessions.OPEN_COST_BYTES);
    spark.conf().set(SparkSessions.MAX_PARTITION_BYTES, "1k");
    spark.conf().set(SparkSessions.OPEN_COST_BYTES, "0");
    try {
      assertTrue(outputs.readWholeCouples(spark, SCORES).isEmpty(), "files cut into several tasks");
    } finally {
      spark.conf().set(SparkSessions.MAX_PARTITION_BYTES, maxBytes);
      spark.conf().set(SparkSessions.OPEN_COST_BYTES, openCost);
    }
  }

  /** The report's counts of people, from scores scattered over files (shuffled by couple). */
  @Test
  void reportFromScatteredScoresEqualsTheWalkedOne() throws IOException {
    Path copy = scatteredCopy(3, SCORES);
    assertEquals(0, Closer.execute("report", "--out", copy.toString(), "--study", STUDY.resolve("study.yaml").toString()));
    // The counts of people; the means and SDs beside them may differ in their last digit, summed in another order.
    Path tables = Path.of("report", "tables");
    try (var files = Files.list(out.resolve(tables))) {
      List<Path> counted = files.map(Path::getFileName)
          .filter(f -> f.toString().startsWith("sample-") || f.toString().startsWith("scores-")).toList();
      assertTrue(counted.size() >= 6, counted.toString());
      for (Path f : counted) {
        assertEquals(counts(out.resolve(tables).resolve(f)), counts(copy.resolve(tables).resolve(f)), f.toString());
      }
    }
  }

  /**
   * Comparisons from outcomes and trajectories scattered over files (each couple's rows brought
   * together by a shuffle first) equal those from the walks over whole couples, but for the order of
   * their sums; and they are the same to the last bit however the rows are scattered.
   */
  @Test
  void comparisonsFromScatteredOutcomesEqualTheWalkedOnes() throws IOException {
    Path copy = scatteredCopy(3, OUTCOMES, TRAJECTORIES);
    Path other = scatteredCopy(5, OUTCOMES, TRAJECTORIES);
    String study = STUDY.resolve("study.yaml").toString();
    for (Path p : List.of(copy, other)) {
      assertEquals(0, Closer.execute("compare", "--out", p.toString(), "--study", study));
    }
    Map<String, Row> walked = comparisons(out);
    Map<String, Row> scattered = comparisons(copy);
    assertEqualComparisons(scattered, comparisons(other), 0);
    assertEqualComparisons(walked, scattered, 1e-9);
    long clustered = walked.values().stream().filter(r -> r.getAs("cluster_se") != null).count();
    assertTrue(clustered > 10, "comparisons with a cluster-robust SE: " + clustered);
  }

  /** The same comparisons, their numbers within {@code relative} of each other (0: the same bits). */
  private static void assertEqualComparisons(Map<String, Row> expected, Map<String, Row> actual, double relative) {
    assertEquals(expected.keySet(), actual.keySet());
    for (Map.Entry<String, Row> e : expected.entrySet()) {
      Row a = e.getValue();
      Row b = actual.get(e.getKey());
      for (StructField f : a.schema().fields()) {
        Object x = a.getAs(f.name());
        Object y = b.getAs(f.name());
        if (x instanceof Double dx && y instanceof Double dy && relative > 0) {
          assertEquals(dx, dy, relative * Math.max(1, Math.abs(dx)), e.getKey() + " " + f.name());
        } else {
          assertEquals(x, y, e.getKey() + " " + f.name());
        }
      }
    }
  }

  private static Map<String, Row> comparisons(Path outputs) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : spark.read().parquet(outputs.resolve("comparisons").toString()).collectAsList()) {
      out.put(r.getAs("comparison") + "/" + r.getAs("outcome") + "/" + r.getAs("level"), r);
    }
    return out;
  }

  /** A copy of the outputs with the given datasets' rows scattered over some files, not marked. */
  private static Path scatteredCopy(int files, DatasetSchemas.Dataset... scattered) throws IOException {
    Path copy = Files.createTempDirectory("closer-scattered");
    List<String> names = java.util.Arrays.stream(scattered).map(DatasetSchemas.Dataset::dir).toList();
    try (var entries = Files.list(out)) {
      for (Path p : entries.toList()) {
        String name = p.getFileName().toString();
        if (!names.contains(name) && !name.equals("report")) {
          copyTree(p, copy.resolve(name));
        }
      }
    }
    Outputs copied = new Outputs(copy.toString(), new DatasetSchemas(CATALOG),
        new DataFs(spark.sparkContext().hadoopConfiguration()));
    for (DatasetSchemas.Dataset d : scattered) {
      spark.read().parquet(out.resolve(d.dir()).toString()).repartition(files).write()
          .parquet(copy.resolve(d.dir()).toString());
      assertTrue(copied.readWholeCouples(spark, d).isEmpty(), d.dir() + " not marked");
    }
    return copy;
  }

  /** A table's lines, without the mean and SD that end each line of a table of scores. */
  private static List<String> counts(Path table) throws IOException {
    boolean scores = table.getFileName().toString().startsWith("scores-");
    return Files.readAllLines(table).stream().map(l -> scores ? l.replaceAll("(,[^,]*){2}$", "") : l).toList();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.copy(p, to.resolve(from.relativize(p).toString()));
      }
    }
  }

  @Test
  void outcomesWalkedInPlaceEqualTheGroupedOnes() {
    Dataset<Row> partners = outputs.readWholeCouples(spark, SCORES).orElseThrow();
    Dataset<Row> couples = outputs.readWholeCouples(spark, COUPLE_SCORES).orElseThrow();
    List<Subscale> scores = CATALOG.subscalesGivenAt(Timepoint.INTAKE);
    StructType wide = new StructType()
        .add("level", DataTypes.StringType).add("clinic", DataTypes.StringType).add("couple", DataTypes.StringType)
        .add("partner", DataTypes.StringType).add("modality", DataTypes.StringType).add("method", DataTypes.StringType)
        .add("session_minutes", DataTypes.IntegerType).add("therapist", DataTypes.StringType)
        .add("score", DataTypes.StringType).add("intake", DataTypes.DoubleType).add("closing", DataTypes.DoubleType)
        .add("followup", DataTypes.DoubleType).add("sessions_attended", DataTypes.IntegerType)
        .add("dropped_out", DataTypes.BooleanType);
    assertSameRows(frame(OutcomesJob.wide(partners, couples, scores, true), wide),
        frame(OutcomesJob.wide(partners, couples, scores, false), wide));
  }

  @Test
  void slopesWalkedInPlaceEqualTheShuffledOnes() {
    List<String> scores = CATALOG.subscalesGivenAt(Timepoint.SESSION).stream().map(Subscale::column).toList();
    Dataset<Row> partners = TrajectoriesJob.points(outputs.readWholeCouples(spark, SCORES).orElseThrow(), scores, "",
        OutcomesJob.INDIVIDUAL);
    Dataset<Row> couples = TrajectoriesJob.points(outputs.readWholeCouples(spark, COUPLE_SCORES).orElseThrow(),
        scores, "_mean", OutcomesJob.COUPLE);
    StructType type = outputs.read(spark, DatasetSchemas.Dataset.TRAJECTORIES).schema();
    assertSameRows(frame(TrajectoriesJob.slopes(partners, couples, scores, true), type),
        frame(TrajectoriesJob.slopes(partners, couples, scores, false), type));
  }

  private static Dataset<Row> frame(JavaRDD<InternalRow> rows, StructType type) {
    return CatalystRows.frame(spark, rows, type);
  }

  /** The same rows, bit for bit, in any order. */
  private static void assertSameRows(Dataset<Row> walked, Dataset<Row> shuffled) {
    long n = shuffled.count();
    assertTrue(n > 100, "rows to compare: " + n);
    assertEquals(n, walked.count());
    assertEquals(0, walked.exceptAll(shuffled).count());
    assertEquals(0, shuffled.exceptAll(walked).count());
  }
}
