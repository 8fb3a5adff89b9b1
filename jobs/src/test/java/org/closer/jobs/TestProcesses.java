package org.closer.jobs;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.closer.jobs.cli.Closer;

/** Running the command line as a user would: its printing captured, or in a JVM of its own. */
final class TestProcesses {
  private TestProcesses() {}

  /** What a command run in this JVM printed, standard output and error together. */
  static String captured(Callable<Integer> command) throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try {
      command.call();
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  /** The java command line that runs {@code closer ARGS} in a new JVM with this one's classpath and flags. */
  static List<String> closer(String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Xmx")).forEach(command::add);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Closer.class.getName()));
    command.addAll(List.of(args));
    return command;
  }
}
