package org.closer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.closer.jobs.cli.Closer;
import org.junit.jupiter.api.Test;

/**
 * A study runs for years: exports are sent twice, corrected, and runs get killed. Uploads are
 * batches by SHA-256, and outputs change only by a commit that a reader sees whole.
 */
class ReingestTest {
  private static final Path C02 = SampleStudyTest.STUDY.resolve("clinic-c02.csv");

  private static int ingest(Path input, Path out) {
    return Closer.execute("ingest", "--demo-key", "--input", input.toString(), "--out", out.toString());
  }

  @Test
  void theSameFileTwiceAddsNothing() throws IOException {
    Path dir = Files.createTempDirectory("closer-twice");
    Path once = Files.createDirectories(dir.resolve("once"));
    Files.copy(C02, once.resolve("clinic-c02.csv"));
    Path twice = Files.createDirectories(dir.resolve("twice"));
    Files.copy(C02, twice.resolve("clinic-c02.csv"));
    Files.copy(C02, twice.resolve("clinic-c02 - Copy.csv"));
    assertEquals(0, ingest(once, dir.resolve("a")));
    assertEquals(0, ingest(twice, dir.resolve("b")));
    assertEquals(ExportFormatsTest.responses(dir.resolve("a")), ExportFormatsTest.responses(dir.resolve("b")));
    String summary = Files.readString(dir.resolve("b/ingest.json"));
    assertTrue(summary.contains("\"same_as\" : \"clinic-c02 - Copy.csv\""), summary);
    // Again into the same folder: the same outputs.
    assertEquals(0, ingest(twice, dir.resolve("b")));
    assertEquals(ExportFormatsTest.responses(dir.resolve("a")), ExportFormatsTest.responses(dir.resolve("b")));
    assertEquals(summary, Files.readString(dir.resolve("b/ingest.json")));
  }

  @Test
  void aCorrectedExportReplacesItsBatch() throws IOException {
    Path dir = Files.createTempDirectory("closer-corrected");
    List<String> lines = Files.readAllLines(C02, StandardCharsets.UTF_8);
    List<String> broken = new ArrayList<>(lines);
    broken.set(5, broken.get(5).replaceFirst(",intake,|,session,|,closing,|,followup,", ",midpoint,"));
    Path both = Files.createDirectories(dir.resolve("in/c02"));
    Files.write(both.resolve("Intake_November 20, 2026_10.12.csv"), broken);
    Files.write(both.resolve("Intake_November 22, 2026_09.01.csv"), lines);
    Path alone = Files.createDirectories(dir.resolve("alone"));
    Files.write(alone.resolve("Intake_November 22, 2026_09.01.csv"), lines);

    assertEquals(0, ingest(dir.resolve("in"), dir.resolve("a")));
    assertEquals(0, ingest(alone, dir.resolve("b")));
    assertEquals(ExportFormatsTest.responses(dir.resolve("b")), ExportFormatsTest.responses(dir.resolve("a")));
    assertEquals(0, TestSpark.session().read().parquet(dir.resolve("a/quarantine").toString()).count(),
        "the old export's bad row went with it");
    assertTrue(Files.readString(dir.resolve("a/ingest.json"))
        .contains("\"replaced_by\" : \"c02/Intake_November 22, 2026_09.01.csv\""));
  }

  @Test
  void aRunKilledMidWriteLeavesThePreviousOutputsAsTheyWere() throws Exception {
    Path dir = Files.createTempDirectory("closer-killed");
    Path out = dir.resolve("out");
    assertEquals(0, ingest(SampleStudyTest.STUDY, out));
    Map<String, String> before = digests(out);
    long responses = TestSpark.session().read().parquet(out.resolve("responses").toString()).count();

    List<String> command = TestProcesses.closer("ingest", "--demo-key", "--input",
        ExportFormatsTest.FORMATS.resolve("redcap").toString(), "--out", out.toString());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      while (!staged(out) && p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(p.isAlive(), "the run was still writing when it was killed: " + Files.readString(dir.resolve("log")));
      p.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
    } finally {
      p.destroyForcibly();
    }
    Map<String, String> after = digests(out);
    assertEquals(before, after, "committed outputs are untouched");
    assertEquals(responses, TestSpark.session().read().parquet(out.resolve("responses").toString()).count());

    // The next command on the folder clears the abandoned staging, then commits its own outputs.
    assertEquals(0, ingest(ExportFormatsTest.FORMATS.resolve("template"), out));
    try (Stream<Path> left = Files.list(out)) {
      assertFalse(left.anyMatch(f -> f.getFileName().toString().startsWith(".")), "no staging or journal is left");
    }
    assertEquals(22, TestSpark.session().read().parquet(out.resolve("responses").toString()).count());
  }

  /** A command killed between the journal and the last rename is completed by the next one. */
  @Test
  void anInterruptedCommitIsCompletedByTheNextCommand() throws IOException {
    Path out = Files.createTempDirectory("closer-commit");
    DataFs fs = new DataFs(new Configuration());
    Files.createDirectories(out.resolve("responses"));
    Files.writeString(out.resolve("responses/old.txt"), "old");
    Files.writeString(out.resolve("manifest.json"), "old manifest");
    Path staging = Files.createDirectories(out.resolve(".staging-x"));
    Files.createDirectories(staging.resolve("responses"));
    Files.writeString(staging.resolve("responses/new.txt"), "new");
    Files.createDirectories(staging.resolve("scores"));
    Files.writeString(staging.resolve("manifest.json"), "new manifest");
    Files.writeString(out.resolve(".commit"), staging + "\nresponses\nscores\nmanifest.json\n");
    // The crash came after responses had been moved aside, before its new version was moved in.
    Files.createDirectories(out.resolve(".staging-x.replaced"));
    Files.move(out.resolve("responses"), out.resolve(".staging-x.replaced/responses"));

    Outputs.recover(fs, out.toString());
    assertEquals("new", Files.readString(out.resolve("responses/new.txt")));
    assertFalse(Files.exists(out.resolve("responses/old.txt")));
    assertTrue(Files.isDirectory(out.resolve("scores")));
    assertEquals("new manifest", Files.readString(out.resolve("manifest.json")));
    try (Stream<Path> left = Files.list(out)) {
      assertEquals(List.of("manifest.json", "responses", "scores"), left.map(f -> f.getFileName().toString()).sorted().toList());
    }
  }

  private static boolean staged(Path out) throws IOException {
    try (Stream<Path> s = Files.list(out)) {
      return s.filter(f -> f.getFileName().toString().startsWith(".staging-"))
          .anyMatch(f -> Files.exists(f.resolve("responses")));
    }
  }

  /** Every committed file's SHA-256, by path (staging and journal aside). */
  private static Map<String, String> digests(Path out) throws Exception {
    Map<String, String> out2 = new TreeMap<>();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String rel = out.relativize(f).toString();
        if (!rel.startsWith(".staging-") && !rel.startsWith(".commit")) {
          out2.put(rel.replace(File.separatorChar, '/'), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(f))));
        }
      }
    }
    return out2;
  }
}
