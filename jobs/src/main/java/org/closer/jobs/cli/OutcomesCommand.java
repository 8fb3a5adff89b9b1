package org.closer.jobs.cli;

import java.util.concurrent.Callable;
import org.closer.jobs.RunContext;
import org.closer.jobs.outcomes.OutcomesJob;
import org.closer.jobs.outcomes.TrajectoriesJob;
import org.closer.jobs.score.Psychometrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "outcomes", mixinStandardHelpOptions = true,
    description = "Change from intake with reliable change, and session slopes: writes outcomes and trajectories.")
final class OutcomesCommand implements Callable<Integer> {
  @Mixin StudyOptions options;

  @Override
  public Integer call() {
    RunContext ctx = options.context(false);
    outcomes(ctx);
    Manifest.write(ctx);
    ctx.outputs().commit();
    return 0;
  }

  /** The sample's intake alpha, written by score, is the reliable change index's fallback reliability. */
  static void outcomes(RunContext ctx) {
    new OutcomesJob(ctx).run(Psychometrics.intakeAlpha(ctx));
    new TrajectoriesJob(ctx).run();
  }
}
