package org.closer.jobs.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.closer.core.instrument.Instrument;
import org.closer.core.instrument.InstrumentCatalog;
import org.closer.core.instrument.Subscale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "instruments", mixinStandardHelpOptions = true,
    description = "List the instruments Closer scores: item columns, subscales, scoring and sources.")
final class InstrumentsCommand implements Callable<Integer> {
  @Option(names = "--instruments", paramLabel = "DIR",
      description = "Folder of instrument JSON files to check and list. Default: the built-in instruments.")
  Path dir;

  @Override
  public Integer call() {
    InstrumentCatalog catalog = dir == null ? InstrumentCatalog.builtIn() : InstrumentCatalog.load(dir);
    for (Instrument i : catalog.instruments()) {
      System.out.printf(Locale.ROOT, "%s  %s%n", i.id(), i.name());
      System.out.printf(Locale.ROOT, "  items   %s_1 .. %s_%d%n", i.id(), i.id(), i.items().size());
      for (Subscale s : i.subscales()) {
        System.out.printf(Locale.ROOT, "  %-22s %s of %d items, range %s-%s, scored with at most %d missing%s%n",
            s.column(), s.scoring().name().toLowerCase(Locale.ROOT), s.items().size(), num(s.minScore()),
            num(s.maxScore()), s.maxMissing(),
            s.cutoff() == null ? "" : ", cut-off " + num(s.cutoff().value()) + (s.cutoff().confirmed() ? "" : " (unconfirmed)"));
      }
      System.out.printf(Locale.ROOT, "  source  %s%n%n", i.source());
    }
    return 0;
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
