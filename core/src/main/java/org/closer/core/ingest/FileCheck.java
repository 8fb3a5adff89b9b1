package org.closer.core.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.closer.core.Messages;
import org.closer.core.UserException;
import org.closer.core.instrument.InstrumentCatalog;
import org.closer.core.privacy.PseudonymKey;
import org.closer.core.privacy.Pseudonymizer;

/**
 * The clinic-side check: the same rules as the Spark ingest (core's validators and
 * {@link CoupleChecks}), run in memory on a few exports, in seconds. Codes are pseudonymised with
 * a key that lives only in this process, so that nothing it reports can identify a person.
 */
public final class FileCheck {
  /** One file's account. */
  public record FileResult(String name, ColumnLayout.FileKind kind, CsvDialect dialect, long rows,
      List<String> unknownColumns, List<String> identifierColumns) {}

  /** A problem with the row it was found on. */
  public record Finding(String file, long line, Problem problem) {}

  /** What the check found: every problem, in file and line order. */
  public record Result(List<FileResult> files, List<Finding> findings, Map<Reason, Long> byReason) {
    public boolean clean() {
      return findings.isEmpty();
    }

    /** Rows that would be quarantined (a row may have several problems). */
    public long quarantinedRows() {
      return findings.stream().map(f -> f.file() + "\u0000" + f.line()).distinct().count();
    }
  }

  private final InstrumentCatalog catalog;
  private final Pseudonymizer pseudonymizer = new Pseudonymizer(PseudonymKey.ephemeral());

  public FileCheck(InstrumentCatalog catalog) {
    this.catalog = catalog;
  }

  public Result check(List<Path> files) {
    List<FileResult> results = new ArrayList<>();
    List<Finding> found = new ArrayList<>();
    Map<String, List<SurveyRecord>> surveys = new LinkedHashMap<>();
    Map<String, List<RosterRecord>> rosters = new LinkedHashMap<>();
    for (Path file : files) {
      results.add(read(file, found, surveys, rosters));
    }
    for (String couple : union(surveys, rosters)) {
      CoupleChecks.Result r = CoupleChecks.check(surveys.getOrDefault(couple, List.of()),
          rosters.getOrDefault(couple, List.of()));
      r.surveys().forEach(s -> s.problems().forEach(p -> found.add(new Finding(s.file(), s.line(), p))));
      r.rosters().forEach(s -> s.problems().forEach(p -> found.add(new Finding(s.file(), s.line(), p))));
    }
    found.sort(Comparator.comparing(Finding::file).thenComparingLong(Finding::line));
    Map<Reason, Long> byReason = new LinkedHashMap<>();
    for (Reason reason : Reason.values()) {
      long n = found.stream().filter(f -> f.problem().reason() == reason).count();
      if (n > 0) {
        byReason.put(reason, n);
      }
    }
    return new Result(results, List.copyOf(found), byReason);
  }

  private FileResult read(Path file, List<Finding> found, Map<String, List<SurveyRecord>> surveys,
      Map<String, List<RosterRecord>> rosters) {
    String name = file.getFileName().toString();
    CsvDialect dialect = dialect(file);
    CsvLines csv = new CsvLines(dialect.delimiter());
    try (BufferedReader in = Files.newBufferedReader(file, dialect.charsetValue())) {
      ColumnLayout layout = null;
      SurveyValidator survey = null;
      RosterValidator roster = null;
      long rows = 0;
      long lineNumber = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        if (CsvLines.isBlank(line)) {
          continue;
        }
        if (layout == null) {
          String[] header = csv.split(line);
          if (header == null) {
            throw UserException.inputRefused(Messages.cannot("read header with unbalanced quotes", null,
                Messages.where(name, lineNumber, null), "Fix the quoting of the first line"));
          }
          layout = ColumnLayout.of(header, catalog);
          survey = new SurveyValidator(name, layout, catalog, pseudonymizer);
          roster = new RosterValidator(name, layout, pseudonymizer);
          continue;
        }
        rows++;
        String[] fields = csv.split(line);
        if (layout.kind() == ColumnLayout.FileKind.ROSTER) {
          RosterRecord r = roster.validate(lineNumber, fields);
          if (r.isValid()) {
            rosters.computeIfAbsent(r.clinic() + "\u0000" + r.couple(), k -> new ArrayList<>()).add(r);
          } else {
            r.problems().forEach(p -> found.add(new Finding(name, r.line(), p)));
          }
        } else {
          SurveyRecord r = survey.validate(lineNumber, fields);
          if (r.isValid()) {
            // Only the keys are needed to find duplicates; the answers are dropped at once.
            surveys.computeIfAbsent(r.clinic() + "\u0000" + r.couple(), k -> new ArrayList<>()).add(new SurveyRecord(
                r.file(), r.line(), r.clinic(), r.couple(), r.partner(), r.timepoint(), r.session(), r.month(), r.design(),
                new double[0], r.problems()));
          } else {
            r.problems().forEach(p -> found.add(new Finding(name, r.line(), p)));
          }
        }
      }
      return new FileResult(name, layout == null ? ColumnLayout.FileKind.SURVEY : layout.kind(), dialect, rows,
          layout == null ? List.of() : layout.unknownColumns(), layout == null ? List.of() : layout.identifierColumns());
    } catch (IOException e) {
      throw UserException.inputRefused(Messages.cannot("read file", name, null,
          "Check that it exists and is readable (" + e.getMessage() + ")"));
    }
  }

  private static CsvDialect dialect(Path file) {
    try (var in = Files.newInputStream(file)) {
      return CsvDialect.detect(in.readNBytes(64 * 1024));
    } catch (IOException e) {
      throw UserException.inputRefused(Messages.cannot("read file", file.getFileName().toString(), null,
          "Check that it exists and is readable"));
    }
  }

  private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
    List<String> keys = new ArrayList<>(a.keySet());
    b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
    return keys;
  }
}
