package org.closer.jobs.cli;

import java.util.concurrent.Callable;
import org.closer.jobs.Progress;
import org.closer.jobs.RunContext;
import org.closer.jobs.compare.ComparisonsJob;
import org.closer.jobs.ingest.IngestJob;
import org.closer.jobs.report.ReportJob;
import org.closer.jobs.score.ScoreJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run every stage: ingest, score, outcomes, compare, report. With no options it runs the bundled"
        + " sample study.")
final class RunCommand implements Callable<Integer> {
  @Mixin StudyOptions options;

  @Override
  public Integer call() {
    HeapWatch heap = new HeapWatch();
    RunContext ctx = options.context(true);
    Progress.Stage whole = ctx.progress().start("run");
    new IngestJob(ctx).run();
    new ScoreJob(ctx).run();
    OutcomesCommand.outcomes(ctx);
    new ComparisonsJob(ctx).run();
    new ReportJob(ctx).run();
    Manifest.write(ctx);
    ctx.outputs().commit();
    whole.done("outputs in " + ctx.outputs().root() + "/, manifest in " + ctx.outputs().root() + "/" + Manifest.FILE
        + "; " + heap.describe());
    return 0;
  }
}
