package org.closer.core.ingest;

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
import org.apache.parquet.io.LocalInputFile;
import org.closer.core.ingest.export.ParquetExport;
import org.closer.core.ingest.export.RecordSource;
import org.closer.core.ingest.export.CsvRecords;
import org.closer.core.ingest.export.ExportFormat;
import org.closer.core.ingest.export.ExportHeader;
import org.closer.core.ingest.export.ExportMapping;
import org.closer.core.ingest.export.RedcapDictionary;
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
  public record FileResult(String name, ExportFormat format, ColumnLayout.FileKind kind, CsvDialect dialect, long rows,
      List<String> unknownColumns, List<String> identifierColumns) {}

  /** A problem with the row it was found on. */
  public record Finding(String file, long line, Problem problem) {}

  /**
   * What the check found: every problem, in file and line order, and (when asked for) the survey
   * rows that would be accepted, pseudonymised with the study's key.
   */
  public record Result(List<FileResult> files, List<Finding> findings, Map<Reason, Long> byReason,
      List<SurveyRecord> accepted) {
    public boolean clean() {
      return findings.isEmpty();
    }

    /** Rows that would be quarantined (a row may have several problems). */
    public long quarantinedRows() {
      return findings.stream().map(f -> f.file() + "\u0000" + f.line()).distinct().count();
    }
  }

  private final InstrumentCatalog catalog;
  private final ExportMapping mapping;
  private final Pseudonymizer pseudonymizer;
  private final boolean keepRows;

  /**
   * @param mapping the mapping for every file, or null to look for each file's own beside it
   * @param key the study's key, to keep the accepted rows pseudonymised with it; null to check only,
   *     with a key that lives in this process alone
   */
  public FileCheck(InstrumentCatalog catalog, ExportMapping mapping, PseudonymKey key) {
    this.catalog = catalog;
    this.mapping = mapping;
    this.pseudonymizer = new Pseudonymizer(key == null ? PseudonymKey.ephemeral() : key);
    this.keepRows = key != null;
  }

  public FileCheck(InstrumentCatalog catalog) {
    this(catalog, null, null);
  }

  public Result check(List<Path> files) {
    List<FileResult> results = new ArrayList<>();
    List<Finding> found = new ArrayList<>();
    Map<String, List<SurveyRecord>> surveys = new LinkedHashMap<>();
    Map<String, List<RosterRecord>> rosters = new LinkedHashMap<>();
    List<RedcapDictionary> dictionaries = new ArrayList<>();
    List<Path> exports = new ArrayList<>();
    for (Path file : files) {
      String lower = name(file).toLowerCase(java.util.Locale.ROOT);
      if (java.util.Arrays.stream(ExportFormat.UNREADABLE_SUFFIXES).anyMatch(lower::endsWith)) {
        throw ExportFormat.notExported(name(file));
      }
      byte[] head = head(file);
      if (ExportHeader.sniff(name(file), head) == ExportFormat.REDCAP_DICTIONARY) {
        CsvDialect dialect = CsvDialect.detect(head);
        dictionaries.add(RedcapDictionary.parse(name(file), bytes(file), dialect.charsetValue(), dialect.delimiter()));
      } else {
        exports.add(file);
      }
    }
    if (dictionaries.isEmpty()) {
      dictionaries.addAll(siblingDictionaries(exports));
    }
    for (Path file : exports) {
      results.add(read(file, dictionaries, found, surveys, rosters));
    }
    List<SurveyRecord> accepted = new ArrayList<>();
    for (String couple : union(surveys, rosters)) {
      CoupleChecks.Result r = CoupleChecks.check(surveys.getOrDefault(couple, List.of()),
          rosters.getOrDefault(couple, List.of()));
      r.surveys().stream().filter(SurveyRecord::isValid).filter(x -> keepRows).forEach(accepted::add);
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
    accepted.sort(Comparator.comparing(SurveyRecord::file).thenComparingLong(SurveyRecord::line));
    return new Result(results, List.copyOf(found), byReason, accepted);
  }

  /** REDCap data dictionaries beside the exports, for an export checked on its own. */
  private static List<RedcapDictionary> siblingDictionaries(List<Path> exports) {
    List<RedcapDictionary> out = new ArrayList<>();
    exports.stream().map(p -> p.toAbsolutePath().getParent()).filter(java.util.Objects::nonNull).distinct()
        .forEach(folder -> {
          try (var files = Files.list(folder)) {
            for (Path f : files.filter(f -> f.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")).sorted().toList()) {
              byte[] head = head(f);
              if (!exports.contains(f) && ExportHeader.sniff(name(f), head) == ExportFormat.REDCAP_DICTIONARY) {
                CsvDialect dialect = CsvDialect.detect(head);
                out.add(RedcapDictionary.parse(name(f), bytes(f), dialect.charsetValue(), dialect.delimiter()));
              }
            }
          } catch (IOException | UserException e) {
            // a folder or sibling that cannot be read is not a dictionary
          }
        });
    return out;
  }

  /** The mapping given for every file, else the file's own beside it, else none. */
  private ExportMapping mappingFor(Path file) {
    if (mapping != null) {
      return mapping;
    }
    for (String candidate : ExportMapping.candidates(name(file))) {
      Path m = file.resolveSibling(candidate);
      if (Files.isRegularFile(m)) {
        return ExportMapping.load(m);
      }
    }
    return ExportMapping.NONE;
  }

  private FileResult read(Path file, List<RedcapDictionary> dictionaries, List<Finding> found,
      Map<String, List<SurveyRecord>> surveys, Map<String, List<RosterRecord>> rosters) {
    String name = name(file);
    boolean parquet = ExportHeader.sniff(name, head(file)) == ExportFormat.PARQUET;
    ExportHeader header = parquet ? ParquetExport.header(name, new LocalInputFile(file), catalog)
        : ExportHeader.read(name, head(file), () -> Files.newInputStream(file), mappingFor(file), dictionaries, catalog);
    ColumnLayout layout = header.layout();
    Pseudonymizer codes = parquet ? Pseudonymizer.alreadyApplied() : pseudonymizer;
    SurveyValidator survey = new SurveyValidator(name, layout, catalog, codes);
    RosterValidator roster = new RosterValidator(name, layout, codes);
    long rows = 0;
    try (var in = Files.newInputStream(file); RecordSource records = parquet
        ? ParquetExport.records(name, new LocalInputFile(file), List.of(layout.translation().names()))
        : header.records(in)) {
      for (CsvRecords.Record rec = records.next(); rec != null; rec = records.next()) {
        rows++;
        long lineNumber = rec.line();
        String[] fields = rec.fields();
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
            // Only the keys are needed to find duplicates, unless the rows are kept.
            surveys.computeIfAbsent(r.clinic() + "\u0000" + r.couple(), k -> new ArrayList<>()).add(keepRows ? r
                : new SurveyRecord(r.file(), r.line(), r.clinic(), r.couple(), r.partner(), r.timepoint(), r.session(),
                    r.month(), r.design(), new double[0], r.problems()));
          } else {
            r.problems().forEach(p -> found.add(new Finding(name, r.line(), p)));
          }
        }
      }
    } catch (IOException e) {
      throw unreadable(name, e);
    }
    return new FileResult(name, header.format(), layout.kind(), header.dialect(), rows, layout.unknownColumns(),
        layout.identifierColumns());
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }

  private static byte[] head(Path file) {
    try (var in = Files.newInputStream(file)) {
      return in.readNBytes(ExportHeader.HEAD_BYTES);
    } catch (IOException e) {
      throw unreadable(name(file), e);
    }
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw unreadable(name(file), e);
    }
  }

  private static UserException unreadable(String name, IOException e) {
    return UserException.inputRefused(Messages.cannot("read file", name, null,
        "Check that it exists and is readable (" + e.getClass().getSimpleName() + ")"));
  }

  private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
    List<String> keys = new ArrayList<>(a.keySet());
    b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
    return keys;
  }
}
