package org.closer.jobs.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.closer.core.ingest.Reason;
import org.closer.core.instrument.InstrumentCatalog;

/**
 * Writes a seeded synthetic study in the template format, one survey file per clinic, streaming
 * row by row. The last {@code rosterClinics} clinics give design variables in a roster file
 * instead of on each row. With {@code plantErrors}, a few deliberately bad rows of every kind are
 * added and listed, with the reason each must get, in an expectations file.
 */
public final class StudyGenerator {
  /**
   * @param expectations where to list the planted errors (file, line, reason), or null
   */
  public record Settings(Path out, int couples, int clinics, long seed, int rosterClinics, boolean plantErrors,
      Path expectations) {}

  /** What was written. */
  public record Result(List<Path> files, long surveyRows, int plantedErrors) {}

  private final CoupleSimulator simulator;

  public StudyGenerator(InstrumentCatalog catalog) {
    this.simulator = new CoupleSimulator(catalog);
  }

  public Result generate(Settings s) {
    try {
      Files.createDirectories(s.out());
      // Clinics are independent (each couple has its own seed), so they are written in parallel,
      // each streaming to its own file; the result is the same whatever the number of threads.
      int threads = Math.max(1, Math.min(s.clinics(), Runtime.getRuntime().availableProcessors()));
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<Clinic>> clinics = new ArrayList<>();
      try {
        for (int c = 1; c <= s.clinics(); c++) {
          int number = c;
          clinics.add(pool.submit(() -> clinic(s, number)));
        }
        List<Path> files = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        long rows = 0;
        for (Future<Clinic> f : clinics) {
          Clinic clinic = f.get();
          files.addAll(clinic.files());
          expected.addAll(clinic.expected());
          rows += clinic.rows();
        }
        if (s.expectations() != null) {
          Files.createDirectories(s.expectations().toAbsolutePath().getParent());
          List<String> lines = new ArrayList<>(List.of("source_file,source_line,reason"));
          lines.addAll(expected);
          Files.write(s.expectations(), lines, StandardCharsets.UTF_8);
        }
        return new Result(files, rows, expected.size());
      } finally {
        pool.shutdownNow();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while generating", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof UncheckedIOException u ? u : new IllegalStateException(e.getCause());
    }
  }

  /** What one clinic's files hold: survey rows (planted ones included) and the planted errors' lines. */
  private record Clinic(List<Path> files, long rows, List<String> expected) {}

  private Clinic clinic(Settings s, int c) throws IOException {
    List<Path> files = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    long rows = 0;
    boolean roster = c > s.clinics() - s.rosterClinics();
    String clinic = String.format(Locale.ROOT, "c%02d", c);
    Path file = s.out().resolve("clinic-" + clinic + ".csv");
    files.add(file);
    // Only a roster clinic keeps its couples (for the roster file); the others stream in flat memory.
    List<CoupleSimulator.Couple> couples = new ArrayList<>();
    CoupleSimulator.Couple first = null;
    int number = 0;
    try (Lines out = new Lines(file)) {
      out.write(header(s.plantErrors()));
      String[] firstRow = null;
      for (int i = c - 1; i < s.couples(); i += s.clinics()) {
        SplittableRandom rnd = new SplittableRandom(s.seed() ^ (0x9E3779B97F4A7C15L * (i + 1)));
        CoupleSimulator.Couple couple = CoupleSimulator.design(rnd, clinic, c, ++number, 4);
        first = first == null ? couple : first;
        if (roster) {
          couples.add(couple);
        }
        for (String[] row : simulator.surveys(rnd, couple, !roster)) {
          firstRow = firstRow == null ? row : firstRow;
          out.write(withNotes(row, s.plantErrors()));
          rows++;
        }
      }
      if (s.plantErrors() && firstRow != null) {
        Planted planted = roster
            ? plantRosterClinic(out, firstRow, first, clinic, c)
            : c == 1 ? plantRowErrors(out, firstRow) : Planted.NONE;
        planted.lines().forEach(l -> expected.add(file.getFileName() + "," + l));
        rows += planted.lines().size();
      }
    }
    if (roster) {
      Path rosterFile = s.out().resolve("roster-" + clinic + ".csv");
      files.add(rosterFile);
      try (Lines out = new Lines(rosterFile)) {
        out.write(new String[] {"clinic", "couple", "modality", "method", "session_minutes", "therapist", "start_month"});
        for (CoupleSimulator.Couple couple : couples) {
          out.write(rosterRow(couple));
        }
        if (s.plantErrors() && !couples.isEmpty()) {
          out.write(rosterRow(couples.get(0)));
          expected.add(rosterFile.getFileName() + "," + out.line() + "," + Reason.DUPLICATE_COUPLE);
          String[] bad = rosterRow(couples.get(0));
          bad[1] = String.format(Locale.ROOT, "cpl-%d-9998", c);
          bad[4] = "50";
          out.write(bad);
          expected.add(rosterFile.getFileName() + "," + out.line() + "," + Reason.BAD_CATEGORY);
        }
      }
    }
    return new Clinic(files, rows, expected);
  }

  private String[] header(boolean notes) {
    List<String> h = new ArrayList<>(List.of("clinic", "couple", "partner", "timepoint", "session", "month",
        "modality", "method", "session_minutes", "therapist"));
    h.addAll(simulator.itemColumns());
    if (notes) {
      // A column the template does not know: reported and never read.
      h.add("notes");
    }
    return h.toArray(String[]::new);
  }

  private static String[] withNotes(String[] row, boolean notes) {
    return notes ? Arrays.copyOf(row, row.length + 1) : row;
  }

  private static String[] rosterRow(CoupleSimulator.Couple c) {
    return new String[] {c.clinic(), c.code(), c.modality(), c.method(), Integer.toString(c.minutes()), c.therapist(),
        String.format(Locale.ROOT, "%04d-%02d", 2023 + c.startMonth() / 12, 1 + c.startMonth() % 12)};
  }

  /** The lines (with their reasons) planted in one file. */
  private record Planted(List<String> lines) {
    static final Planted NONE = new Planted(List.of());
  }

  /** One bad row of each row-level kind, made from the clinic's first (valid) row. */
  private static Planted plantRowErrors(Lines out, String[] valid) throws IOException {
    List<String> lines = new ArrayList<>();
    int tls45_3 = 10 + 2;
    plant(out, lines, valid, Reason.MISSING_FIELD, r -> r[2] = "");
    plant(out, lines, valid, Reason.BAD_CATEGORY, r -> r[6] = "hybrid");
    plant(out, lines, valid, Reason.BAD_CATEGORY, r -> r[3] = "midpoint");
    plant(out, lines, valid, Reason.BAD_SESSION, r -> { r[3] = "session"; r[4] = ""; });
    plant(out, lines, valid, Reason.BAD_SESSION, r -> r[4] = "2");
    plant(out, lines, valid, Reason.BAD_MONTH, r -> r[5] = "2024-13");
    plant(out, lines, valid, Reason.NOT_A_NUMBER, r -> r[tls45_3] = "seven");
    plant(out, lines, valid, Reason.ITEM_OUT_OF_RANGE, r -> r[tls45_3] = "12");
    plant(out, lines, valid, Reason.TOO_MANY_PARTNERS, r -> r[2] = "C");
    plant(out, lines, valid, Reason.DUPLICATE_SURVEY, r -> { });
    plant(out, lines, valid, Reason.PII_VALUE, r -> r[7] = "anna.svensson@example.se");
    plant(out, lines, valid, Reason.BAD_CLINIC, r -> r[0] = "Dr Svensson's practice");
    out.write(Arrays.copyOf(valid, 12));
    lines.add(out.line() + "," + Reason.MALFORMED_ROW);
    return new Planted(lines);
  }

  /** A survey for a couple the roster lacks, and one whose design contradicts the roster. */
  private static Planted plantRosterClinic(Lines out, String[] valid, CoupleSimulator.Couple first, String clinic,
      int index) throws IOException {
    List<String> lines = new ArrayList<>();
    plant(out, lines, valid, Reason.MISSING_DESIGN, r -> r[1] = String.format(Locale.ROOT, "cpl-%d-9999", index));
    plant(out, lines, valid, Reason.DESIGN_CONFLICT, r -> {
      r[3] = "followup";
      r[6] = first.modality().equals("online") ? "face_to_face" : "online";
    });
    return new Planted(lines);
  }

  private interface Edit {
    void apply(String[] row);
  }

  private static void plant(Lines out, List<String> lines, String[] valid, Reason reason, Edit edit) throws IOException {
    String[] row = Arrays.copyOf(valid, valid.length + 1);
    edit.apply(row);
    out.write(row);
    lines.add(out.line() + "," + reason);
  }

  /** A CSV file written line by line, counting lines (the header is line 1). */
  private static final class Lines implements AutoCloseable {
    private final BufferedWriter writer;
    private long line;

    Lines(Path file) throws IOException {
      this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    void write(String[] fields) throws IOException {
      for (int i = 0; i < fields.length; i++) {
        if (i > 0) {
          writer.write(',');
        }
        String f = fields[i] == null ? "" : fields[i];
        writer.write(f.indexOf(',') >= 0 || f.indexOf('"') >= 0 ? '"' + f.replace("\"", "\"\"") + '"' : f);
      }
      writer.write('\n');
      line++;
    }

    long line() {
      return line;
    }

    @Override
    public void close() throws IOException {
      writer.close();
    }
  }
}
