package org.closer.core.instrument;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.closer.core.Messages;
import org.closer.core.UserException;

/**
 * The instruments a run knows, in a fixed order (by id), with every item and subscale numbered
 * across instruments. That order is the column order of the wide datasets.
 */
public final class InstrumentCatalog implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Where the built-in instruments sit on the classpath (copied from {@code schemas/instruments}). */
  public static final String BUILT_IN = "schemas/instruments";

  private final List<Instrument> instruments;
  private final List<Item> items;
  private final List<Subscale> subscales;
  private final Map<String, Integer> itemIndex = new HashMap<>();

  public InstrumentCatalog(List<Instrument> instruments) {
    this.instruments = instruments.stream().sorted(Comparator.comparing(Instrument::id)).toList();
    List<Item> allItems = new ArrayList<>();
    List<Subscale> allSubscales = new ArrayList<>();
    for (Instrument instrument : this.instruments) {
      allItems.addAll(instrument.items());
      allSubscales.addAll(instrument.subscales());
    }
    this.items = List.copyOf(allItems);
    this.subscales = List.copyOf(allSubscales);
    for (int i = 0; i < items.size(); i++) {
      if (itemIndex.put(items.get(i).id(), i) != null) {
        throw UserException.inputRefused(Messages.cannot("load two instruments with item",
            items.get(i).id(), null, "Give each instrument its own id"));
      }
    }
  }

  /** The instruments shipped with Closer. */
  public static InstrumentCatalog builtIn() {
    URL url = InstrumentCatalog.class.getClassLoader().getResource(BUILT_IN);
    if (url == null) {
      throw new IllegalStateException("The built-in instruments are not on the classpath: " + BUILT_IN);
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
          return load(fs.getPath(BUILT_IN));
        }
      }
      return load(Path.of(uri));
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("Cannot read the built-in instruments: " + url, e);
    }
  }

  /** Every {@code *.json} in {@code dir}. */
  public static InstrumentCatalog load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw UserException.inputRefused(Messages.cannot("find instrument folder", dir.toString(), null,
          "Point --instruments at a folder of instrument JSON files"));
    }
    List<Instrument> list = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().toLowerCase(Locale.ROOT).endsWith(".json")).sorted().toList()) {
        list.add(InstrumentLoader.parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (list.isEmpty()) {
      throw UserException.inputRefused(Messages.cannot("find any instrument", dir.toString(), null,
          "The folder must hold at least one instrument JSON file"));
    }
    return new InstrumentCatalog(list);
  }

  public List<Instrument> instruments() {
    return instruments;
  }

  public Optional<Instrument> instrument(String id) {
    return instruments.stream().filter(i -> i.id().equals(id)).findFirst();
  }

  /** Every item of every instrument, in column order. */
  public List<Item> items() {
    return items;
  }

  /** Every subscale of every instrument, in column order. */
  public List<Subscale> subscales() {
    return subscales;
  }

  /** Position of an item column (lower case) in {@link #items()}, or -1. */
  public int itemIndex(String column) {
    return itemIndex.getOrDefault(column, -1);
  }

  /** The subscales of the instruments a study usually gives at {@code timepoint}, in column order. */
  public List<Subscale> subscalesGivenAt(org.closer.core.model.Timepoint timepoint) {
    return instruments.stream().filter(i -> i.administered().contains(timepoint))
        .flatMap(i -> i.subscales().stream()).toList();
  }

  /** The instruments with Sternberg's three components. */
  public List<Instrument> loveInstruments() {
    return instruments.stream().filter(Instrument::hasLoveComponents).toList();
  }
}
