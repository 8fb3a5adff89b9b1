package org.closer.jobs.cli;

import java.util.concurrent.Callable;
import org.closer.jobs.RunContext;
import org.closer.jobs.ingest.IngestJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Validate and pseudonymise the exports: writes responses, quarantine and ingest.json.")
final class IngestCommand implements Callable<Integer> {
  @Mixin StudyOptions options;

  @Override
  public Integer call() {
    RunContext ctx = options.context(true);
    new IngestJob(ctx).run();
    Manifest.write(ctx);
    ctx.outputs().commit();
    return 0;
  }
}
