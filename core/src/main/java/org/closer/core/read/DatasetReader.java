package org.closer.core.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.closer.core.Messages;
import org.closer.core.UserException;
import org.closer.core.dataset.DatasetSchemas;
import org.closer.core.instrument.InstrumentCatalog;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads a run's output datasets into Tablesaw tables without Spark: the Parquet files of
 * {@code OUT/<dataset>/}, read with parquet-avro, in the columns and types of the dataset's Avro
 * schema (the one in {@code schemas/}). For notebooks and small scripts: the whole dataset is
 * loaded into memory.
 */
public final class DatasetReader {
  private final Path out;
  private final DatasetSchemas schemas;

  /** Outputs made with the built-in instruments. */
  public DatasetReader(Path out) {
    this(out, InstrumentCatalog.builtIn());
  }

  public DatasetReader(Path out, InstrumentCatalog catalog) {
    this.out = out;
    this.schemas = new DatasetSchemas(catalog);
  }

  public Table read(DatasetSchemas.Dataset dataset) {
    Schema schema = schemas.schema(dataset);
    List<Column<?>> columns = new ArrayList<>();
    for (Schema.Field f : schema.getFields()) {
      columns.add(column(f));
    }
    Table table = Table.create(dataset.dir(), columns);
    for (Path file : files(dataset)) {
      try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file))
          .withConf(new PlainParquetConfiguration()).build()) {
        for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
          for (int i = 0; i < columns.size(); i++) {
            append(columns.get(i), r.hasField(columns.get(i).name()) ? r.get(columns.get(i).name()) : null);
          }
        }
      } catch (IOException e) {
        throw UserException.inputRefused(Messages.cannot("read dataset file", out.relativize(file).toString(), null,
            "Check that the outputs are complete (manifest.json is written last); run the stage again"));
      }
    }
    return table;
  }

  /** Reads a dataset by its folder name, as notebooks name it: "scores", "comparisons", ... */
  public Table read(String dataset) {
    for (DatasetSchemas.Dataset d : DatasetSchemas.Dataset.values()) {
      if (d.dir().equals(dataset)) {
        return read(d);
      }
    }
    throw UserException.usage(Messages.cannot("read dataset", dataset, null,
        "Use one of " + java.util.Arrays.stream(DatasetSchemas.Dataset.values()).map(DatasetSchemas.Dataset::dir).toList()));
  }

  private List<Path> files(DatasetSchemas.Dataset dataset) {
    Path dir = out.resolve(dataset.dir());
    if (!Files.isDirectory(dir)) {
      throw UserException.inputRefused(Messages.cannot("find dataset", dataset.dir(), out.toString(),
          "Point the reader at a run's --out folder ('closer run' writes every dataset)"));
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".parquet")).sorted().toList();
    } catch (IOException e) {
      throw UserException.inputRefused(Messages.cannot("list dataset", dir.toString(), null, "Check the folder"));
    }
  }

  private static Column<?> column(Schema.Field f) {
    Schema type = f.schema();
    if (type.getType() == Schema.Type.UNION) {
      type = type.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElseThrow();
    }
    return switch (type.getType()) {
      case INT -> IntColumn.create(f.name());
      case LONG -> LongColumn.create(f.name());
      case DOUBLE, FLOAT -> DoubleColumn.create(f.name());
      case BOOLEAN -> BooleanColumn.create(f.name());
      default -> StringColumn.create(f.name());
    };
  }

  private static void append(Column<?> c, Object v) {
    if (v == null) {
      c.appendMissing();
    } else if (c instanceof IntColumn i) {
      i.append(((Number) v).intValue());
    } else if (c instanceof LongColumn l) {
      l.append(((Number) v).longValue());
    } else if (c instanceof DoubleColumn d) {
      d.append(((Number) v).doubleValue());
    } else if (c instanceof BooleanColumn b) {
      b.append((Boolean) v);
    } else {
      ((StringColumn) c).append(v.toString());
    }
  }
}
