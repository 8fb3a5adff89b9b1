package org.closer.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A Spark standalone cluster on 127.0.0.1: a Master and Workers as JVMs of their own, started from
 * Spark's jars as Maven resolved them. Every process it starts is stopped by PID in {@link #close()},
 * together with the executors the Workers started.
 */
final class StandaloneCluster implements AutoCloseable {
  static final Path APP_JAR = Path.of("target/closer-app.jar");
  private static final Path LIB = Path.of("target/lib");

  private final Path home;
  private final Path logs;
  private final List<Process> processes = new ArrayList<>();
  private final List<Process> workers = new ArrayList<>();
  private final int masterPort = freePort();
  private final int masterUiPort = freePort();

  private StandaloneCluster(Path root) {
    this.home = root.resolve("spark-home");
    this.logs = root.resolve("logs");
  }

  /** Starts a Master and {@code workers} Workers of one core each and waits until all have registered. */
  static StandaloneCluster start(Path root, int workers) throws Exception {
    StandaloneCluster cluster = new StandaloneCluster(root);
    try {
      cluster.makeSparkHome();
      Files.createDirectories(cluster.logs);
      cluster.processes.add(cluster.launch("master", List.of("org.apache.spark.deploy.master.Master",
          "--host", "127.0.0.1", "--port", Integer.toString(cluster.masterPort),
          "--webui-port", Integer.toString(cluster.masterUiPort)), "-Xmx256m"));
      for (int i = 1; i <= workers; i++) {
        Path work = Files.createDirectories(root.resolve("work-" + i));
        Process worker = cluster.launch("worker-" + i, List.of("org.apache.spark.deploy.worker.Worker",
            "--host", "127.0.0.1", "--cores", "1", "--memory", "1g", "--webui-port", Integer.toString(freePort()),
            "--work-dir", work.toString(), cluster.masterUrl()), "-Xmx256m");
        cluster.processes.add(worker);
        cluster.workers.add(worker);
      }
      cluster.awaitAliveWorkers(workers, Duration.ofSeconds(90));
      return cluster;
    } catch (Exception | AssertionError e) {
      cluster.close();
      throw e;
    }
  }

  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  Path logs() {
    return logs;
  }

  /** Kills worker {@code i} (from 1) and the executors it started, as when a machine is lost. */
  void killWorker(int i) {
    kill(workers.get(i - 1));
  }

  /**
   * The command line of {@code spark-submit --master MASTER [CONF...] closer-app.jar ARGS}, run the way
   * Spark's launcher runs SparkSubmit: Spark's jars on the classpath, the application jar apart.
   */
  List<String> submit(String master, List<String> conf, List<String> args) {
    List<String> command = java("-Xmx1g");
    command.addAll(List.of("org.apache.spark.deploy.SparkSubmit", "--master", master,
        "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.executor.memory=1g"));
    conf.forEach(c -> command.addAll(List.of("--conf", c)));
    command.addAll(List.of("--class", "org.closer.jobs.cli.Closer", APP_JAR.toAbsolutePath().toString()));
    command.addAll(args);
    return command;
  }

  /** A process with the environment Spark's scripts would have set up; its output goes to logs/NAME.log. */
  ProcessBuilder builder(String name, List<String> command) {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(logs.resolve(name + ".log").toFile());
    Map<String, String> env = pb.environment();
    env.put("SPARK_HOME", home.toAbsolutePath().toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.remove("CLOSER_KEY");
    return pb;
  }

  /** Starts a process this cluster will stop in {@link #close()}. */
  Process start(ProcessBuilder pb) throws IOException {
    Process p = pb.start();
    processes.add(p);
    return p;
  }

  String log(String name) {
    try {
      return Files.readString(logs.resolve(name + ".log"));
    } catch (IOException e) {
      return "(no log " + name + ")";
    }
  }

  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      kill(processes.get(i));
    }
  }

  private Process launch(String name, List<String> main, String heap) throws IOException {
    List<String> command = java(heap);
    command.addAll(main);
    return start(builder(name, command));
  }

  private List<String> java(String heap) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        heap));
    java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect")).forEach(command::add);
    command.addAll(List.of("-cp", home.resolve("jars").toAbsolutePath() + "/*"));
    return command;
  }

  private static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    try {
      p.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * SPARK_HOME/jars as a Spark distribution has it: every runtime jar except those the application
   * jar bundles (symlinks). A class missing from the application jar then fails the cluster run.
   */
  private void makeSparkHome() throws IOException {
    Path jars = Files.createDirectories(home.resolve("jars"));
    try (Stream<Path> old = Files.list(jars)) {
      for (Path p : old.toList()) {
        Files.delete(p);
      }
    }
    Set<String> bundled = classes(APP_JAR);
    try (Stream<Path> lib = Files.list(LIB)) {
      for (Path jar : lib.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
        if (!isBundled(classes(jar), bundled)) {
          Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
        }
      }
    }
  }

  /**
   * A jar is bundled when most of its own classes are in the application jar, as they are or
   * relocated. Classes a library shaded itself (parquet's shaded/...) are shared by several jars.
   */
  private static boolean isBundled(Set<String> jar, Set<String> app) {
    if (jar.isEmpty()) {
      return false;
    }
    long found = jar.stream().filter(c -> app.contains(c) || app.contains("org/closer/shaded/" + c)).count();
    return found * 2 > jar.size();
  }

  private static Set<String> classes(Path jar) throws IOException {
    Set<String> names = new HashSet<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      zip.stream().map(ZipEntry::getName)
          .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/") && !n.startsWith("shaded/")
              && !n.endsWith("module-info.class"))
          .forEach(names::add);
    }
    return names;
  }

  private void awaitAliveWorkers(int expected, Duration timeout) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
        .timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    int alive = 0;
    while (System.nanoTime() < deadline) {
      for (Process p : processes) {
        if (!p.isAlive()) {
          throw new AssertionError("a cluster process exited early:\n" + log("master") + log("worker-1"));
        }
      }
      try {
        JsonNode state = new ObjectMapper().readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        alive = state.path("aliveworkers").asInt();
        if (alive >= expected) {
          return;
        }
      } catch (IOException e) {
        // the Master's web UI is not up yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError(alive + " of " + expected + " workers registered within " + timeout + ":\n"
        + log("master"));
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
