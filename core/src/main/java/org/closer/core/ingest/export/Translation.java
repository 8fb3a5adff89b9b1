package org.closer.core.ingest.export;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.closer.core.Messages;
import org.closer.core.UserException;
import org.closer.core.ingest.Template;
import org.closer.core.instrument.InstrumentCatalog;

/**
 * One export's columns in the template's terms: which export column gives which template column or
 * item (the mapping first, then the template's own names, then the tool's defaults), how its values
 * read, and which columns are dropped unread. Rows keep their width; constants and derived columns
 * are appended. Identifying columns are never read, even when a mapping names them; free text is read
 * only when a mapping names it (a couple code typed into a text box).
 */
public final class Translation implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ExportFormat format;
  private final int width;
  private final String[] names;
  private final SourceColumn.Role[] roles;
  private final ValueRule[] rules;
  private final Derived[] derived;

  private Translation(ExportFormat format, int width, String[] names, SourceColumn.Role[] roles, ValueRule[] rules,
      Derived[] derived) {
    this.format = format;
    this.width = width;
    this.names = names;
    this.roles = roles;
    this.rules = rules;
    this.derived = derived;
  }

  /** The study's template as it is: every column is read under its own name. */
  public static Translation template(String[] header) {
    String[] names = new String[header.length];
    SourceColumn.Role[] roles = new SourceColumn.Role[header.length];
    for (int i = 0; i < header.length; i++) {
      names[i] = header[i] == null ? "" : header[i];
      roles[i] = SourceColumn.Role.DATA;
    }
    return new Translation(ExportFormat.TEMPLATE, header.length, names, roles, null, new Derived[0]);
  }

  /**
   * @param headerRows the export's header records, as many as its format has
   * @param dictionary the REDCap data dictionary, required for REDCap exports
   */
  public static Translation of(String file, ExportFormat format, List<String[]> headerRows, ExportMapping mapping,
      RedcapDictionary dictionary, InstrumentCatalog catalog) {
    if (format == ExportFormat.REDCAP && dictionary == null) {
      throw ToolConventions.noDictionary(file);
    }
    String mappingName = file + "'s mapping";
    ExportFormat declared = mapping.format() == null ? null : ExportMapping.formatOf(mapping.format());
    if (declared != null && declared != format) {
      throw UserException.inputRefused(Messages.cannot("apply a mapping for " + declared.label(), null, file,
          "The file looks like " + format.label() + ": check that the right mapping is beside it, or fix its format"));
    }
    Targets targets = new Targets(catalog, mappingName);
    List<SourceColumn> columns = ToolConventions.columns(format, headerRows, dictionary, file);
    int width = columns.size();
    List<String> names = new ArrayList<>();
    List<SourceColumn.Role> roles = new ArrayList<>();
    Map<String, Integer> taken = new HashMap<>();
    Map<String, String> byAlias = lowerKeys(mapping.columns());
    for (int i = 0; i < width; i++) {
      SourceColumn c = columns.get(i);
      String target = c.role() == SourceColumn.Role.IDENTIFIER ? null : target(c, byAlias, mapping.blocks(), targets);
      if (target != null && !taken.containsKey(target)) {
        taken.put(target, i);
        names.add(target);
        roles.add(SourceColumn.Role.DATA);
      } else {
        names.add(c.name());
        roles.add(c.role());
      }
    }
    ValueRule[] rules = new ValueRule[width];
    Set<String> missing = new HashSet<>(ToolConventions.missingCodes(format));
    missing.addAll(mapping.missing().stream().map(String::trim).toList());
    Map<String, String> events = lowerKeys(mapping.events());
    events.replaceAll((k, v) -> targets.timepoint(v, "events." + k));
    List<Derived> appended = new ArrayList<>();
    for (ToolConventions.Default d : ToolConventions.defaults(format, columns)) {
      if (taken.containsKey(d.target()) || mapping.constants().keySet().stream().anyMatch(k -> targets.column(k, "constants").equals(d.target()))) {
        continue;
      }
      ValueRule rule = rule(d.kind(), missing, targets.recodes(mapping.recodes(), d.target()), events);
      if (d.derived() instanceof Derived.RedcapSession s) {
        appended.add(new Derived.RedcapSession(s.instance(), s.event(),
            rule(ValueRule.Kind.EVENT, missing, Map.of(), events)));
      } else if (d.derived() != null) {
        appended.add(d.derived());
      } else {
        taken.put(d.target(), d.column());
        names.set(d.column(), d.target());
        roles.set(d.column(), SourceColumn.Role.DATA);
        rules[d.column()] = rule;
        continue;
      }
      taken.put(d.target(), -1);
      names.add(d.target());
      roles.add(SourceColumn.Role.DATA);
    }
    if (format == ExportFormat.REDCAP && width > 0 && roles.get(0) == SourceColumn.Role.DATA
        && !taken.containsValue(0)) {
      roles.set(0, SourceColumn.Role.IDENTIFIER); // the record number, when it is not the couple code
    }
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(mapping.constants()).entrySet()) {
      String target = targets.column(e.getKey(), "constants");
      if (taken.containsKey(target) && taken.get(target) >= 0) {
        throw UserException.inputRefused(Messages.cannot("set constant " + target, e.getValue(), mappingName,
            "The export has its own column for " + target + " (" + columns.get(taken.get(target)).name()
                + "): remove the constant or the column's mapping"));
      }
      appended.add(new Derived.Constant(e.getValue()));
      names.add(target);
      roles.add(SourceColumn.Role.DATA);
    }
    for (int i = 0; i < width; i++) {
      if (rules[i] == null && roles.get(i) == SourceColumn.Role.DATA && targets.isTarget(names.get(i))) {
        rules[i] = rule(names.get(i).equals(Template.TIMEPOINT) && format == ExportFormat.REDCAP
            ? ValueRule.Kind.EVENT : ValueRule.Kind.PLAIN, missing, targets.recodes(mapping.recodes(), names.get(i)), events);
      }
    }
    boolean keepsRows = appended.isEmpty() && roles.stream().allMatch(r -> r == SourceColumn.Role.DATA)
        && Arrays.stream(rules).allMatch(r -> r == null || r.keepsValues());
    return new Translation(format, width, names.toArray(String[]::new), roles.toArray(SourceColumn.Role[]::new),
        keepsRows ? null : rules, appended.toArray(Derived[]::new));
  }

  private static ValueRule rule(ValueRule.Kind kind, Set<String> missing, Map<String, String> recode,
      Map<String, String> events) {
    return new ValueRule(kind, missing, recode, events);
  }

  private static String target(SourceColumn c, Map<String, String> byAlias, Map<String, String> blocks, Targets targets) {
    for (String alias : c.aliases()) {
      String mapped = byAlias.get(alias.trim().toLowerCase(Locale.ROOT));
      if (mapped != null) {
        return targets.column(mapped, "columns." + alias);
      }
    }
    for (Map.Entry<String, String> b : blocks.entrySet()) {
      Pattern p = Pattern.compile("(?i)" + Pattern.quote(b.getKey().trim()) + "(?:_|\\[(?:SQ0*)?)(\\d+)\\]?");
      for (String alias : c.aliases()) {
        Matcher m = p.matcher(alias.trim());
        if (m.matches()) {
          return targets.item(b.getValue().trim().toLowerCase(Locale.ROOT) + "_" + Integer.parseInt(m.group(1)),
              "blocks." + b.getKey());
        }
      }
    }
    for (String alias : c.aliases()) {
      String a = alias.trim().toLowerCase(Locale.ROOT);
      if (c.role() == SourceColumn.Role.DATA && targets.isTarget(a)) {
        return a;
      }
    }
    return null;
  }

  private static Map<String, String> lowerKeys(Map<String, String> map) {
    Map<String, String> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k.trim().toLowerCase(Locale.ROOT), v));
    return out;
  }

  public ExportFormat format() {
    return format;
  }

  /** Fields every export row has. */
  public int width() {
    return width;
  }

  /** Column names after translation: template names where mapped, the export's own names elsewhere. */
  public String[] names() {
    return names.clone();
  }

  /** The export columns that give any of these template columns. */
  public int[] sources(Set<String> targets) {
    return java.util.stream.IntStream.range(0, width).filter(i -> targets.contains(names[i])).toArray();
  }

  public SourceColumn.Role[] roles() {
    return roles.clone();
  }

  /** A row of {@link #width()} fields in the template's terms; dropped columns are blanked, never copied. */
  public String[] apply(String[] raw) {
    if (rules == null) {
      return raw;
    }
    String[] out = new String[names.length];
    for (int i = 0; i < width; i++) {
      out[i] = roles[i] == SourceColumn.Role.DATA ? (rules[i] == null ? raw[i] : rules[i].apply(raw[i])) : null;
    }
    for (int k = 0; k < derived.length; k++) {
      out[width + k] = derived[k].value(raw);
    }
    return out;
  }

  /** The template columns and items a mapping may name, checked with a message that names the mapping. */
  private static final class Targets {
    private final InstrumentCatalog catalog;
    private final String mapping;
    private final Set<String> columns = new HashSet<>();

    Targets(InstrumentCatalog catalog, String mapping) {
      this.catalog = catalog;
      this.mapping = mapping;
      columns.addAll(Template.SURVEY_COLUMNS);
      columns.addAll(Template.ROSTER_COLUMNS);
      columns.add(Template.RESPONSE_STATUS);
    }

    boolean isTarget(String name) {
      return columns.contains(name) || catalog.itemIndex(name) >= 0;
    }

    String column(String name, String where) {
      String n = name.trim().toLowerCase(Locale.ROOT);
      if (!isTarget(n)) {
        throw UserException.inputRefused(Messages.cannot("map to", name, mapping + ", " + where,
            "Use a template column (" + String.join(", ", Template.SURVEY_COLUMNS) + ") or an item such as tls45_1"));
      }
      return n;
    }

    String item(String name, String where) {
      if (catalog.itemIndex(name) < 0) {
        throw UserException.inputRefused(Messages.cannot("map to item", name, mapping + ", " + where,
            "The instrument has no such item; use an instrument id such as tls45, csi16, csi4, ors or srs"));
      }
      return name;
    }

    String timepoint(String value, String where) {
      return org.closer.core.model.Timepoint.parse(value).map(org.closer.core.model.Timepoint::code).orElseThrow(() ->
          UserException.inputRefused(Messages.cannot("map event to timepoint", value, mapping + ", " + where,
              "Use one of " + org.closer.core.model.Timepoint.allowed())));
    }

    /** The recodes for a target: given for the column itself, its instrument ({@code tls45}) or {@code tls45_*}. */
    Map<String, String> recodes(Map<String, Map<String, String>> all, String target) {
      Map<String, String> out = new HashMap<>();
      for (Map.Entry<String, Map<String, String>> e : all.entrySet()) {
        String key = e.getKey().trim().toLowerCase(Locale.ROOT);
        String instrument = key.endsWith("_*") ? key.substring(0, key.length() - 2) : key;
        boolean applies = key.equals(target) || (catalog.itemIndex(target) >= 0 && target.startsWith(instrument + "_")
            && target.substring(instrument.length() + 1).chars().allMatch(Character::isDigit));
        if (!isTarget(key) && catalog.instrument(instrument).isEmpty()) {
          throw UserException.inputRefused(Messages.cannot("recode", e.getKey(), mapping + ", recodes",
              "Name a template column, an item, or an instrument (tls45 or tls45_*)"));
        }
        if (applies) {
          e.getValue().forEach((from, to) -> out.put(from.trim().toLowerCase(Locale.ROOT), to == null ? "" : to));
        }
      }
      return out;
    }
  }
}
