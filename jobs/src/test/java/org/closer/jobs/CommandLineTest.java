package org.closer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.closer.jobs.cli.Closer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and messages of the command line, as a user meets them. */
class CommandLineTest {
  private record Result(int code, String out, String err) {}

  private static Result closer(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Closer.execute(args);
      return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void helpListsCommandsAndExitCodes() {
    Result r = closer("--help");
    assertEquals(0, r.code());
    for (String word : new String[] {"run", "ingest", "score", "report", "instruments", "generate", "Exit codes",
        "input refused"}) {
      assertTrue(r.out().contains(word), word);
    }
    assertEquals(0, closer("run", "--help").code());
  }

  @Test
  void sparkSubmitConfSuppliesOptionDefaultsAndTheCommandLineWins(@TempDir Path dir) throws IOException {
    // spark-submit --conf spark.closer.out=DIR arrives in the driver as a system property.
    System.setProperty("spark.closer.out", dir.resolve("from-conf").toString());
    try {
      assertEquals(0, closer("schemas").code());
      assertTrue(Files.isRegularFile(dir.resolve("from-conf/responses.avsc")));
      assertEquals(0, closer("schemas", "--out", dir.resolve("from-flag").toString()).code());
      assertTrue(Files.isRegularFile(dir.resolve("from-flag/responses.avsc")));
    } finally {
      System.clearProperty("spark.closer.out");
    }
  }

  @Test
  void usageMistakesExitTwo() {
    Result r = closer("run", "--no-such-option");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--no-such-option"));
    assertEquals(2, closer().code());
  }

  @Test
  void realDataWithoutAKeyIsRefusedWithoutAStackTrace(@TempDir Path dir) throws IOException {
    Path input = Files.createDirectories(dir.resolve("in"));
    Files.writeString(input.resolve("k.csv"), "clinic,couple,partner,timepoint,session,month\nn,c1,A,intake,,2024-01\n");
    Result r = closer("ingest", "--input", input.toString(), "--out", dir.resolve("out").toString());
    assertEquals(3, r.code(), r.err());
    assertTrue(r.err().startsWith("Cannot pseudonymise without a key."), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace for a user mistake");
  }

  @Test
  void aMissingInputFolderIsRefused(@TempDir Path dir) {
    Result r = closer("run", "--demo-key", "--input", dir.resolve("nowhere").toString(), "--out", dir.toString());
    assertEquals(3, r.code());
    assertTrue(r.err().startsWith("Cannot find input folder: '"), r.err());
  }

  @Test
  void theClinicSideCheckFindsWhatTheIngestQuarantinesWithoutSpark() throws IOException {
    Result r = closer("check", SampleStudyTest.STUDY.toString());
    assertEquals(3, r.code(), "some rows would be quarantined: input refused");
    List<String> all = Files.readAllLines(SampleStudyTest.SAMPLES.resolve("expected/quarantine.csv"));
    List<String> expected = all.subList(1, all.size());
    for (String e : expected) {
      String[] f = e.split(",");
      assertTrue(r.out().contains(f[2] + "  Cannot ") && r.out().contains("(" + f[0] + ", line " + f[1]),
          "missing " + e + " in\n" + r.out());
    }
    assertTrue(r.out().contains("check:   2,624 rows, " + expected.size() + " would be quarantined"), r.out());
    assertFalse(r.out().contains("cpl-"), "no couple code is ever shown");
    assertFalse(r.out().contains("anna.svensson") || r.out().contains("Svensson"), "no identifying value is shown");
  }

  @Test
  void aCleanExportPassesTheCheck(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("k.csv");
    Files.writeString(file, "clinic,couple,partner,timepoint,session,month,modality,method,session_minutes,tls45_1\n"
        + "n,c1,A,intake,,2024-01,online,EFT,60,5\nn,c1,B,intake,,2024-01,online,EFT,60,6\n");
    Result r = closer("check", file.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("check:   2 rows, 0 would be quarantined"), r.out());
  }

  @Test
  void filesInAFolderThatAreNotExportsAreNamedAndAWorkbookIsRefused(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("mapping.yaml"), "columns: {}\n");
    Files.writeString(dir.resolve("Unicode export.txt"), "clinic\tcouple\n");
    Result nothing = closer("check", dir.toString());
    assertEquals(3, nothing.code(), "a folder without exports fails its check, as the ingest refuses it");
    assertTrue(nothing.out().contains("not read (Closer reads exports named .csv, .tsv or .parquet): Unicode export.txt")
        && nothing.err().startsWith("Cannot find any export: '" + dir + "'."), nothing.out() + nothing.err());
    Files.writeString(dir.resolve("k.csv"), "clinic,couple,partner,timepoint,session,month,modality,method,"
        + "session_minutes,tls45_1\nn,c1,A,intake,,2024-01,online,EFT,60,5\n");
    Result r = closer("check", dir.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("not read (Closer reads exports named .csv, .tsv or .parquet): Unicode export.txt\n"),
        r.out());
    Files.writeString(dir.resolve("k.xlsx"), "PK");
    Result workbook = closer("check", dir.toString());
    assertEquals(3, workbook.code(), "as the ingest refuses it");
    assertTrue(workbook.err().startsWith("Cannot read a workbook or statistics file (k.xlsx)."), workbook.err());
  }

  @Test
  void anUnknownSparkMasterIsAUsageError(@TempDir Path dir) {
    Result r = closer("ingest", "--demo-key", "--master", "nonsense", "--out", dir.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("Cannot use Spark master: 'nonsense' (--master)."), r.err());
  }

  @Test
  void instrumentsAreListed() {
    Result r = closer("instruments");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("tls45_intimacy") && r.out().contains("cut-off 51.5"), r.out());
  }

  @Test
  void generateIsSeededAndPlantsTheExpectedErrors(@TempDir Path dir) throws IOException {
    assertEquals(0, closer("generate", "--out", dir.resolve("a").toString(), "--couples", "9", "--seed", "5").code());
    assertEquals(0, closer("generate", "--out", dir.resolve("b").toString(), "--couples", "9", "--seed", "5").code());
    for (String f : new String[] {"clinic-c01.csv", "clinic-c03.csv", "roster-c03.csv"}) {
      assertEquals(Files.readString(dir.resolve("a").resolve(f)), Files.readString(dir.resolve("b").resolve(f)), f);
    }
    assertEquals(0, closer("generate", "--out", dir.resolve("c").toString(), "--couples", "9", "--plant-errors",
        "--expectations", dir.resolve("expected.csv").toString()).code());
    assertEquals(18, Files.readAllLines(dir.resolve("expected.csv")).size()); // header and 17 planted rows
  }
}
