package org.closer.jobs.cli;

import java.util.concurrent.Callable;
import org.closer.jobs.RunContext;
import org.closer.jobs.compare.ComparisonsJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Compare groups on every change score and session slope: writes comparisons (the report adds"
        + " report/tables/comparisons.csv).")
final class CompareCommand implements Callable<Integer> {
  @Mixin StudyOptions options;

  @Override
  public Integer call() {
    RunContext ctx = options.context(false);
    new ComparisonsJob(ctx).run();
    Manifest.write(ctx);
    ctx.outputs().commit();
    return 0;
  }
}
