package org.closer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.closer.jobs.cli.Closer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fixtures in data-samples/formats (one small study written as each survey tool exports it,
 * with the tools' quirks) ingest to the same responses as the same study in the template.
 */
class ExportFormatsTest {
  static final Path FORMATS = SampleStudyTest.STUDY.getParent().resolve("formats");
  private static Path work;
  private static Set<String> template;

  @BeforeAll
  static void ingestTemplate() throws IOException {
    work = Files.createTempDirectory("closer-formats");
    assertEquals(0, ingest("template"));
    template = responses(work.resolve("template"));
    assertEquals(22, template.size());
  }

  private static int ingest(String format) {
    return Closer.execute("ingest", "--demo-key", "--input", FORMATS.resolve(format).toString(), "--out",
        work.resolve(format).toString());
  }

  @ParameterizedTest
  @CsvSource({"qualtrics, 1", "redcap, 0", "surveymonkey, 0", "limesurvey, 0"})
  void everyFormatGivesTheTemplatesResponses(String format, long quarantined) {
    assertEquals(0, ingest(format));
    Set<String> actual = responses(work.resolve(format));
    Set<String> missing = new TreeSet<>(template);
    missing.removeAll(actual);
    assertTrue(missing.isEmpty() && actual.size() == template.size(), format + ": " + missing.size()
        + " template rows differ or are missing, for example " + missing.stream().findFirst().orElse(""));
    long q = TestSpark.session().read().parquet(work.resolve(format).resolve("quarantine").toString()).count();
    assertEquals(quarantined, q, format + " quarantine");
  }

  @Test
  void parquetFromTheClinicSideCheckGivesTheSameResponses() throws IOException {
    Path in = Files.createDirectories(work.resolve("parquet-in"));
    Path parquet = in.resolve("c07.parquet");
    // The preview response is listed and left out: exit 3, and the accepted rows are written.
    assertEquals(3, Closer.execute("check", "--demo-key", "--out", parquet.toString(),
        FORMATS.resolve("qualtrics/long").toString(), FORMATS.resolve("qualtrics/sessions").toString()));
    assertEquals(0, Closer.execute("check", parquet.toString()), "the written file passes the check itself");
    assertEquals(0, Closer.execute("ingest", "--demo-key", "--input", in.toString(), "--out",
        work.resolve("parquet").toString()));
    assertEquals(template, responses(work.resolve("parquet")));
    Path key = Files.writeString(work.resolve("other.key"), "another-key-of-the-study-0123456789");
    assertEquals(3, Closer.execute("ingest", "--key-file", key.toString(), "--input", in.toString(), "--out",
        work.resolve("parquet-other-key").toString()), "rows pseudonymised with another key are refused");
  }

  @Test
  void theIngestNamesEachFilesFormatAndWhatItDropped() throws IOException {
    assertEquals(0, ingest("redcap"));
    String summary = Files.readString(work.resolve("redcap").resolve("ingest.json"));
    assertTrue(summary.contains("\"format\" : \"redcap\""), summary);
    for (String dropped : List.of("pt_name", "pt_email", "pt_phone", "dob", "session_notes")) {
      assertTrue(summary.contains("\"" + dropped + "\""), dropped + " listed as dropped");
    }
    assertTrue(!summary.contains("CouplesStudy_DataDictionary"), "a data dictionary is not an export");
  }

  /** Every response without its lineage (the files are split differently). */
  static Set<String> responses(Path out) {
    Set<String> rows = new TreeSet<>();
    for (Row r : TestSpark.session().read().parquet(out.resolve("responses").toString())
        .drop("source_file", "source_line").collectAsList()) {
      rows.add(r.mkString("|"));
    }
    return rows;
  }
}
