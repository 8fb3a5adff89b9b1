package org.closer.jobs.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.closer.core.dataset.DatasetSchemas;
import org.closer.core.instrument.InstrumentCatalog;
import org.closer.core.stats.Moments;
import org.closer.jobs.DataFs;
import org.closer.jobs.Outputs;
import org.closer.jobs.TestSpark;
import org.closer.jobs.cli.Closer;
import org.junit.jupiter.api.Test;

/**
 * The report's tallies of scores whose couples are scattered over tasks (an older output, or files
 * cut between tasks) are the same to the last bit however the rows lie, and equal those of the walk
 * over whole couples but for the order their moments were summed in.
 */
class ScatteredTalliesTest {
  private static final InstrumentCatalog CATALOG = InstrumentCatalog.builtIn();
  private static final String STUDY = Path.of("..", "data-samples", "study").toString();

  @Test
  void talliesOfScatteredScoresAreTheSameHoweverTheRowsLie() throws IOException {
    SparkSession spark = TestSpark.session();
    Path out = Files.createTempDirectory("closer-tallies");
    assertEquals(0, Closer.execute("ingest", "--input", STUDY, "--out", out.toString()));
    assertEquals(0, Closer.execute("score", "--input", STUDY, "--out", out.toString()));
    Outputs outputs = new Outputs(out.toString(), new DatasetSchemas(CATALOG),
        new DataFs(spark.sparkContext().hadoopConfiguration()));
    Dataset<Row> whole = outputs.readWholeCouples(spark, DatasetSchemas.Dataset.SCORES).orElseThrow();

    CoupleTallies.Totals walked = ReportJob.people(whole, true, CATALOG);
    CoupleTallies.Totals three = ReportJob.people(whole.repartition(3), false, CATALOG);
    CoupleTallies.Totals seven = ReportJob.people(whole.repartition(7), false, CATALOG);

    assertSameTotals(three, seven, 0);
    assertSameTotals(walked, three, 1e-12);
    assertTrue(walked.sessionValues.size() > 50, "session cells: " + walked.sessionValues.size());
  }

  /** The same counts, and moments within {@code relative} of each other (0: the same bits). */
  private static void assertSameTotals(CoupleTallies.Totals expected, CoupleTallies.Totals actual, double relative) {
    for (var pair : new Object[][] {{expected.clinics, actual.clinics}, {expected.groups, actual.groups},
        {expected.timepoints, actual.timepoints}, {expected.sessions, actual.sessions},
        {expected.love, actual.love}}) {
      @SuppressWarnings("unchecked")
      Map<CoupleTallies.Key, long[]> e = (Map<CoupleTallies.Key, long[]>) pair[0];
      @SuppressWarnings("unchecked")
      Map<CoupleTallies.Key, long[]> a = (Map<CoupleTallies.Key, long[]>) pair[1];
      assertEquals(e.keySet(), a.keySet());
      e.forEach((k, counts) -> assertArrayEquals(counts, a.get(k), k.toString()));
    }
    assertSameMoments(expected.timepointValues, actual.timepointValues, relative);
    assertSameMoments(expected.sessionValues, actual.sessionValues, relative);
  }

  private static void assertSameMoments(Map<CoupleTallies.Key, Moments[]> expected,
      Map<CoupleTallies.Key, Moments[]> actual, double relative) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((cell, moments) -> {
      for (int s = 0; s < moments.length; s++) {
        Moments e = moments[s];
        Moments a = actual.get(cell)[s];
        String where = cell + " score " + s;
        assertEquals(e.n(), a.n(), where);
        assertClose(e.mean(), a.mean(), relative, where + " mean");
        assertClose(e.variance(), a.variance(), relative, where + " variance");
      }
    });
  }

  /** Within {@code relative} of each other, or the same bits where that is 0 or the value is not finite. */
  private static void assertClose(double expected, double actual, double relative, String where) {
    if (relative == 0 || !Double.isFinite(expected)) {
      assertEquals(expected, actual, where);
    } else {
      assertEquals(expected, actual, relative * Math.max(1, Math.abs(expected)), where);
    }
  }
}
