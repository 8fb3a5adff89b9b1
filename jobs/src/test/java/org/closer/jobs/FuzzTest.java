package org.closer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.closer.core.UserException;
import org.closer.core.ingest.FileCheck;
import org.closer.core.instrument.InstrumentCatalog;
import org.closer.jobs.cli.Closer;
import org.junit.jupiter.api.Test;

/**
 * Mutated exports of every format (truncated, re-encoded, stray quotes and separators, huge fields,
 * binary garbage, empty, headers only): no stack trace reaches the user, and each file is either
 * refused with a message in the project's grammar or fully accounted for, by both engines alike.
 */
class FuzzTest {
  private static final int CASES = 520;
  private static final int SPARK_CASES = 12;

  private record Mutant(String name, byte[] bytes) {}

  @Test
  void mutatedExportsAreRefusedClearlyOrFullyAccountedFor() throws Exception {
    Random random = new Random(20261122);
    List<Path> seeds = seeds();
    Path dir = Files.createTempDirectory("closer-fuzz");
    FileCheck check = new FileCheck(InstrumentCatalog.builtIn());
    int refused = 0;
    int accounted = 0;
    List<Path> forSpark = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      Path seed = seeds.get(i % seeds.size());
      Mutant m = mutate(Files.readAllBytes(seed), random, i);
      // A folder per case, with the seed's mapping and dictionary beside it.
      Path caseDir = Files.createDirectories(dir.resolve(String.format("case-%03d", i)));
      try (Stream<Path> siblings = Files.list(seed.getParent())) {
        for (Path s : siblings.filter(s -> !s.equals(seed) && (s.toString().endsWith(".yaml")
            || s.getFileName().toString().contains("DataDictionary"))).toList()) {
          Files.copy(s, caseDir.resolve(s.getFileName()));
        }
      }
      Path file = caseDir.resolve(seed.getFileName().toString());
      Files.write(file, m.bytes());

      String printed = cli(file);
      assertTrue(!printed.contains("Internal error") && !printed.contains("\tat ") && !printed.contains("Exception"),
          m.name() + " of " + seed + ": " + printed);
      try {
        FileCheck.Result r = check.check(List.of(file));
        long rows = r.files().stream().mapToLong(FileCheck.FileResult::rows).sum();
        assertTrue(r.quarantinedRows() <= rows, m.name() + ": more rows quarantined than read");
        r.findings().forEach(f -> assertTrue(f.problem().message().startsWith("Cannot "), f.problem().message()));
        accounted++;
        if (forSpark.size() < SPARK_CASES && i % 7 == 3) {
          forSpark.add(file);
        }
      } catch (UserException e) {
        assertTrue(e.getMessage().startsWith("Cannot ") && e.getMessage().endsWith("."), m.name() + ": " + e.getMessage());
        refused++;
      }
    }
    assertEquals(CASES, refused + accounted);
    assertTrue(refused > 20 && accounted > 200, refused + " refused, " + accounted + " accounted for");

