package io.webconnexkit.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the parameter tables of the two documentation texts (copied unchanged into
 * src/test/resources/seeds) into rows: which text, which event section, which object table,
 * parameter, documented type, description.
 */
final class DocumentationTables {

  static final String HELP_CENTRE = "seeds/000_8ae334eeb2888789.txt";
  static final String API_DOCS = "seeds/001_193fbef7f4e59dc6.txt";

  private static final Set<String> TYPES =
      Set.of("string", "integer", "int", "float", "object", "timestamp", "date", "bool", "[] string");
  private static final Set<String> OBJECT_TABLES =
      Set.of(
          "Payload", "Data Object", "Meta Object", "Subscription Object", "Inventory Object",
          "Codes Object", "Discounts Object");

  /** One documented parameter. {@code repaired} names the discrepancy when the row was mended. */
  record Row(String text, String section, String table, String parameter, String type, String description, String repaired) {
    boolean optional() {
      return description.toLowerCase(Locale.ROOT).contains("(optional");
    }

    String where() {
      return text + " / " + section + " / " + table + " / " + parameter;
    }
  }

  private DocumentationTables() {}

  static String read(String resource) {
    try (InputStream in = DocumentationTables.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Row> all() {
    List<Row> rows = new ArrayList<>(helpCentre(read(HELP_CENTRE)));
    rows.addAll(apiDocs(read(API_DOCS)));
    return rows;
  }

  /**
   * The help-centre text: an event section starts with its title printed twice; a table follows a
   * line naming the object and a header line starting "Parameter |".
   */
  static List<Row> helpCentre(String text) {
    List<Row> rows = new ArrayList<>();
    String[] lines = text.split("\r?\n");
    String section = null;
    String table = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      boolean titleLine = line.endsWith("Notification") || line.endsWith("Notification (Beta)");
      if (titleLine && i + 1 < lines.length && lines[i + 1].trim().equals(line)) {
        section = line;
        table = null;
        i++;
        continue;
      }
      if (section == null) {
        continue;
      }
      if (OBJECT_TABLES.contains(line)) {
        table = line;
        continue;
      }
      if (line.startsWith("Parameter |")) {
        continue;
      }
      if (table != null && line.contains("|")) {
        rows.add(row("help-centre", section, table, line));
      }
    }
    return rows;
  }

  /** The API text: "### Event" sections, "#### Object" tables in Markdown. */
  static List<Row> apiDocs(String text) {
    List<Row> rows = new ArrayList<>();
    String section = null;
    String table = null;
    boolean inCode = false;
    for (String raw : text.split("\r?\n")) {
      String line = raw.trim();
      if (line.startsWith("```")) {
        inCode = !inCode;
        continue;
      }
      if (inCode) {
        continue;
      }
      if (line.startsWith("### ")) {
        section = line.substring(4).trim();
        table = null;
      } else if (line.startsWith("#### ")) {
        table = line.substring(5).trim();
      } else if (section != null && table != null && line.contains("|")
          && !line.startsWith("Parameter") && !line.startsWith("---")) {
        rows.add(row("api-docs", section, table, line));
      }
    }
    return rows;
  }

  private static Row row(String text, String section, String table, String line) {
    List<String> cells = new ArrayList<>();
    for (String cell : line.split("\\|", -1)) {
      cells.add(cell.trim().replaceAll("\\s+", " "));
    }
    String parameter = cells.get(0);
    String type = cells.size() > 1 ? cells.get(1) : "";
    String description = cells.size() > 2 ? cells.get(2) : "";
    if (TYPES.contains(parameter.toLowerCase(Locale.ROOT)) && !TYPES.contains(type.toLowerCase(Locale.ROOT))) {
      // The help centre lost the parameter name of two e-mail rows ("string | Email address ...").
      return new Row(text, section, table, "email", parameter.toLowerCase(Locale.ROOT), type, "D-EMAIL-ROW");
    }
    return new Row(text, section, table, parameter, type.toLowerCase(Locale.ROOT), description, null);
  }
}
