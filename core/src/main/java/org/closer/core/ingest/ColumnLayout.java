package org.closer.core.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.closer.core.ingest.export.SourceColumn;
import org.closer.core.ingest.export.Translation;
import org.closer.core.instrument.InstrumentCatalog;
import org.closer.core.privacy.PiiScanner;

/**
 * Where each template column and item sits in one file's header. Names are matched without regard
 * to case or surrounding spaces; a column that is neither is unknown, reported and never read.
 */
public final class ColumnLayout implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What a file holds, told from its header. */
  public enum FileKind {
    SURVEY,
    ROSTER
  }

  /**
   * The template's columns, as {@link FieldReader} names them for every row: found by identity
   * first, which made checking a row about 5% faster than the hash lookups alone.
   */
  private static final String[] READ = {Template.CLINIC, Template.COUPLE, Template.PARTNER, Template.TIMEPOINT,
      Template.SESSION, Template.MONTH, Template.MODALITY, Template.METHOD, Template.SESSION_MINUTES,
      Template.THERAPIST, Template.START_MONTH, Template.RESPONSE_STATUS};

  private final Translation translation;
  private final FileKind kind;
  private final Map<String, Integer> columns;
  /** The field of each of {@link #READ}, or -1. */
  private final int[] readFields;
  private final int[] itemFields;
  private final int[] itemPositions;
  private final int[] scanFields;
  private final List<String> unknown;
  private final List<String> identifiers;
  private final List<String> missingRequired;

  private ColumnLayout(Translation translation, FileKind kind, Map<String, Integer> columns,
      int[] itemFields, int[] itemPositions, int[] scanFields, List<String> unknown, List<String> identifiers,
      List<String> missingRequired) {
    this.translation = translation;
    this.kind = kind;
    this.scanFields = scanFields;
    this.columns = columns;
    this.readFields = java.util.Arrays.stream(READ).mapToInt(c -> columns.getOrDefault(c, -1)).toArray();
    this.itemFields = itemFields;
    this.itemPositions = itemPositions;
    this.unknown = List.copyOf(unknown);
    this.identifiers = List.copyOf(identifiers);
    this.missingRequired = List.copyOf(missingRequired);
  }

  /** The layout of a template CSV's header, read as it is. */
  public static ColumnLayout of(String[] header, InstrumentCatalog catalog) {
    return of(Translation.template(header), catalog);
  }

  /** The layout of an export after its translation into the template's terms. */
  public static ColumnLayout of(Translation translation, InstrumentCatalog catalog) {
    String[] header = translation.names();
    SourceColumn.Role[] roles = translation.roles();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < header.length; i++) {
      String h = header[i] == null ? "" : header[i];
      if (i == 0 && h.startsWith("\uFEFF")) {
        h = h.substring(1);
      }
      names.add(h.trim().toLowerCase(Locale.ROOT));
    }
    FileKind kind = !names.contains(Template.TIMEPOINT)
            && names.contains(Template.COUPLE)
            && Template.DESIGN.stream().anyMatch(names::contains)
        ? FileKind.ROSTER
        : FileKind.SURVEY;
    List<String> known = new ArrayList<>(kind == FileKind.ROSTER ? Template.ROSTER_COLUMNS : Template.SURVEY_COLUMNS);
    known.add(Template.RESPONSE_STATUS);
    Map<String, Integer> columns = new HashMap<>();
    List<Integer> fields = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    List<Integer> scan = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    List<String> identifiers = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      String shown = name.isEmpty() ? "(empty name, column " + (i + 1) + ")" : header[i].trim();
      if (roles[i] == SourceColumn.Role.METADATA) {
        continue;
      }
      if (roles[i] != SourceColumn.Role.DATA) {
        identifiers.add(shown);
        continue;
      }
      if (!seen.add(name)) {
        unknown.add(shown + " (repeated)");
        scan.add(i);
        continue;
      }
      int item = kind == FileKind.SURVEY ? catalog.itemIndex(name) : -1;
      if (known.contains(name)) {
        columns.put(name, i);
      } else if (item >= 0) {
        fields.add(i);
        positions.add(item);
      } else if (PiiScanner.isIdentifierColumn(name)) {
        identifiers.add(shown);
      } else {
        unknown.add(shown);
        scan.add(i);
      }
    }
    List<String> required = kind == FileKind.ROSTER ? Template.ROSTER_REQUIRED : Template.SURVEY_REQUIRED;
    List<String> missing = required.stream().filter(c -> !columns.containsKey(c)).toList();
    return new ColumnLayout(translation, kind, columns,
        fields.stream().mapToInt(Integer::intValue).toArray(),
        positions.stream().mapToInt(Integer::intValue).toArray(),
        scan.stream().mapToInt(Integer::intValue).toArray(), unknown, identifiers, missing);
  }

  public Translation translation() {
    return translation;
  }

  /** Whether the header names anything Closer reads: a template column or an item. */
  public boolean readsAnything() {
    return !columns.isEmpty() || itemFields.length > 0;
  }

  /** Columns that are neither template columns nor items: never kept, but scanned for identifying values. */
  int[] scanFields() {
    return scanFields;
  }

  public FileKind kind() {
    return kind;
  }

  /** Number of fields every row of the export must have. */
  public int width() {
    return translation.width();
  }

  /** Field index of a template column, or -1. */
  public int index(String column) {
    for (int i = 0; i < READ.length; i++) {
      if (READ[i] == column) {
        return readFields[i];
      }
    }
    return columns.getOrDefault(column, -1);
  }

  /** Field index of each item column found. */
  int[] itemFields() {
    return itemFields;
  }

  /** Catalog position of each item column found, parallel to {@link #itemFields()}. */
  int[] itemPositions() {
    return itemPositions;
  }

  public int itemCount() {
    return itemFields.length;
  }

  /** Header names that are neither template columns nor known items, in file order. */
  public List<String> unknownColumns() {
    return unknown;
  }

  /** Header names that identify a person (name, e-mail, phone, free text, ...): dropped, never read. */
  public List<String> identifierColumns() {
    return identifiers;
  }

  /**
   * The separator the header seems to use instead of a comma (';' or a tab, as spreadsheets save
   * CSV in many locales), or 0.
   */
  public char otherSeparator() {
    if (translation.width() != 1 || unknown.isEmpty()) {
      return 0;
    }
    String only = unknown.get(0);
    return only.indexOf(';') >= 0 ? ';' : only.indexOf('\t') >= 0 ? '\t' : 0;
  }

  /** Required columns the header lacks; non-empty means no row of the file can be accepted. */
  public List<String> missingRequired() {
    return missingRequired;
  }
}
