package org.closer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.closer.jobs.cli.Closer;
import org.junit.jupiter.api.Test;

/**
 * A clinic's export saved from Excel on a Swedish or German PC (semicolons, decimal commas, a
 * byte-order mark, a separator hint and CRLF; or Windows-1252 with tabs; or UTF-16) ingests to the
 * same responses as the template CSV it came from.
 */
class SpreadsheetExportsTest {
  @Test
  void spreadsheetDialectsGiveTheSameResponsesAsTheTemplate() throws IOException {
    Path template = SampleStudyTest.STUDY.resolve("clinic-c02.csv");
    List<String> lines = Files.readAllLines(template, StandardCharsets.UTF_8);
    Path dir = Files.createTempDirectory("closer-dialects");
    Path plain = Files.createDirectories(dir.resolve("plain"));
    Files.copy(template, plain.resolve("export.csv"));
    Path excel = Files.createDirectories(dir.resolve("excel"));
    List<String> semicolons = new ArrayList<>();
    List<String> tabs = new ArrayList<>();
    List<String> unicode = new ArrayList<>();
    int third = lines.size() / 3;
    for (int i = 0; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",", -1);
      for (int k = 0; k < f.length; k++) {
        f[k] = f[k].matches("\\d+\\.\\d+") ? f[k].replace('.', ',') : f[k];
      }
      // the first third as a Swedish Excel file, the second as a Windows-1252 tab-separated one, the
      // last as Excel's "Unicode Text" (UTF-16 with tabs)
      if (i <= third) {
        semicolons.add(String.join(";", f));
      }
      if (i == 0 || i > third) {
        f[f.length - 1] = i == 0 ? f[f.length - 1] : "på måndag";
        (i == 0 || i <= 2 * third ? tabs : unicode).add(String.join("\t", f));
      }
      if (i == 0) {
        unicode.add(String.join("\t", f));
      }
    }
    // Excel's separator hint above the header, and rows of separators only below the table, which
    // Excel saves where cells once held something: quarantined, once each
    String emptyRows = ";".repeat(semicolons.get(0).split(";").length - 1) + "\r\n";
    Files.write(excel.resolve("export-sv.csv"), ("\uFEFFsep=;\r\n" + String.join("\r\n", semicolons) + "\r\n"
        + emptyRows.repeat(3)).getBytes(StandardCharsets.UTF_8));
    Files.write(excel.resolve("export-de.csv"), (String.join("\n", tabs) + "\n").getBytes(Charset.forName("windows-1252")));
    Files.write(excel.resolve("export-unicode.tsv"), ("\uFEFF" + String.join("\r\n", unicode) + "\r\n"
        + emptyRows.replace(';', '\t').repeat(2)).getBytes(StandardCharsets.UTF_16LE));

    assertEquals(0, Closer.execute("ingest", "--demo-key", "--input", plain.toString(), "--out", dir.resolve("a").toString()));
    assertEquals(0, Closer.execute("ingest", "--demo-key", "--input", excel.toString(), "--out", dir.resolve("b").toString()));
    Set<String> expected = responses(dir.resolve("a"));
    Set<String> actual = responses(dir.resolve("b"));
    assertEquals(lines.size() - 1, expected.size());
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    assertTrue(missing.isEmpty() && actual.size() == expected.size(),
        missing.size() + " template rows differ or are missing, for example " + missing.stream().findFirst().orElse(""));
    assertTrue(actual.stream().anyMatch(r -> r.contains("7.5")), "decimal commas are read as decimals");
    List<Row> quarantined = TestSpark.session().read().parquet(dir.resolve("b/quarantine").toString())
        .groupBy("source_file", "reason").count().orderBy("source_file").collectAsList();
    assertEquals("[[export-sv.csv,EMPTY_ROW,3], [export-unicode.tsv,EMPTY_ROW,2]]", quarantined.toString());
    Row first = TestSpark.session().read().parquet(dir.resolve("b/responses").toString())
        .filter("source_file = 'export-sv.csv'").agg(org.apache.spark.sql.functions.min("source_line")).first();
    assertEquals(3L, ((Number) first.get(0)).longValue(), "the first row after the hint and the header is line 3");
  }

  /** Every response without its lineage (the files are split differently). */
  private static Set<String> responses(Path out) {
    Set<String> rows = new TreeSet<>();
    for (Row r : TestSpark.session().read().parquet(out.resolve("responses").toString()).drop("source_file", "source_line")
        .collectAsList()) {
      rows.add(r.mkString("|"));
    }
    return rows;
  }
}
