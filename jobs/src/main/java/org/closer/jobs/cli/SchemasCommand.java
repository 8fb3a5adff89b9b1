package org.closer.jobs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.closer.core.dataset.DatasetSchemas;
import org.closer.core.instrument.InstrumentCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "schemas", mixinStandardHelpOptions = true,
    description = "Write the Avro schema (.avsc) of every output dataset, for the given instruments.")
final class SchemasCommand implements Callable<Integer> {
  @Option(names = "--out", paramLabel = "DIR", defaultValue = "schemas", description = "Default: ${DEFAULT-VALUE}.")
  Path out;

  @Option(names = "--instruments", paramLabel = "DIR", description = "Default: the built-in instruments.")
  Path instruments;

  @Override
  public Integer call() throws IOException {
    InstrumentCatalog catalog = instruments == null ? InstrumentCatalog.builtIn() : InstrumentCatalog.load(instruments);
    DatasetSchemas schemas = new DatasetSchemas(catalog);
    Files.createDirectories(out);
    for (DatasetSchemas.Dataset d : DatasetSchemas.Dataset.values()) {
      Path file = out.resolve(d.dir() + ".avsc");
      Files.writeString(file, schemas.schema(d).toString(true) + "\n", StandardCharsets.UTF_8);
      System.out.println("wrote " + file);
    }
    return 0;
  }
}
