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
  /** The most heap the driver JVM held at once, over its pools: what must stay flat as studies grow. */
  static long peakHeapMb() {
    long bytes = 0;
    for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes >> 20;
  }

  @Mixin StudyOptions options;

  @Override
  public Integer call() {
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
        + "; driver heap peak " + peakHeapMb() + " MB");
    return 0;
  }
}
