package org.closer.jobs.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.closer.core.instrument.InstrumentCatalog;
import org.closer.jobs.Progress;
import org.closer.jobs.generate.StudyGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write a seeded synthetic study in the template format (for trying Closer and for benchmarks).")
final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write the study's CSVs to.")
  Path out;

  @Option(names = "--couples", defaultValue = "120", description = "Number of couples. Default: ${DEFAULT-VALUE}.")
  int couples;

  @Option(names = "--clinics", defaultValue = "3", description = "Number of clinics. Default: ${DEFAULT-VALUE}.")
  int clinics;

  @Option(names = "--roster-clinics", defaultValue = "1",
      description = "How many clinics give design variables in a roster file. Default: ${DEFAULT-VALUE}.")
  int rosterClinics;

  @Option(names = "--seed", defaultValue = "20261122", description = "Random seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--plant-errors", description = "Add bad rows of every kind and list them in --expectations.")
  boolean plantErrors;

  @Option(names = "--expectations", paramLabel = "FILE",
      description = "With --plant-errors: CSV listing each planted row's file, line and expected reason.")
  Path expectations;

  @Override
  public Integer call() {
    if (couples < 1 || clinics < 1 || rosterClinics < 0 || rosterClinics > clinics) {
      throw org.closer.core.UserException.usage(org.closer.core.Messages.cannot("generate a study",
          couples + " couples in " + clinics + " clinics", null,
          "Use at least one couple and one clinic, and at most as many roster clinics as clinics"));
    }
    Progress progress = new Progress(System.out);
    Progress.Stage stage = progress.start("generate");
    StudyGenerator.Result r = new StudyGenerator(InstrumentCatalog.builtIn()).generate(
        new StudyGenerator.Settings(out, couples, clinics, seed, rosterClinics, plantErrors, expectations));
    stage.done(Progress.count(r.surveyRows()) + " survey rows in " + r.files().size() + " files under " + out
        + (plantErrors ? ", " + r.plantedErrors() + " planted errors" : ""));
    return 0;
  }
}
