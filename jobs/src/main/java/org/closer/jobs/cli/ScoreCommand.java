package org.closer.jobs.cli;

import java.util.concurrent.Callable;
import org.closer.jobs.RunContext;
import org.closer.jobs.score.ScoreJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "score", mixinStandardHelpOptions = true,
    description = "Score the questionnaires of responses, with each subscale's reliability: writes scores,"
        + " couple_scores and psychometrics.")
final class ScoreCommand implements Callable<Integer> {
  @Mixin StudyOptions options;

  @Override
  public Integer call() {
    RunContext ctx = options.context(false);
    new ScoreJob(ctx).run();
    Manifest.write(ctx);
    ctx.outputs().commit();
    return 0;
  }
}
