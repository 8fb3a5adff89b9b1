package org.closer.notebooks;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * A minimal Java kernel: each cell is split into snippets and evaluated by JShell in this JVM, so
 * the kernel's classpath (Closer's core and its dependencies) is the notebook's. A snippet that does
 * not compile or throws fails the cell, and so the notebook run in CI. Charts passed to
 * {@link Show} are displayed as PNG.
 */
public final class JShellKernel extends BaseKernel {
  private final JShell shell;

  JShellKernel() {
    shell = JShell.builder().executionEngine("local").build();
    shell.addToClasspath(System.getProperty("java.class.path"));
  }

  @Override
  public DisplayData eval(String code) throws Exception {
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    String remaining = code;
    String value = null;
    while (!remaining.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
      if (!info.completeness().isComplete()) {
        throw new IllegalArgumentException("Incomplete code: " + remaining.strip());
      }
      for (SnippetEvent event : shell.eval(info.source())) {
        if (event.status() == Snippet.Status.REJECTED) {
          List<Diag> diags = shell.diagnostics(event.snippet()).toList();
          throw new IllegalArgumentException("Does not compile: " + event.snippet().source().strip() + "\n"
              + diags.stream().map(d -> d.getMessage(null)).collect(Collectors.joining("\n")));
        }
        if (event.exception() != null) {
          Throwable e = event.exception();
          String type = e instanceof EvalException ee ? ee.getExceptionClassName() : e.getClass().getName();
          throw new RuntimeException(type + ": " + e.getMessage(), e);
        }
        if (event.causeSnippet() == null && event.value() != null
            && event.snippet().kind() == Snippet.Kind.EXPRESSION) {
          value = event.value();
        }
      }
      remaining = info.remaining();
    }
    for (byte[] png : Show.drain()) {
      DisplayData image = new DisplayData();
      image.putData("image/png", java.util.Base64.getEncoder().encodeToString(png));
      display(image);
    }
    return value == null ? null : new DisplayData(value);
  }

  @Override
  public LanguageInfo getLanguageInfo() {
    return new LanguageInfo.Builder("Java").version(System.getProperty("java.version")).mimetype("text/x-java-source")
        .fileExtension(".jshell").pygments("java").codemirror("text/x-java").build();
  }

  @Override
  public void onShutdown(boolean isRestarting) {
    shell.close();
  }

  public static void main(String[] args) throws Exception {
    JupyterSocket.JUPYTER_LOGGER.setLevel(Level.WARNING);
    KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
    JupyterConnection connection = new JupyterConnection(properties);
    JShellKernel kernel = new JShellKernel();
    kernel.becomeHandlerForConnection(connection);
    connection.connect();
    connection.waitUntilClose();
    System.exit(0);
  }
}
