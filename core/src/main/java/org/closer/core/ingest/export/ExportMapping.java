package org.closer.core.ingest.export;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.closer.core.Messages;
import org.closer.core.UserException;
import org.closer.core.io.ConfigFiles;

/**
 * A clinic's mapping file (YAML): which export column is which template column or item, which
 * values mean what, and which REDCap events are which timepoints. Every part is optional; without
 * a mapping, columns named as the template names them are taken as they are.
 *
 * @param format the format the mapping is written for; checked against the file's signature
 * @param columns export column (its name, question id or import id) to template column or item
 * @param blocks matrix questions: export prefix to instrument, {@code Q5: tls45} reads Q5_1 as tls45_1
 * @param constants template columns with one value for the whole export (clinic, timepoint, ...)
 * @param recodes per template column or instrument: export value to template value
 * @param missing values that mean "seen but not answered" (added to the format's own, e.g. -99)
 * @param events REDCap event names to timepoints
 */
public record ExportMapping(
    @JsonProperty("format") String format,
    @JsonProperty("columns") Map<String, String> columns,
    @JsonProperty("blocks") Map<String, String> blocks,
    @JsonProperty("constants") Map<String, String> constants,
    @JsonProperty("recodes") Map<String, Map<String, String>> recodes,
    @JsonProperty("missing") List<String> missing,
    @JsonProperty("events") Map<String, String> events) implements Serializable {

  public static final ExportMapping NONE = new ExportMapping(null, null, null, null, null, null, null);

  public ExportMapping {
    columns = columns == null ? Map.of() : Map.copyOf(columns);
    blocks = blocks == null ? Map.of() : Map.copyOf(blocks);
    constants = constants == null ? Map.of() : Map.copyOf(constants);
    recodes = recodes == null ? Map.of() : Map.copyOf(recodes);
    missing = missing == null ? List.of() : List.copyOf(missing);
    events = events == null ? Map.of() : Map.copyOf(events);
  }

  /** The file name mappings are read from, beside a clinic's exports: {@code NAME.mapping.yaml} or {@code mapping.yaml}. */
  public static final String SUFFIX = ".mapping.yaml";
  public static final String FOLDER_FILE = "mapping.yaml";

  /**
   * Where a file's mapping is looked for, in order, beside it: {@code NAME.mapping.yaml} for
   * {@code NAME.csv}, then the folder's {@code mapping.yaml} (one clinic, one folder).
   */
  public static List<String> candidates(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
    return List.of(stem + SUFFIX, FOLDER_FILE);
  }

  public static ExportMapping load(Path file) {
    try {
      return parse(file.getFileName().toString(), Files.readString(file));
    } catch (IOException e) {
      throw UserException.inputRefused(Messages.cannot("read mapping file", file.toString(), null,
          "Check that it exists and is readable"));
    }
  }

  public static ExportMapping parse(String name, String yaml) {
    ExportMapping m = ConfigFiles.read(ConfigFiles.YAML, name, yaml, ExportMapping.class, "mapping file");
    if (m == null) {
      return NONE;
    }
    if (m.format() != null && formatOf(m.format()) == null) {
      throw UserException.inputRefused(Messages.cannot("use format", m.format(), name + ", field format",
          "Use one of template, qualtrics, redcap, surveymonkey, limesurvey"));
    }
    return m;
  }

  /** The named format, or null. */
  static ExportFormat formatOf(String name) {
    for (ExportFormat f : ExportFormat.values()) {
      if (f.name().equalsIgnoreCase(name.trim().replace("-", "").replace(" ", ""))) {
        return f;
      }
    }
    return null;
  }
}
