package org.closer.jobs.cli;

import java.util.concurrent.Callable;
import org.closer.jobs.RunContext;
import org.closer.jobs.report.ReportJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write the report (report.html, report.md, summary.json, tables and figures) from the datasets"
        + " in --out.")
final class ReportCommand implements Callable<Integer> {
  @Mixin StudyOptions options;

  @Override
  public Integer call() {
    RunContext ctx = options.context(false);
    new ReportJob(ctx).run();
    Manifest.write(ctx);
    ctx.outputs().commit();
    return 0;
  }
}