    // The Spark ingest accounts for the same rows as the check, file by file.
    ObjectMapper json = new ObjectMapper();
    int sparkAccounted = 0;
    for (Path file : forSpark) {
      Path out = file.getParent().resolve("out");
      int code = Closer.execute("ingest", "--demo-key", "--input", file.getParent().toString(), "--out", out.toString());
      FileCheck.Result r = check.check(List.of(file));
      if (code == 0) {
        JsonNode f = json.readTree(out.resolve("ingest.json").toFile()).get("files").get(0);
        assertEquals(r.files().get(0).rows(), f.get("rows").asLong(), file.toString());
        assertEquals(r.quarantinedRows(), f.get("quarantined").asLong(), file.toString());
        sparkAccounted++;
      } else {
        assertEquals(3, code, file.toString());
      }
    }
    assertTrue(sparkAccounted >= SPARK_CASES / 2, sparkAccounted + " of " + forSpark.size());
    System.out.printf("fuzz: %d mutated exports: %d refused with a message, %d accounted for by the check;"
        + " %d of them ingested by Spark with the same counts%n", CASES, refused, accounted, sparkAccounted);
  }

  private static String cli(Path file) throws Exception {
    int[] code = new int[1];
    String printed = TestProcesses.captured(() -> code[0] = Closer.execute("check", file.toString()));
    return code[0] == 0 || code[0] == 3 ? printed : "exit " + code[0] + ": " + printed;
  }

  private static List<Path> seeds() throws IOException {
    List<Path> seeds = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ExportFormatsTest.FORMATS)) {
      files.filter(p -> p.toString().endsWith(".csv") && !p.getFileName().toString().contains("DataDictionary"))
          .sorted().forEach(seeds::add);
    }
    seeds.add(SampleStudyTest.STUDY.resolve("roster-c03.csv"));
    return seeds;
  }

  private static Mutant mutate(byte[] b, Random r, int i) {
    int kind = i % 13;
    return switch (kind) {
      case 0 -> new Mutant("truncated", Arrays.copyOf(b, r.nextInt(Math.max(1, b.length))));
      case 1 -> new Mutant("byte flips", flips(b, r, 1 + r.nextInt(20)));
      case 2 -> new Mutant("stray quotes", insert(b, r, "\"", 1 + r.nextInt(5)));
      case 3 -> new Mutant("stray separators", insert(b, r, r.nextBoolean() ? "," : r.nextBoolean() ? ";" : "\t", 1 + r.nextInt(8)));
      case 4 -> new Mutant("huge field", insert(b, r, "9".repeat(150_000 + r.nextInt(100_000)), 1));
      case 5 -> new Mutant("binary garbage", garbage(b, r));
      case 6 -> new Mutant("empty", r.nextBoolean() ? new byte[0] : "\n\r\n  \n".getBytes(StandardCharsets.US_ASCII));
      case 7 -> new Mutant("headers only", headersOnly(b, r));
      case 8 -> new Mutant("UTF-16", new String(b, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16));
      case 9 -> new Mutant("Windows-1252 with stray UTF-8", reencode(b, r));
      case 10 -> new Mutant("lines shuffled and repeated", shuffle(b, r));
      case 11 -> new Mutant("CR line endings and NULs", new String(b, StandardCharsets.UTF_8).replace('\n', '\r')
          .replace(",", r.nextBoolean() ? ",\u0000" : ",").getBytes(StandardCharsets.UTF_8));
      default -> new Mutant("everything at once", flips(insert(insert(Arrays.copyOf(b, Math.max(1, b.length - r.nextInt(200))),
          r, "\"", 2), r, ",", 3), r, 5));
    };
  }

  private static byte[] flips(byte[] b, Random r, int n) {
    byte[] c = b.clone();
    for (int k = 0; k < n && c.length > 0; k++) {
      c[r.nextInt(c.length)] = (byte) r.nextInt(256);
    }
    return c;
  }

  private static byte[] insert(byte[] b, Random r, String what, int n) {
    byte[] c = b;
    for (int k = 0; k < n; k++) {
      int at = c.length == 0 ? 0 : r.nextInt(c.length);
      byte[] w = what.getBytes(StandardCharsets.UTF_8);
      byte[] d = new byte[c.length + w.length];
      System.arraycopy(c, 0, d, 0, at);
      System.arraycopy(w, 0, d, at, w.length);
      System.arraycopy(c, at, d, at + w.length, c.length - at);
      c = d;
    }
    return c;
  }

  private static byte[] garbage(byte[] b, Random r) {
    byte[] g = new byte[1 + r.nextInt(4096)];
    r.nextBytes(g);
    if (r.nextBoolean()) {
      return g;
    }
    int at = r.nextInt(Math.max(1, b.length));
    byte[] c = Arrays.copyOf(b, at + g.length);
    System.arraycopy(g, 0, c, at, g.length);
    return c;
  }

  private static byte[] headersOnly(byte[] b, Random r) {
    String text = new String(b, StandardCharsets.UTF_8);
    List<String> lines = text.lines().toList();
    int keep = Math.min(lines.size(), 1 + r.nextInt(4));
    return (String.join("\n", lines.subList(0, keep)) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] reencode(byte[] b, Random r) {
    String text = new String(b, StandardCharsets.UTF_8).replace("A,", "Å,").replace("e", r.nextBoolean() ? "é" : "e");
    byte[] w = text.getBytes(Charset.forName("windows-1252"));
    return r.nextBoolean() ? w : insert(w, r, "ö", 3);
  }

  private static byte[] shuffle(byte[] b, Random r) {
    List<String> lines = new ArrayList<>(new String(b, StandardCharsets.UTF_8).lines().toList());
    if (lines.size() > 2) {
      for (int k = 0; k < 5; k++) {
        int a = 1 + r.nextInt(lines.size() - 1);
        lines.add(1 + r.nextInt(lines.size() - 1), lines.get(a));
      }
      java.util.Collections.swap(lines, 1 + r.nextInt(lines.size() - 1), 1 + r.nextInt(lines.size() - 1));
    }
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
