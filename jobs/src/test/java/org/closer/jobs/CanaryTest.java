package org.closer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.closer.core.dataset.DatasetSchemas;
import org.closer.jobs.cli.Closer;
import org.junit.jupiter.api.Test;

/**
 * Identifiers of every kind, planted in every format, reach no byte of the outputs (Parquet read
 * back cell by cell, every other file byte by byte) and no line of what the commands print, Spark's
 * own logging included.
 */
class CanaryTest {
  /** Canary value planted, with what it stands for. */
  private static final Map<String, String> CANARIES = new LinkedHashMap<>();

  static {
    CANARIES.put("Canaryanna", "first name");
    CANARIES.put("Canarysson", "last name");
    CANARIES.put("canaryfirst", "first name in an e-mail address");
    CANARIES.put("canary-mail.example", "e-mail address");
    CANARIES.put("172.31.254.", "IP address");
    CANARIES.put("canary-url.example", "web address");
    CANARIES.put("987 65", "phone number");
    CANARIES.put("123 4567", "phone number in an item");
    CANARIES.put("555 12 34", "phone number in free text");
    CANARIES.put("121212-1212", "personnummer");
    CANARIES.put("19460101-4455", "personnummer in free text");
    CANARIES.put("078-05-1120", "social security number");
    CANARIES.put("1911-11-1", "birth date");
    CANARIES.put("59.3293", "latitude");
    CANARIES.put("Storgatan 7", "street address");
    CANARIES.put("Canaryfreetext", "free-text answer");
    CANARIES.put("Canarynotes", "REDCap notes field");
    CANARIES.put("K-10", "the clinic's couple code");
    CANARIES.put("T-1", "the clinic's therapist code");
    CANARIES.put("R_", "Qualtrics response id");
  }

  @Test
  void noPlantedIdentifierReachesAnyOutputOrLog() throws Exception {
    Path dir = Files.createTempDirectory("closer-canary");
    Path study = plant(dir.resolve("study"));
    Path out = dir.resolve("out");
    List<String> planted = new ArrayList<>();
    try (Stream<Path> files = Files.walk(study)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        scanText(f.toString(), Files.readString(f), planted);
      }
    }
    for (String canary : CANARIES.keySet()) {
      assertTrue(planted.stream().anyMatch(p -> p.contains("'" + canary + "'")), canary + " is planted in the inputs");
    }

    // The clinic-side check, with its Parquet output, in this JVM with its printing captured.
    String checkLog = TestProcesses.captured(() -> Closer.execute("check", "--demo-key", "--out", out.resolve("handed-in.parquet").toString(),
        study.resolve("template").toString(), study.resolve("qualtrics/long").toString()));
    Files.createDirectories(out);

    // The whole pipeline in its own JVM, with Spark's logging on, everything it prints captured.
    List<String> command = TestProcesses.closer("run", "--verbose", "--demo-key", "--input", study.toString(), "--out",
        out.resolve("run").toString());
    Path log = dir.resolve("run.log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      assertTrue(p.waitFor(600, TimeUnit.SECONDS), "the run finished");
    } finally {
      p.destroyForcibly();
    }
    String runLog = Files.readString(log);
    assertEquals(0, p.exitValue(), runLog.lines().filter(l -> !l.contains(" INFO ")).limit(40).toList().toString());
    assertTrue(runLog.contains("PII_VALUE") || Files.readString(out.resolve("run/ingest.json")).length() > 0);

    List<String> found = new ArrayList<>();
    scanText("closer check output", checkLog, found);
    scanText("closer run output", runLog, found);
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        scanText(out.relativize(f).toString(), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1), found);
      }
    }
    for (DatasetSchemas.Dataset d : DatasetSchemas.Dataset.values()) {
      for (Row r : TestSpark.session().read().parquet(out.resolve("run").resolve(d.dir()).toString()).collectAsList()) {
        scanText(d.dir(), r.mkString("|"), found);
      }
    }
    for (Row r : TestSpark.session().read().parquet(out.resolve("handed-in.parquet").toString()).collectAsList()) {
      scanText("handed-in.parquet", r.mkString("|"), found);
    }
    assertTrue(found.isEmpty(), found.toString());
    long quarantined = TestSpark.session().read().parquet(out.resolve("run/quarantine").toString())
        .filter("reason = 'PII_VALUE'").count();
    assertTrue(quarantined >= 5, "rows carrying identifying values in kept columns are quarantined: " + quarantined);
  }

  private static void scanText(String where, String text, List<String> found) {
    CANARIES.forEach((canary, kind) -> {
      if (text.contains(canary)) {
        int i = text.indexOf(canary);
        found.add(kind + " '" + canary + "' in " + where + ": ..."
            + text.substring(Math.max(0, i - 60), Math.min(text.length(), i + 40)).replace('\n', ' ') + "...");
      }
    });
  }

  /** The format fixtures with canaries in identifying columns, free text and kept columns. */
  private static Path plant(Path study) throws IOException {
    Path formats = ExportFormatsTest.FORMATS;
    try (Stream<Path> files = Files.walk(formats)) {
      for (Path f : files.filter(Files::isRegularFile).filter(x -> !x.toString().endsWith(".py")).toList()) {
        Path target = study.resolve(formats.relativize(f).toString());
        Files.createDirectories(target.getParent());
        String text = Files.readString(f)
            .replace("anna", "canaryfirst").replace("Anna", "Canaryanna")
            .replace("lindqvist", "canarylast").replace("Lindqvist", "Canarysson")
            .replace("example.se", "canary-mail.example")
            .replace("192.0.2.", "172.31.254.").replace("198.51.100.", "172.31.254.").replace("203.0.113.", "172.31.254.")
            .replace("https://clinic.canary-mail.example", "https://canary-url.example")
            .replace("070-123 45", "070-987 65")
            .replace("1988-0", "1911-11-1").replace("We argued less", "Canaryfreetext")
            .replace("Talked about", "Canarynotes").replace("sent from my phone", "19460101-4455, Storgatan 7");
        Files.writeString(target, text);
      }
    }
    // Identifying values in columns that are kept or merely not read, in the template and a spreadsheet.
    Path template = study.resolve("template/clinic-c07.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(template));
    lines.set(0, lines.get(0) + ",email,home_address,extra");
    for (int i = 1; i < lines.size(); i++) {
      lines.set(i, lines.get(i) + ",canaryanna@canary-mail.example,Storgatan 7,");
    }
    lines.set(1, lines.get(1).replaceFirst(",K-101,", ",121212-1212,"));
    lines.set(2, lines.get(2).replaceFirst(",EFT,", ",canaryanna@canary-mail.example,"));
    lines.set(3, lines.get(3).replaceFirst(",T-1,", ",078-05-1120,"));
    lines.set(4, lines.get(4).replaceFirst(",$", ",https://canary-url.example/profile"));
    String[] f = lines.get(5).split(",", -1);
    f[12] = "+46 70 123 4567";
    lines.set(5, String.join(",", f));
    lines.set(6, lines.get(6).replaceFirst(",$", ",Canaryfreetext 172.31.254.9"));
    Files.write(template, lines);
    Path excel = Files.createDirectories(study.resolve("spreadsheet"));
    List<String> semicolons = new ArrayList<>();
    for (String line : lines.subList(0, 4)) {
      semicolons.add(line.replace(',', ';').replace("c07", "c08"));
    }
    Files.writeString(excel.resolve("export.csv"), "\uFEFF" + String.join("\r\n", semicolons) + "\r\n");
    return study;
  }
}
