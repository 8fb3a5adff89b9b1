package org.closer.jobs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.closer.core.Messages;
import org.closer.core.UserException;
import org.closer.core.ingest.CsvLines;
import org.closer.jobs.compare.ComparisonsJob;
import org.closer.jobs.generate.PlantedEffects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Checks a run on a generated study against what the generator planted: the EFT vs IBCT g of the
 * intimacy change must lie in its 95% CI, and online vs face-to-face (no planted difference) must
 * be declared equivalent. Used by {@code bench/planted-effect}.
 */
@Command(name = "planted", hidden = true, mixinStandardHelpOptions = true,
    description = "Compare a generated study's comparisons with the effects the generator planted.")
final class PlantedCommand implements Callable<Integer> {
  @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "The run's output folder.")
  Path out;

  @Override
  public Integer call() throws IOException {
    Path csv = out.resolve(ComparisonsJob.CSV);
    if (!Files.isRegularFile(csv)) {
      throw UserException.inputRefused(Messages.cannot("find comparisons", csv.toString(), null,
          "Run 'closer run' on a generated study first"));
    }
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    CsvLines parser = new CsvLines(',');
    List<String> header = Arrays.asList(parser.split(lines.get(0)));
    boolean pass = true;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = parser.split(line);
      String comparison = f[header.indexOf("comparison")];
      String outcome = f[header.indexOf("outcome")];
      String level = f[header.indexOf("level")];
      if (!outcome.equals("tls45_intimacy_change") || !level.equals("individual")) {
        continue;
      }
      long na = Long.parseLong(f[header.indexOf("n_a")]);
      long nb = Long.parseLong(f[header.indexOf("n_b")]);
      double g = Double.parseDouble(f[header.indexOf("hedges_g")]);
      double low = Double.parseDouble(f[header.indexOf("g_low")]);
      double high = Double.parseDouble(f[header.indexOf("g_high")]);
      if (comparison.equals("method: EFT vs IBCT")) {
        double planted = PlantedEffects.intimacyG("EFT", "IBCT", na, nb);
        boolean ok = low <= planted && planted <= high;
        pass &= ok;
        System.out.printf(Locale.ROOT, "%s  EFT vs IBCT, intimacy change: planted g %.4f, estimated %.4f [%.4f, %.4f],"
            + " n %d vs %d%n", ok ? "PASS" : "FAIL", planted, g, low, high, na, nb);
      } else if (comparison.equals("modality: online vs face_to_face")) {
        boolean equivalent = "true".equals(f[header.indexOf("equivalent")]);
        boolean ok = equivalent && low <= 0 && 0 <= high;
        pass &= ok;
        System.out.printf(Locale.ROOT, "%s  online vs face_to_face, intimacy change: planted g 0, estimated %.4f"
            + " [%.4f, %.4f], TOST p %s, equivalent %s%n", ok ? "PASS" : "FAIL", g, low, high,
            f[header.indexOf("tost_p")], equivalent);
      }
    }
    System.out.println(pass ? "planted effects recovered" : "planted effects NOT recovered");
    return 0;
  }
}
