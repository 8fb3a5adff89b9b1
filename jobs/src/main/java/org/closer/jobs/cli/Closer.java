package org.closer.jobs.cli;

import java.io.PrintWriter;
import org.closer.core.UserException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code closer} command line. */
@Command(
    name = "closer",
    mixinStandardHelpOptions = true,
    versionProvider = Versions.class,
    description = "Couples-therapy study pipeline: survey exports in, scored Parquet datasets and a report out.",
    subcommands = {
      RunCommand.class,
      FloorCommand.class,
      CheckCommand.class,
      IngestCommand.class,
      ScoreCommand.class,
      OutcomesCommand.class,
      CompareCommand.class,
      ReportCommand.class,
      InstrumentsCommand.class,
      GenerateCommand.class,
      SchemasCommand.class,
      PlantedCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  done",
      "  1  internal error (a bug: please report it with the output of --verbose)",
      "  2  usage error (unknown option, missing argument)",
      "  3  input refused (bad file, configuration or key); the message says what to fix"
    })
public final class Closer implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Name a command, for example 'closer run'.");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command in this JVM and returns its exit code (tests call this). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Closer());
    cli.setDefaultValueProvider(new SparkConfDefaults());
    cli.setExecutionExceptionHandler(Closer::handle);
    return cli.execute(args);
  }

  private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    UserException user = userCause(e);
    if (user != null) {
      err.println(user.getMessage());
      err.flush();
      return user.exitCode();
    }
    err.println("Internal error: " + e + ". This is a bug in Closer; please report it with the output of --verbose.");
    if (isVerbose(parsed)) {
      e.printStackTrace(err);
    }
    err.flush();
    return 1;
  }

  /** Spark wraps what a task threw; a user's mistake is still a user's mistake. */
  private static UserException userCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UserException u) {
        return u;
      }
    }
    return null;
  }

  private static boolean isVerbose(CommandLine.ParseResult parsed) {
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
