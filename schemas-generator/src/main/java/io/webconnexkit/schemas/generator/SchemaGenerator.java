package io.webconnexkit.schemas.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns the contract sources ({@code schemas/src/contract/*.json}) into the published lenient and
 * strict schemas, the event index, the field index ({@code fields.json}), the bundled samples and the
 * schema reference page.
 *
 * <p>The sources are plain draft 2020-12 schemas with build-time annotations, removed from the
 * output (see {@link Profiles}). The root {@code examples} of an event contract are its bundled
 * samples: each becomes {@code webconnex/samples/v1/{eventType}.json}, and the published schemas
 * leave them out (they ship beside them). Property-level {@code examples} stay in the schemas.
 *
 * <p>The schemas module runs this class at {@code generate-resources}; it writes every generated
 * file under {@code --out} (build output), and with {@code --write=true} into the source tree as
 * well. The output depends only on the contract files: the same sources give the same bytes.
 */
public final class SchemaGenerator {

  /** The command that regenerates the committed files from the contract and checks them. */
  public static final String REGENERATE_COMMAND = "./mvnw -pl schemas -am test -Dwebconnex.schemas.write=true";

  static final String ID_BASE = "https://webconnexkit.io/schemas/v1/";
  static final String RESOURCE_ROOT = "webconnex/schemas/v1/";
  static final String SAMPLE_ROOT = "webconnex/samples/v1/";
  static final List<String> PROFILES = List.of("lenient", "strict");
  static final String ENVELOPE = "envelope.json";
  static final String DEFINITIONS = "defs.json";

  // Where each output goes, relative to the repository root.
  static final String CONTRACT_DIR = "schemas/src/contract";
  static final String RESOURCES = "schemas/src/main/resources/";
  static final String SCHEMAS = RESOURCES + RESOURCE_ROOT;
  static final String SAMPLES = RESOURCES + SAMPLE_ROOT;
  static final String REFERENCE = "docs/schema-reference.md";

  /** A contract file name becomes part of a {@code $id} URL: keep it plain. */
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.json");

  private SchemaGenerator() {}

  /**
   * Generates every file from the contract of a repository.
   *
   * <p>Arguments: {@code --repository=DIR} (the repository root, whose {@code schemas/src/contract}
   * is read), {@code --out=DIR} (where every generated file is written, under its path relative to
   * the repository root) and optionally {@code --write=true} (also bring the committed files of the
   * repository up to date, printing what changed). Bad contracts or arguments end in a
   * {@code ContractException} whose message names the file and the problem.
   *
   * @param args the arguments above
   * @throws IOException when a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    Path repository = null;
    Path out = null;
    boolean write = false;
    for (String arg : args) {
      if (arg.startsWith("--repository=")) {
        repository = Path.of(arg.substring("--repository=".length())).toAbsolutePath().normalize();
      } else if (arg.startsWith("--out=")) {
        out = Path.of(arg.substring("--out=".length())).toAbsolutePath().normalize();
      } else if (arg.equalsIgnoreCase("--write=true") || arg.equals("--write")) {
        write = true;
      } else if (!arg.equalsIgnoreCase("--write=false")) {
        throw new ContractException("unknown argument " + Text.printable(arg) + "; " + usage());
      }
    }
    if (repository == null || out == null) {
      throw new ContractException(usage());
    }
    GeneratedFiles files = generate(repository.resolve(CONTRACT_DIR));
    files.writeUnder(out);
    if (write) {
      List<String> changes = files.writeUnder(repository);
      if (changes.isEmpty()) {
        System.out.println("schemas generator: the committed files are up to date");
      }
      changes.forEach(change -> System.out.println("schemas generator: " + change));
    }
  }

  private static String usage() {
    return "usage: SchemaGenerator --repository=DIR --out=DIR [--write=true|false]";
  }

  /** Every generated file, keyed by its path relative to the repository root. */
  static GeneratedFiles generate(Path contractDir) {
    Map<String, ObjectNode> sources = readSources(contractDir);
    for (String shared : List.of(ENVELOPE, DEFINITIONS)) {
      if (!sources.containsKey(shared)) {
        throw new ContractException(Text.printable(contractDir.toString()) + ": no " + shared
            + " (the index names it: every contract set has an envelope and shared definitions)");
      }
    }
    if (!sources.get(DEFINITIONS).path("$defs").isObject()) {
      throw new ContractException(
          Text.printable(contractDir.resolve(DEFINITIONS).toString()) + ": has no \"$defs\" object");
    }
    Map<String, String> out = new TreeMap<>();
    Map<String, String> eventFiles = new TreeMap<>();
    for (Map.Entry<String, ObjectNode> source : sources.entrySet()) {
      String where = Text.printable(contractDir.resolve(source.getKey()).toString());
      List<String> eventTypes = eventTypes(where, source.getValue());
      for (String eventType : eventTypes) {
        String other = eventFiles.putIfAbsent(eventType, source.getKey());
        if (other != null) {
          throw new ContractException(
              where + ": event type \"" + eventType + "\" is already declared by " + Text.printable(other));
        }
      }
      Samples.of(where, source.getValue(), eventTypes)
          .forEach((eventType, sample) -> out.put(SAMPLES + eventType + ".json", Json.writeSample(sample)));
    }
    Map<String, Map<String, ObjectNode>> byProfile = new LinkedHashMap<>();
    for (String profile : PROFILES) {
      Map<String, ObjectNode> generated = new LinkedHashMap<>();
      for (Map.Entry<String, ObjectNode> source : sources.entrySet()) {
        ObjectNode schema = source.getValue().deepCopy();
        schema.remove("examples"); // the samples, written above
        schema.put("$id", ID_BASE + profile + "/" + source.getKey());
        ObjectNode shaped = (ObjectNode) Profiles.shape(schema, profile.equals("strict"));
        generated.put(source.getKey(), shaped);
        out.put(SCHEMAS + profile + "/" + source.getKey(), Json.writeSchema(shaped));
      }
      byProfile.put(profile, generated);
    }
    out.put(SCHEMAS + "index.json", Json.writeSchema(index(eventFiles)));
    out.put(SCHEMAS + FieldIndex.FILE,
        Json.writeSchema(FieldIndex.of(sources, eventFiles, Text.printable(contractDir.toString()))));
    out.put(REFERENCE, SchemaReference.render(byProfile));
    return new GeneratedFiles(out);
  }

  /** The contract files, sorted by name so that the output never depends on directory order. */
  static Map<String, ObjectNode> readSources(Path contractDir) {
    if (!Files.isDirectory(contractDir)) {
      throw new ContractException(Text.printable(contractDir.toString()) + ": no contract directory here");
    }
    Map<String, ObjectNode> sources = new TreeMap<>();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> listing = Files.list(contractDir)) {
      listing.filter(p -> p.getFileName().toString().endsWith(".json")).forEach(files::add);
    } catch (IOException e) {
      throw new ContractException(Text.printable(contractDir.toString()) + ": cannot list it: " + e.getMessage());
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (!FILE_NAME.matcher(name).matches()) {
        throw new ContractException(Text.printable(file.toString())
            + ": a contract file name may hold only letters, digits, '.', '-' and '_' (it becomes part of a $id)");
      }
      JsonNode tree = Json.read(file);
      if (!tree.isObject()) {
        throw new ContractException(Text.printable(file.toString()) + ": a contract is a JSON object (a schema)");
      }
      sources.put(name, (ObjectNode) tree);
    }
    if (sources.isEmpty()) {
      throw new ContractException(Text.printable(contractDir.toString()) + ": no *.json contract files");
    }
    return sources;
  }

  /**
   * The event types a contract declares: its {@code eventType} constant, or every name of its
   * {@code eventType} enum; none for the envelope and the shared definitions.
   */
  static List<String> eventTypes(String where, JsonNode schema) {
    JsonNode eventType = schema.path("properties").path("eventType");
    List<String> names = new ArrayList<>();
    if (eventType.has("const")) {
      names.add(eventType.get("const").asText());
    } else if (eventType.has("enum")) {
      eventType.get("enum").forEach(name -> names.add(name.asText()));
    }
    for (String name : names) {
      if (!Samples.EVENT_TYPE.matcher(name).matches()) {
        throw new ContractException(where + ": event type \"" + Text.printable(name)
            + "\" may hold only letters, digits, '.', '-' and '_' (it names its sample file)");
      }
    }
    return names;
  }

  /**
   * The index maps each event type to its schema file. It is derived from each schema's own
   * {@code eventType} constant or enum, so it cannot disagree with the schemas.
   */
  private static ObjectNode index(Map<String, String> eventFiles) {
    ObjectNode index = Json.MAPPER.createObjectNode();
    index.put("description", "Webconnex webhook event types and the schema file that describes each.");
    index.put("idBase", ID_BASE);
    ArrayNode profiles = index.putArray("profiles");
    PROFILES.forEach(profiles::add);
    index.put("envelope", ENVELOPE);
    index.put("definitions", DEFINITIONS);
    ObjectNode events = index.putObject("events");
    eventFiles.forEach(events::put);
    return index;
  }
}
