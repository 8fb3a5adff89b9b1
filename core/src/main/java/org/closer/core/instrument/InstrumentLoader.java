package org.closer.core.instrument;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.closer.core.Messages;
import org.closer.core.UserException;
import org.closer.core.io.ConfigFiles;
import org.closer.core.model.Timepoint;

/** Reads one instrument file and refuses a malformed one with a message that says where and why. */
public final class InstrumentLoader {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*");
  private static final Pattern SUBSCALE = Pattern.compile("[a-z][a-z0-9_]*");

  private InstrumentLoader() {}

  /**
   * @param fileName shown in messages; the instrument's id must equal its stem
   */
  public static Instrument parse(String fileName, String json) {
    InstrumentSpec spec = ConfigFiles.read(ConfigFiles.JSON, fileName, json, InstrumentSpec.class, "instrument file");
    return new Checker(fileName, spec).check();
  }

  /** Semantic checks that the JSON binding cannot express. */
  private static final class Checker {
    private final String file;
    private final InstrumentSpec spec;

    Checker(String file, InstrumentSpec spec) {
      this.file = file;
      this.spec = spec;
    }

    Instrument check() {
      String id = spec.id();
      require(ID.matcher(id).matches(), "use instrument id", id,
          "An id is lower-case letters and digits, starting with a letter, for example 'csi16'");
      String stem = file.replaceAll(".*[/\\\\]", "").replaceFirst("\\.json$", "");
      require(stem.equals(id), "use instrument id", id,
          "The id must equal the file name without .json ('" + stem + "')");
      require(!spec.source().isBlank(), "accept an instrument without a source", id,
          "Cite the publication the scoring key comes from in 'source'");
      int decimals = spec.decimals() == null ? 0 : spec.decimals();
      require(decimals >= 0 && decimals <= 3, "use decimals", decimals, "Use 0 to 3");
      double fraction = spec.missing() == null ? 0.2 : spec.missing().maxMissingFraction();
      require(fraction >= 0 && fraction < 1, "use max_missing_fraction", fraction,
          "Use a fraction from 0 (no item may be missing) up to but not including 1");

      List<Item> items = items(id, decimals);
      List<Subscale> subscales = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (InstrumentSpec.SubscaleSpec s : spec.subscales()) {
        require(SUBSCALE.matcher(s.name()).matches(), "use subscale name", s.name(),
            "A subscale name is lower-case letters, digits and '_'");
        require(names.add(s.name()), "use subscale name twice", s.name(), "Give each subscale its own name");
        List<Item> members = new ArrayList<>();
        for (int n : numbers(s.items(), "subscale " + s.name())) {
          require(n >= 1 && n <= items.size(), "find item of subscale " + s.name(), n,
              "Items are numbered 1 to " + items.size());
          members.add(items.get(n - 1));
        }
        Scoring scoring = scoring(s);
        int maxMissing = (int) Math.floor(fraction * members.size() + 1e-9);
        subscales.add(new Subscale(s.name(), id + "_" + s.name(), members, scoring, maxMissing,
            cutoff(s), reliability(s), reliableChange(s)));
      }
      require(!subscales.isEmpty(), "accept an instrument without subscales", id,
          "List at least one subscale (for example 'total')");
      return new Instrument(id, spec.name(), spec.source(), administered(), items, subscales, fraction);
    }

    private List<Item> items(String id, int decimals) {
      TreeSet<Integer> reverse = new TreeSet<>(spec.reverseKeyed() == null ? List.of() : spec.reverseKeyed());
      List<Item> items = new ArrayList<>();
      for (InstrumentSpec.ItemRange range : spec.items()) {
        require(range.min() < range.max(), "use item range", range.min() + ".." + range.max(),
            "'min' must be below 'max' (items " + range.numbers() + ")");
        for (int n : numbers(range.numbers(), "items")) {
          require(n == items.size() + 1, "number items", n,
              "Items must be listed once each, in order from 1 (expected " + (items.size() + 1) + ")");
          items.add(new Item(id + "_" + n, n, range.min(), range.max(), decimals, reverse.contains(n)));
        }
      }
      require(!items.isEmpty(), "accept an instrument without items", id, "List its items under 'items'");
      for (int n : reverse) {
        require(n >= 1 && n <= items.size(), "find reverse-keyed item", n,
            "Items are numbered 1 to " + items.size());
      }
      return items;
    }

    private Set<Timepoint> administered() {
      Set<Timepoint> set = EnumSet.noneOf(Timepoint.class);
      for (String t : spec.administered() == null ? List.<String>of() : spec.administered()) {
        set.add(Timepoint.parse(t).orElseThrow(() -> fail("use timepoint", t,
            "Use one of " + Timepoint.allowed())));
      }
      return set;
    }

    private Scoring scoring(InstrumentSpec.SubscaleSpec s) {
      try {
        return Scoring.valueOf(s.scoring().trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw fail("use scoring", s.scoring(), "Use 'mean' or 'sum' (subscale " + s.name() + ")");
      }
    }

    private Cutoff cutoff(InstrumentSpec.SubscaleSpec s) {
      InstrumentSpec.CutoffSpec c = s.cutoff();
      if (c == null) {
        return null;
      }
      Cutoff.Side side;
      try {
        side = Cutoff.Side.valueOf(c.distressed().trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw fail("use cutoff side", c.distressed(), "Use 'below' or 'above' (subscale " + s.name() + ")");
      }
      return new Cutoff(c.value(), side, c.source(), c.confirmed());
    }

    private static Reliability reliability(InstrumentSpec.SubscaleSpec s) {
      InstrumentSpec.ReliabilitySpec r = s.reliability();
      return r == null ? null : new Reliability(r.alpha(), r.source(), r.confirmed());
    }

    private static ReliableChange reliableChange(InstrumentSpec.SubscaleSpec s) {
      InstrumentSpec.ReliableChangeSpec r = s.reliableChange();
      return r == null ? null : new ReliableChange(r.value(), r.source(), r.confirmed());
    }

    /** "1-15" or "1,3,5-7" to item numbers. */
    private List<Integer> numbers(String text, String what) {
      List<Integer> out = new ArrayList<>();
      for (String part : text.split(",")) {
        String p = part.trim();
        try {
          int dash = p.indexOf('-');
          if (dash < 0) {
            out.add(Integer.parseInt(p));
          } else {
            int from = Integer.parseInt(p.substring(0, dash).trim());
            int to = Integer.parseInt(p.substring(dash + 1).trim());
            require(from <= to, "read item numbers of " + what, text, "Write ranges low to high, for example '1-15'");
            for (int n = from; n <= to; n++) {
              out.add(n);
            }
          }
        } catch (NumberFormatException e) {
          throw fail("read item numbers of " + what, text, "Write numbers and ranges, for example '1-5,8'");
        }
      }
      return out;
    }

    private void require(boolean ok, String what, Object value, String advice) {
      if (!ok) {
        throw fail(what, value, advice);
      }
    }

    private UserException fail(String what, Object value, String advice) {
      return UserException.inputRefused(Messages.cannot(what, value, file, advice));
    }
  }
}
