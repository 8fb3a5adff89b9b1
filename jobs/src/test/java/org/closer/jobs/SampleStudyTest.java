package org.closer.jobs;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.closer.core.ingest.CsvLines;
import org.closer.core.instrument.InstrumentCatalog;
import org.closer.core.instrument.Subscale;
import org.closer.core.score.Scorer;
import org.closer.core.stats.Comoments;
import org.closer.jobs.cli.Closer;
import org.closer.jobs.score.CoupleScores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/** The bundled sample study through {@code closer run}, checked end to end. */
class SampleStudyTest {
  static final Path SAMPLES = Path.of("..", "data-samples");
  static final Path STUDY = SAMPLES.resolve("study");
  private static Path out;
  private static SparkSession spark;

  /** Values Spark kept with a finished task that are maps, not its own counters. */
  private static final List<String> keptWithTasks = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void run() throws IOException, TimeoutException {
    spark = TestSpark.session();
    SparkListener tasks = new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        CollectionConverters.asJava(end.taskInfo().accumulables()).stream()
            .filter(a -> a.update().isDefined() && a.update().get() instanceof Map)
            .forEach(a -> keptWithTasks.add(a.name().getOrElse(() -> "an accumulator without a name")));
      }
    };
    spark.sparkContext().addSparkListener(tasks);
    out = Files.createTempDirectory("closer-sample");
    int code = Closer.execute("run", "--input", STUDY.toString(), "--out", out.toString());
    assertEquals(0, code);
    spark.sparkContext().listenerBus().waitUntilEmpty();
    spark.sparkContext().removeSparkListener(tasks);
  }

  /**
   * Spark keeps a named accumulator's value, and each task's, with every finished task until the
   * stage ends: alpha's sums named took 40 MB of the driver's heap at 50M survey rows.
   */
  @Test
  void noAccumulatorOfTheRunIsKeptWithEachTask() {
    assertEquals(List.of(), keptWithTasks);
  }

  @Test
  void writesEveryDatasetReportAndManifest() throws IOException {
    for (String dir : List.of("responses", "quarantine", "scores", "couple_scores", "outcomes", "trajectories",
        "psychometrics", "comparisons")) {
      assertTrue(Files.exists(out.resolve(dir).resolve("_SUCCESS")), dir);
      try (var files = Files.list(out.resolve(dir))) {
        assertEquals(1, files.filter(f -> f.toString().endsWith(".parquet")).count(),
            dir + ": a small study's dataset is one file");
      }
    }
    for (String file : List.of("report/report.html", "report/report.md", "manifest.json", "ingest.json",
        "report/tables/comparisons.csv")) {
      assertTrue(Files.isRegularFile(out.resolve(file)), file);
    }
  }

  @Test
  void everyPlantedBadRowIsQuarantinedWithItsReason() throws IOException {
    Set<String> expected = new TreeSet<>(Files.readAllLines(SAMPLES.resolve("expected/quarantine.csv")).subList(1,
        Files.readAllLines(SAMPLES.resolve("expected/quarantine.csv")).size()));
    Set<String> actual = new TreeSet<>();
    for (Row r : spark.read().parquet(out.resolve("quarantine").toString()).collectAsList()) {
      actual.add(r.getAs("source_file") + "," + r.getAs("source_line") + "," + r.getAs("reason"));
      String detail = r.getAs("detail");
      assertTrue(detail.startsWith("Cannot "), detail);
    }
    assertEquals(expected, actual);
  }

  /** Each quarantine file lists its rows as a clinic reads its exports: by file, then line. */
  @Test
  void theQuarantineListsItsRowsByFileAndLine() throws IOException {
    List<Path> parts;
    try (Stream<Path> files = Files.list(out.resolve("quarantine"))) {
      parts = files.filter(f -> f.toString().endsWith(".parquet")).toList();
    }
    assertEquals(1, parts.size(), "a few rows are one file");
    List<String> read = new ArrayList<>();
    for (Row r : spark.read().parquet(parts.get(0).toString()).collectAsList()) {
      read.add(String.format("%s %09d", r.<String>getAs("source_file"), r.<Long>getAs("source_line")));
    }
    assertEquals(read.stream().sorted().toList(), read);
    assertTrue(read.stream().map(l -> l.split(" ")[0]).distinct().count() > 1, "refused rows of several files");
  }

  @Test
  void rowsInEqualResponsesPlusQuarantinePerFile() throws IOException {
    Dataset<Row> responses = spark.read().parquet(out.resolve("responses").toString());
    Dataset<Row> quarantine = spark.read().parquet(out.resolve("quarantine").toString());
    try (Stream<Path> files = Files.list(STUDY)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("clinic-")).toList()) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        long rowsIn = lines.stream().skip(1).filter(l -> !l.isBlank()).count();
        String name = file.getFileName().toString();
        long accepted = responses.filter(col("source_file").equalTo(name)).count();
        long refused = quarantine.filter(col("source_file").equalTo(name)).count();
        assertEquals(rowsIn, accepted + refused, name);
        assertTrue(accepted > 0, name);
      }
    }
  }

  @Test
  void noRawCoupleOrTherapistCodeReachesAnyOutput() throws IOException {
    Set<String> codes = rawCodes();
    assertTrue(codes.size() > 120, "the samples have more than 120 couple and therapist codes: " + codes.size());
    codes.add("anna.svensson@example.se"); // planted in a design column
    codes.add("Svensson"); // planted as a clinic
    List<Path> outputs;
    try (Stream<Path> walk = Files.walk(out)) {
      outputs = walk.filter(Files::isRegularFile).toList();
    }
    assertTrue(outputs.size() >= 8);
    for (Path file : outputs) {
      String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      for (String code : codes) {
        assertFalse(content.contains(code), "raw code found in " + out.relativize(file));
      }
    }
  }

  @Test
  void scoresAreCoreScoresOfTheResponses() {
    InstrumentCatalog catalog = InstrumentCatalog.builtIn();
    Scorer scorer = new Scorer(catalog);
    List<Row> responses = spark.read().parquet(out.resolve("responses").toString())
        .orderBy("couple", "partner", "timepoint", "session").limit(200).collectAsList();
    Map<String, Row> scores = spark.read().parquet(out.resolve("scores").toString()).collectAsList().stream()
        .collect(Collectors.toMap(SampleStudyTest::surveyKey, r -> r));
    for (Row r : responses) {
      double[] answers = new double[catalog.items().size()];
      for (int i = 0; i < answers.length; i++) {
        Object v = r.getAs(catalog.items().get(i).id());
        answers[i] = v == null ? Double.NaN : (Double) v;
      }
      double[] expected = new double[catalog.subscales().size()];
      int[] answered = new int[expected.length];
      scorer.score(answers, expected, answered);
      Row s = scores.get(surveyKey(r));
      for (int k = 0; k < expected.length; k++) {
        Subscale sub = catalog.subscales().get(k);
        Object actual = s.getAs(sub.column());
        if (Double.isNaN(expected[k])) {
          assertNull(actual, sub.column());
        } else {
          assertEquals(expected[k], (Double) actual, 0.0, sub.column());
        }
        assertEquals(answered[k], (int) s.<Integer>getAs(sub.column() + "_answered"));
      }
      assertEquals(r.<String>getAs("modality"), s.getAs("modality"));
    }
  }

  /**
   * Every psychometrics row against alpha and item-rest correlations computed here from the
   * responses of its group with core's full covariance matrix: the job's item-and-total sums,
   * gathered per design cell in the scorer's pass and merged per group, must give the same.
   */
  @Test
  void psychometricsAreAlphaOfTheResponsesOfEachGroup() {
    InstrumentCatalog catalog = InstrumentCatalog.builtIn();
    List<Row> responses = spark.read().parquet(out.resolve("responses").toString()).collectAsList();
    List<Row> written = spark.read().parquet(out.resolve("psychometrics").toString()).collectAsList();
    assertFalse(written.isEmpty());
    Map<String, Subscale> subscales = catalog.subscales().stream().collect(Collectors.toMap(Subscale::column, x -> x));
    for (Row w : written) {
      Subscale sub = subscales.get(w.<String>getAs("score"));
      String factor = w.getAs("factor");
      String level = w.getAs("level");
      int k = sub.items().size();
      Comoments m = Comoments.create(k);
      for (Row r : responses) {
        Object at = factor.equals("all") ? "all" : r.getAs(factor);
        if (!r.getAs("timepoint").equals(w.getAs("timepoint")) || !String.valueOf(at).equals(level)) {
          continue;
        }
        double[] x = new double[k];
        for (int i = 0; i < k; i++) {
          Object v = r.getAs(sub.items().get(i).id());
          x[i] = v == null ? Double.NaN : sub.items().get(i).scored((Double) v);
        }
        m.accept(x);
      }
      assertEquals(m.n(), w.<Long>getAs("n"), sub.column() + " " + factor + " " + level);
      if (m.n() < 3) {
        continue;
      }
      double total = 0;
      double diagonal = 0;
      double[] row = new double[k];
      for (int i = 0; i < k; i++) {
        diagonal += m.covariance(i, i);
        for (int j = 0; j < k; j++) {
          total += m.covariance(i, j);
          row[i] += m.covariance(i, j);
        }
      }
      assertClose(k / (k - 1.0) * (1 - diagonal / total), w.getAs("alpha"));
      int item = sub.items().stream().map(i -> i.id()).toList().indexOf(w.<String>getAs("item"));
      double rest = (row[item] - m.covariance(item, item))
          / Math.sqrt(m.covariance(item, item) * (total - 2 * row[item] + m.covariance(item, item)));
      if (Double.isFinite(rest)) {
        assertClose(rest, w.getAs("item_rest"));
      }
    }
  }

  private static void assertClose(double expected, Double actual) {
    assertNotNull(actual);
    assertEquals(expected, actual, 1e-10 * Math.max(1, Math.abs(expected)));
  }

  @Test
  void coupleScoresAreThePartnersMeanAndDistance() {
    Dataset<Row> scores = spark.read().parquet(out.resolve("scores").toString())
        .filter(col("timepoint").equalTo("intake")).orderBy("couple", "partner");
    Row a = scores.first();
    Row b = scores.filter(col("couple").equalTo(a.<String>getAs("couple")).and(col("partner").equalTo("B"))).first();
    Row couple = spark.read().parquet(out.resolve("couple_scores").toString())
        .filter(col("couple").equalTo(a.<String>getAs("couple")).and(col("timepoint").equalTo("intake"))).first();
    double ia = a.getAs("tls45_intimacy");
    double ib = b.getAs("tls45_intimacy");
    assertEquals((ia + ib) / 2, couple.<Double>getAs("tls45_intimacy_mean"), 1e-12);
    assertEquals(Math.abs(ia - ib), couple.<Double>getAs("tls45_intimacy_discrepancy"), 1e-12);
    assertTrue(couple.<Boolean>getAs("both_answered"));
    assertEquals(2, couple.<Integer>getAs("partners"));
    assertNotNull(a.getAs("tls45_love_kind"));
  }

  /** The pairing join against the plain grouping it replaced, on every couple survey of the sample. */
  @Test
  void coupleScoresEqualAGroupingOfThePartnersRows() {
    Dataset<Row> scores = spark.read().parquet(out.resolve("scores").toString());
    List<Column> aggs = new ArrayList<>();
    for (String design : List.of("month", "modality", "method", "session_minutes", "therapist")) {
      aggs.add(min(design).as(design));
    }
    aggs.add(count(lit(1)).cast("int").as("partners"));
    for (Subscale s : InstrumentCatalog.builtIn().subscales()) {
      aggs.add(avg(s.column()).as(s.column() + "_mean"));
      aggs.add(when(count(s.column()).equalTo(2), max(s.column()).minus(min(s.column()))).as(s.column() + "_discrepancy"));
    }
    Dataset<Row> grouped = scores.groupBy("clinic", "couple", "timepoint", "session")
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
        .withColumn("both_answered", col("partners").equalTo(2));
    Dataset<Row> written = spark.read().parquet(out.resolve("couple_scores").toString());
    Dataset<Row> expected = grouped.select(Arrays.stream(written.columns()).map(c -> col(c)).toArray(Column[]::new));
    assertTrue(written.filter(col("partners").equalTo(1)).count() > 0, "the sample has surveys of one partner");
    assertEquals(expected.count(), written.count());
    assertEquals(0, written.exceptAll(expected).count());
    assertEquals(0, expected.exceptAll(written).count());
  }

  /** The couple rows do not depend on the scores' order: rows scattered over partitions pair the same. */
  @Test
  void coupleScoresOfScatteredScoresEqualTheWrittenOnes() {
    Dataset<Row> scattered = spark.read().parquet(out.resolve("scores").toString()).repartition(7);
    Dataset<Row> written = spark.read().parquet(out.resolve("couple_scores").toString());
    Dataset<Row> again = CoupleScores.of(scattered, InstrumentCatalog.builtIn().subscales())
        .select(Arrays.stream(written.columns()).map(c -> col(c)).toArray(Column[]::new));
    assertEquals(written.count(), again.count());
    assertEquals(0, written.exceptAll(again).count());
    assertEquals(0, again.exceptAll(written).count());
  }

  @Test
  void rosterDesignReachesTheScoresOfItsClinic() {
    Dataset<Row> c03 = spark.read().parquet(out.resolve("scores").toString()).filter(col("clinic").equalTo("c03"));
    assertTrue(c03.count() > 0);
    assertEquals(0, c03.filter(col("modality").isNull().or(col("method").isNull())).count());
  }

  @Test
  void reportAndManifestSayWhatCameIn() throws IOException {
    String html = Files.readString(out.resolve("report/report.html"));
    assertTrue(html.contains("Data received") && html.contains("The sample") && html.contains("Scores by timepoint"));
    assertTrue(html.contains("DUPLICATE_SURVEY"));
    assertFalse(html.contains("http://") || html.contains("https://"), "the report loads nothing from outside");
    assertTrue(Files.readString(out.resolve("report/summary.json")).contains("\"caption\" : \"Couples by modality\""));
    assertTrue(Files.isRegularFile(out.resolve("report/tables/sample-couples-by-modality.csv")));
    // fewer than 10 couples are "mixed": every comparison with them shows labels and nothing else
    for (String line : Files.readAllLines(out.resolve("report/tables/comparisons.csv"))) {
      if (line.contains(",mixed,")) {
        assertTrue(line.matches("[^,]*(,[^,]*){5},(suppressed|<10),(suppressed|<10)(,suppressed)+"), line);
      }
    }
    String manifest = Files.readString(out.resolve("manifest.json"));
    assertTrue(manifest.contains("\"sha256\""));
    assertTrue(manifest.contains("\"key_origin\" : \"demo\""));
    assertFalse(manifest.contains("closer-public-demo-key"), "the key is never written");
  }

  @Test
  void comparisonsAreCoreStatisticsOfTheOutcomeRows() {
    // Recompute one comparison from the rows with core directly; the job gets there through
    // partitioned accumulators, a distributed rank sort and per-couple sums.
    List<Row> rows = spark.read().parquet(out.resolve("outcomes").toString())
        .filter(col("score").equalTo("tls45_intimacy").and(col("level").equalTo("individual"))
            .and(col("change").isNotNull()).and(col("method").isin("EFT", "IBCT")))
        .collectAsList();
    org.closer.core.stats.GroupSummary a = org.closer.core.stats.GroupSummary.create();
    org.closer.core.stats.GroupSummary b = org.closer.core.stats.GroupSummary.create();
    List<Double> changesA = new ArrayList<>();
    List<Double> changesB = new ArrayList<>();
    Map<String, org.closer.core.stats.Moments> couples = new java.util.HashMap<>();
    for (Row r : rows) {
      boolean inA = r.<String>getAs("method").equals("EFT");
      double change = r.getAs("change");
      String category = r.getAs("category");
      (inA ? a : b).accept(change, r.getAs("intake"), r.getAs("closing"),
          category.equals("recovered") || category.equals("improved"));
      (inA ? changesA : changesB).add(change);
      couples.computeIfAbsent((inA ? "a" : "b") + r.getAs("couple"), k -> org.closer.core.stats.Moments.create())
          .accept(change);
    }
    org.closer.core.stats.ClusteredGroup ca = org.closer.core.stats.ClusteredGroup.create();
    org.closer.core.stats.ClusteredGroup cb = org.closer.core.stats.ClusteredGroup.create();
    couples.forEach((k, m) -> (k.startsWith("a") ? ca : cb).accept(m.n(), m.mean() * m.n(), m.sumOfSquares()));
    var expected = org.closer.core.stats.ComparisonResult.compute("method: EFT vs IBCT", "method",
        "tls45_intimacy_change", "individual", "EFT", "IBCT",
        new org.closer.core.stats.ComparisonResult.Inputs(a, b, 0, 0, ca, cb), 0.25);
    var ranks = org.closer.core.stats.MannWhitney.of(changesA.stream().mapToDouble(Double::doubleValue).toArray(),
        changesB.stream().mapToDouble(Double::doubleValue).toArray());
    Row actual = spark.read().parquet(out.resolve("comparisons").toString())
        .filter(col("comparison").equalTo("method: EFT vs IBCT").and(col("outcome").equalTo("tls45_intimacy_change"))
            .and(col("level").equalTo("individual"))).first();
    assertEquals(expected.nA(), actual.<Long>getAs("n_a"));
    assertEquals(expected.nB(), actual.<Long>getAs("n_b"));
    double[][] pairs = {
      {expected.meanDiff(), actual.getAs("mean_diff")}, {expected.welchP(), actual.getAs("welch_p")},
      {expected.hedgesG(), actual.getAs("hedges_g")}, {expected.gLow(), actual.getAs("g_low")},
      {ranks.w(), actual.getAs("mwu_w")}, {ranks.p(), actual.getAs("mwu_p")},
      {ranks.rankBiserial(), actual.getAs("rank_biserial")},
      {expected.ancovaDiff(), actual.getAs("ancova_diff")}, {expected.ancovaP(), actual.getAs("ancova_p")},
      {expected.tostP(), actual.getAs("tost_p")}, {expected.riskDiff(), actual.getAs("risk_diff")},
      {expected.fisherP(), actual.getAs("fisher_p")}, {expected.clusterSe(), actual.getAs("cluster_se")},
      {expected.icc(), actual.getAs("icc")}};
    for (double[] p : pairs) {
      assertEquals(p[0], p[1], 1e-9 * Math.max(1, Math.abs(p[0])));
    }
    assertTrue(actual.<Double>getAs("hedges_g") > 0.5, "EFT raises intimacy more than IBCT in the sample");
    assertNotNull(actual.getAs("p_holm"));
  }

  @Test
  void reliableChangeAndSlopesFollowTheirFormulas() {
    Dataset<Row> outcomes = spark.read().parquet(out.resolve("outcomes").toString())
        .filter(col("score").equalTo("csi16_total").and(col("level").equalTo("individual")));
    double sd = outcomes.agg(stddev_samp("intake")).first().getDouble(0);
    Row r = outcomes.filter(col("change").isNotNull()).orderBy("couple", "partner").first();
    double reliability = r.getAs("reliability");
    double sDiff = Math.sqrt(2) * sd * Math.sqrt(1 - reliability);
    assertEquals(r.<Double>getAs("change") / sDiff, r.<Double>getAs("rci"), 1e-9);
    assertEquals(51.5, r.<Double>getAs("cutoff"));
    Row slope = spark.read().parquet(out.resolve("trajectories").toString())
        .filter(col("score").equalTo("ors_total").and(col("level").equalTo("individual"))).orderBy("couple", "partner")
        .first();
    org.closer.core.stats.Comoments xy = org.closer.core.stats.Comoments.create(2);
    for (Row s : spark.read().parquet(out.resolve("scores").toString())
        .filter(col("couple").equalTo(slope.<String>getAs("couple")).and(col("partner").equalTo(slope.<String>getAs("partner")))
            .and(col("timepoint").equalTo("session"))).collectAsList()) {
      xy.accept(new double[] {s.<Integer>getAs("session"), s.<Double>getAs("ors_total")});
    }
    assertEquals(org.closer.core.stats.Slope.of(xy).slope(), slope.<Double>getAs("slope"), 1e-9);
    assertEquals((int) xy.n(), slope.<Integer>getAs("sessions"));
  }

  /**
   * The slopes of the same scores, split into other files in another order, are equal to the last
   * bit: summed in another order they could differ there, and units with the same points would no
   * longer tie in the rank tests.
   */
  @Test
  void slopesDoNotDependOnHowTheScoresAreSplit() throws IOException {
    Path copy = Files.createTempDirectory("closer-resplit");
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path from : walk.toList()) {
        Path to = copy.resolve(out.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
    for (String dataset : List.of("scores", "couple_scores")) {
      spark.read().parquet(out.resolve(dataset).toString())
          .orderBy(col("session").desc_nulls_last(), col("couple").desc()).repartition(3)
          .write().mode("overwrite").parquet(copy.resolve(dataset).toString());
    }
    assertEquals(0, Closer.execute("outcomes", "--input", STUDY.toString(), "--out", copy.toString()));
    Dataset<Row> before = spark.read().parquet(out.resolve("trajectories").toString());
    Dataset<Row> after = spark.read().parquet(copy.resolve("trajectories").toString());
    assertTrue(before.count() > 100);
    assertEquals(0, before.exceptAll(after).count());
    assertEquals(0, after.exceptAll(before).count());
  }

  /**
   * A file Hadoop reads in many splits gives the same rows, each under the line number it has in
   * the file: the lines are numbered from each split's first line, counted for all files at once.
   */
  @Test
  void lineNumbersDoNotDependOnHowAFileIsSplit() throws IOException {
    Path split = Files.createTempDirectory("closer-splits");
    var hadoop = spark.sparkContext().hadoopConfiguration();
    String key = "mapreduce.input.fileinputformat.split.maxsize";
    String before = hadoop.get(key);
    hadoop.set(key, "16384"); // the sample's clinic files are 130-150 kB: about nine splits each
    try {
      assertEquals(0, Closer.execute("ingest", "--input", STUDY.toString(), "--out", split.toString()));
    } finally {
      if (before == null) {
        hadoop.unset(key);
      } else {
        hadoop.set(key, before);
      }
    }
    for (String dataset : List.of("responses", "quarantine")) {
      Dataset<Row> whole = spark.read().parquet(out.resolve(dataset).toString());
      Dataset<Row> inSplits = spark.read().parquet(split.resolve(dataset).toString());
      assertTrue(whole.count() > 10, dataset);
      assertEquals(0, whole.exceptAll(inSplits).count(), dataset);
      assertEquals(0, inSplits.exceptAll(whole).count(), dataset);
    }
  }

  private static String surveyKey(Row r) {
    return r.getAs("couple") + "/" + r.getAs("partner") + "/" + r.getAs("timepoint") + "/" + r.getAs("session");
  }

  /** Every couple and therapist code in the sample inputs. */
  private static Set<String> rawCodes() throws IOException {
    Set<String> codes = new TreeSet<>();
    CsvLines csv = new CsvLines(',');
    try (Stream<Path> files = Files.list(STUDY)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
        List<String> lines = Files.readAllLines(file);
        List<String> header = Arrays.asList(csv.split(lines.get(0)));
        int couple = header.indexOf("couple");
        int therapist = header.indexOf("therapist");
        for (String line : lines.subList(1, lines.size())) {
          String[] f = csv.split(line);
          for (int i : new int[] {couple, therapist}) {
            if (i >= 0 && f != null && i < f.length && f[i] != null && !f[i].isBlank()) {
              codes.add(f[i].trim());
            }
          }
        }
      }
    }
    return codes;
  }

  /** The light reader (core, no Spark) sees every dataset as Spark does. */
  @Test
  void theLightReaderLoadsEveryDatasetAsSparkSeesIt() {
    org.closer.core.read.DatasetReader reader = new org.closer.core.read.DatasetReader(out);
    for (org.closer.core.dataset.DatasetSchemas.Dataset d : org.closer.core.dataset.DatasetSchemas.Dataset.values()) {
      tech.tablesaw.api.Table t = reader.read(d);
      var spark = TestSpark.session().read().parquet(out.resolve(d.dir()).toString());
      assertEquals(spark.count(), t.rowCount(), d.dir());
      assertEquals(List.of(spark.columns()), t.columnNames(), d.dir());
    }
    tech.tablesaw.api.Table scores = reader.read("scores");
    double spark = TestSpark.session().read().parquet(out.resolve("scores").toString())
        .agg(sum("tls45_intimacy")).first().getDouble(0);
    assertEquals(spark, scores.doubleColumn("tls45_intimacy").sum(), 1e-9 * Math.abs(spark));
    assertEquals(scores.rowCount() - scores.doubleColumn("tls45_intimacy").countMissing(),
        TestSpark.session().read().parquet(out.resolve("scores").toString()).filter("tls45_intimacy is not null").count());
  }
}
