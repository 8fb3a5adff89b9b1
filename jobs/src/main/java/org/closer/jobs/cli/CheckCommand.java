package org.closer.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.closer.core.Messages;
import org.closer.core.UserException;
import org.closer.core.ingest.FileCheck;
import org.closer.core.dataset.DatasetSchemas;
import org.closer.core.ingest.export.ExportFormat;
import org.closer.core.ingest.export.ExportMapping;
import org.closer.core.ingest.export.ParquetExport;
import org.closer.core.privacy.PseudonymKey;
import org.closer.core.privacy.Pseudonymizer;
import org.closer.core.instrument.InstrumentCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The clinic-side check: no Spark, no key, seconds. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Check exports before handing them in: every problem with file, line, column, value and what to do.",
        "Runs without Spark. Exits 0 when every row would be accepted, 3 when some would be quarantined or there is"
            + " no export to check."})
final class CheckCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", arity = "1..*",
      description = "Exports (template CSV, Qualtrics, REDCap with its data dictionary, SurveyMonkey, LimeSurvey),"
          + " roster CSVs, or folders of them.")
  List<Path> files;

  @Option(names = "--instruments", paramLabel = "DIR", description = "Default: the built-in instruments.")
  Path instruments;

  @Option(names = "--mapping", paramLabel = "FILE",
      description = "Mapping (YAML) for every file checked. Default: NAME.mapping.yaml or mapping.yaml beside each file.")
  Path mapping;

  @Option(names = "--out", paramLabel = "FILE.parquet",
      description = {"Write the rows that would be accepted, pseudonymised with the study's key, as Parquet (the schema"
          + " of responses) to hand in instead of the raw export. Needs the key: CLOSER_KEY, --key-file or --demo-key."})
  Path out;

  @Option(names = "--key-file", paramLabel = "FILE", description = "File holding the study's pseudonymisation key.")
  Path keyFile;

  @Option(names = "--demo-key", description = "Use the public demo key (sample data only: it protects nothing).")
  boolean demoKey;

  @Override
  public Integer call() throws java.io.IOException {
    InstrumentCatalog catalog = instruments == null ? InstrumentCatalog.builtIn() : InstrumentCatalog.load(instruments);
    long started = System.nanoTime();
    PseudonymKey key = out == null ? null
        : demoKey && keyFile == null && System.getenv(PseudonymKey.ENV) == null ? PseudonymKey.demo()
        : PseudonymKey.resolve(keyFile, System.getenv());
    List<String> passedOver = new ArrayList<>();
    List<Path> exports = expand(files, passedOver);
    if (!passedOver.isEmpty()) {
      System.out.println(ExportFormat.passedOverNote(passedOver));
    }
    if (exports.isEmpty()) {
      // as the ingest refuses such a folder: a check of nothing must not pass
      throw UserException.inputRefused(Messages.cannot("find any export",
          String.join(", ", files.stream().map(Path::toString).toList()), null,
          "Give the exports to check (" + ExportFormat.HANDED_IN + "), or the folders that hold them"));
    }
    FileCheck.Result result = new FileCheck(catalog, mapping == null ? null : ExportMapping.load(mapping), key)
        .check(exports);
    for (FileCheck.Finding f : result.findings()) {
      System.out.println(f.problem().reason() + "  " + f.problem().message());
    }
    long rows = 0;
    for (FileCheck.FileResult f : result.files()) {
      rows += f.rows();
      System.out.printf(Locale.ROOT, "%s: %s %s (%s), %,d row%s%s%s%n", f.name(), f.format().label(),
          f.kind().name().toLowerCase(Locale.ROOT), f.format() == ExportFormat.PARQUET ? "pseudonymised" : f.dialect().describe(), f.rows(), f.rows() == 1 ? "" : "s",
          f.identifierColumns().isEmpty() ? "" : "; dropped unread (identifying or free text): " + String.join(", ", f.identifierColumns()),
          f.unknownColumns().isEmpty() ? "" : "; columns not read: " + String.join(", ", f.unknownColumns()));
    }
    StringBuilder reasons = new StringBuilder();
    result.byReason().forEach((reason, n) -> reasons.append(reasons.length() == 0 ? "" : ", ").append(reason).append(' ')
        .append(n));
    System.out.printf(Locale.ROOT, "check:   %,d row%s, %,d would be quarantined%s (%.1f s)%n", rows,
        rows == 1 ? "" : "s", result.quarantinedRows(), reasons.length() == 0 ? "" : " (" + reasons + ")", (System.nanoTime() - started) / 1e9);
    if (out != null) {
      Pseudonymizer pseudonymizer = new Pseudonymizer(key);
      ParquetExport.write(out, new DatasetSchemas(catalog).schema(DatasetSchemas.Dataset.RESPONSES), result.accepted(),
          pseudonymizer.keyFingerprint());
      System.out.printf(Locale.ROOT, "wrote:   %,d accepted row%s to %s%s%n", result.accepted().size(),
          result.accepted().size() == 1 ? "" : "s", out,
          result.clean() ? "" : "; the rows listed above are not in it: fix them in the export and check again");
    }
    return result.clean() ? 0 : UserException.Kind.INPUT_REFUSED.exitCode();
  }

  /**
   * The files given and the exports in the folders given; a folder's files that are passed over are
   * named in {@code passedOver}.
   */
  private static List<Path> expand(List<Path> given, List<String> passedOver) throws java.io.IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : given) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> list = Files.list(p)) {
          for (Path f : list.filter(Files::isRegularFile).sorted().toList()) {
            String name = f.getFileName().toString();
            if (name.startsWith(".") || name.startsWith("_")) {
              continue;
            }
            if (ExportFormat.passedOver(name)) {
              passedOver.add(name);
            } else if (!name.toLowerCase(Locale.ROOT).matches(".*\\.ya?ml")) {
              out.add(f);
            }
          }
        }
      } else if (Files.isRegularFile(p)) {
        out.add(p);
      } else {
        throw UserException.inputRefused(Messages.cannot("find file", p.toString(), null, "Check the path"));
      }
    }
    return out;
  }
}
