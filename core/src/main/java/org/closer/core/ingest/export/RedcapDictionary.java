package org.closer.core.ingest.export;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.closer.core.Messages;
import org.closer.core.UserException;

/**
 * A REDCap data dictionary: each field's type and whether the project flags it as an identifier
 * ({@code Identifier? = y}). Flagged fields are dropped unread, whatever they are called.
 */
public final class RedcapDictionary implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One field of the dictionary. */
  public record Field(String type, boolean identifier) implements Serializable {}

  private final String file;
  private final Map<String, Field> fields;

  private RedcapDictionary(String file, Map<String, Field> fields) {
    this.file = file;
    this.fields = Map.copyOf(fields);
  }

  public String file() {
    return file;
  }

  public static RedcapDictionary parse(String file, byte[] bytes, Charset charset, char delimiter) {
    Map<String, Field> fields = new HashMap<>();
    try (CsvRecords records = new CsvRecords(file, new ByteArrayInputStream(bytes), charset, delimiter, true)) {
      CsvRecords.Record header = records.next();
      List<String> names = header == null ? List.of()
          : java.util.Arrays.stream(header.fields()).map(ExportFormat::normal).toList();
      int name = names.indexOf("variable / field name");
      int type = names.indexOf("field type");
      int identifier = names.indexOf("identifier?");
      if (name < 0 || type < 0 || identifier < 0) {
        throw UserException.inputRefused(Messages.cannot("read REDCap data dictionary without its columns",
            "Variable / Field Name, Field Type, Identifier?", file,
            "Download the data dictionary again from REDCap (Project Setup, Data Dictionary)"));
      }
      for (CsvRecords.Record r = records.next(); r != null; r = records.next()) {
        String[] f = r.fields();
        if (f.length <= Math.max(name, Math.max(type, identifier)) || f[name] == null) {
          continue;
        }
        fields.put(f[name].trim().toLowerCase(Locale.ROOT), new Field(
            f[type] == null ? "" : f[type].trim().toLowerCase(Locale.ROOT),
            f[identifier] != null && f[identifier].trim().equalsIgnoreCase("y")));
      }
    }
    return new RedcapDictionary(file, fields);
  }

  /** The field a column holds: checkbox columns {@code name___code} belong to field {@code name}. */
  public Field field(String column) {
    if (column == null) {
      return null;
    }
    String c = column.trim().toLowerCase(Locale.ROOT);
    Field f = fields.get(c);
    int checkbox = c.indexOf("___");
    return f == null && checkbox > 0 ? fields.get(c.substring(0, checkbox)) : f;
  }

  /** How many of these columns the dictionary defines: the dictionary that defines most belongs to the export. */
  public long defines(List<String> columns) {
    return columns.stream().filter(c -> field(c) != null).count();
  }
}
