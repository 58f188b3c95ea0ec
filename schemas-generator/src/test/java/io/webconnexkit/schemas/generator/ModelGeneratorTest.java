package io.webconnexkit.schemas.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model generator on its own: the small contract (src/test/resources/contract) generated into
 * a temp directory and compared byte for byte with src/test/resources/expected-model, the rules
 * for families and shared edit/cancel records on variations of it, determinism, writing only what
 * changed, and the message for each contract it cannot turn into Java. The real contract's records
 * are compiled and tested by the model module.
 */
class ModelGeneratorTest {

  private static final String MODEL = "io/webconnexkit/model/";

  @TempDir Path temp;

  @Test
  void generatesTheSmallContractExactlyAsExpected() throws Exception {
    Path out = temp.resolve("out");

    ModelGenerator.main(new String[] {"--repository=" + repository(c -> {}), "--out=" + out});

    assertThat(tree(out)).isEqualTo(expected());
  }

  @Test
  void theSameContractGivesTheSameBytes() throws Exception {
    Path contract = repository(c -> {}).resolve(SchemaGenerator.CONTRACT_DIR);

    assertThat(ModelGenerator.generate(contract)).isEqualTo(ModelGenerator.generate(contract));
  }

  @Test
  void writingAgainLeavesUnchangedFilesAloneAndRemovesRecordsNoContractMakesAnyMore() throws Exception {
    Path out = temp.resolve("out");
    Map<String, String> files = ModelGenerator.generate(repository(c -> {}).resolve(SchemaGenerator.CONTRACT_DIR));
    ModelGenerator.write(files, out);
    Path tag = out.resolve(MODEL + "Tag.java");
    FileTime written = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(tag, written);
    Path stale = out.resolve(MODEL + "RemovedEvent.java");
    Files.writeString(stale, "// from an older contract");
    Path notJava = out.resolve(MODEL + "notes.txt");
    Files.writeString(notJava, "not the generator's");

    ModelGenerator.write(files, out);

    assertThat(Files.getLastModifiedTime(tag)).isEqualTo(written);
    assertThat(stale).doesNotExist();
    assertThat(notJava).exists();
  }

  @Test
  void anAllOfOfIfThenEntriesIsASealedFamilyWithARecordForOtherValues() throws Exception {
    Path repository = repository(contract -> {
      ObjectNode defs = (ObjectNode) contract.get("defs.json").get("$defs");
      defs.set("circleShape", read("{\"type\":\"object\",\"properties\":{\"kind\":{\"const\":\"circle\"},"
          + "\"radius\":{\"type\":\"number\"}}}"));
      defs.set("shape", read("{\"description\":\"A shape\",\"type\":\"object\",\"properties\":{\"kind\":{\"type\":\"string\"}},"
          + "\"allOf\":[{\"if\":{\"properties\":{\"kind\":{\"const\":\"circle\"}},\"required\":[\"kind\"]},"
          + "\"then\":{\"$ref\":\"#/$defs/circleShape\"}}]}"));
      ((ObjectNode) contract.get("demo.json").at("/properties/data/properties"))
          .set("shapes", read("{\"type\":\"array\",\"items\":{\"$ref\":\"defs.json#/$defs/shape\"}}"));
    });

    Map<String, String> files = ModelGenerator.generate(repository.resolve(SchemaGenerator.CONTRACT_DIR));

    assertThat(files.get(MODEL + "Shape.java")).contains("public sealed interface Shape permits\n    CircleShape,\n    OtherShape {",
        "{@link CircleShape} for {@code circle}", "  String kind();");
    assertThat(files.get(MODEL + "CircleShape.java")).contains("    BigDecimal radius,", ") implements Shape {");
    assertThat(files.get(MODEL + "OtherShape.java")).contains("public record OtherShape(\n    String kind,", ") implements Shape {");
    assertThat(files.get(MODEL + "DemoEvent.java")).contains("      List<Shape> shapes,", "shapes = Copies.list(shapes);");
    assertThat(files.get(MODEL + "internal/ModelIndex.java"))
        .contains("Family.of(Shape.class, \"kind\", OtherShape.class,\n          \"circle\", CircleShape.class)");
  }

  @Test
  void editAndCancelContractsOfOneThingShareOneRecord() throws Exception {
    Path repository = repository(contract -> {
      contract.put("edit-demo.json", eventContract("EditThingEvent", "edit_thing", "string"));
      contract.put("cancel-demo.json", eventContract("CancelThingEvent", "cancel_thing", "string"));
    });

    Map<String, String> files = ModelGenerator.generate(repository.resolve(SchemaGenerator.CONTRACT_DIR));

    assertThat(files).containsKey(MODEL + "ThingEvent.java").doesNotContainKeys(MODEL + "EditThingEvent.java",
        MODEL + "CancelThingEvent.java");
    assertThat(files.get(MODEL + "ThingEvent.java")).contains("<p>Event types {@code cancel_thing}, {@code edit_thing}.");
    assertThat(files.get(MODEL + "internal/ModelIndex.java"))
        .contains("\"cancel_thing\", ThingEvent.class", "\"edit_thing\", ThingEvent.class");
  }

  @Test
  void editAndCancelContractsThatDescribeOtherFieldsAreRefused() throws Exception {
    Path repository = repository(contract -> {
      contract.put("edit-demo.json", eventContract("EditThingEvent", "edit_thing", "string"));
      contract.put("cancel-demo.json", eventContract("CancelThingEvent", "cancel_thing", "integer"));
    });

    assertThat(failure(repository)).endsWith("edit-demo.json: shares the record ThingEvent with cancel-demo.json but describes"
        + " other fields: /data/reason is String where the other has Long");
  }

  @Test
  void aFieldWithoutAJavaTypeIsRefusedNamingTheFileAndThePlace() throws Exception {
    Path repository = repository(contract -> ((ObjectNode) contract.get("demo.json").at("/properties/data/properties"))
        .set("mixed", read("{\"type\":[\"string\",\"boolean\"]}")));

    assertThat(failure(repository)).endsWith("demo.json: /properties/data/properties/mixed: the model has no Java type for type"
        + " [string, boolean]");
  }

  @Test
  void aFieldOfNoSettledTypeIsAnyJsonValueCopiedInAndOut() throws Exception {
    Path repository = repository(contract -> {
      ObjectNode data = (ObjectNode) contract.get("demo.json").at("/properties/data/properties");
      data.set("seenOnce", read("{\"description\":\"Seen once\",\"x-observed\":\"an old payload\"}"));
      data.set("history", read("{\"type\":\"array\",\"x-observed\":\"an old payload\"}"));
    });

    String demo = ModelGenerator.generate(repository.resolve(SchemaGenerator.CONTRACT_DIR)).get(MODEL + "DemoEvent.java");

    assertThat(demo).contains("      JsonNode seenOnce,", "      List<JsonNode> history,", "seenOnce = Copies.json(seenOnce);",
        "history = Copies.jsonList(history);", "    public List<JsonNode> history() {\n      return Copies.jsonList(history);");
  }

  @Test
  void aFieldNameThatCannotBeARecordComponentIsRefused() throws Exception {
    Path repository = repository(contract -> ((ObjectNode) contract.get("demo.json").at("/properties/data/properties"))
        .set("class", read("{\"type\":\"string\"}")));

    assertThat(failure(repository)).contains("demo.json: /properties/data/properties/class: the field \"class\" cannot be the"
        + " name of a Java record component");
  }

  @Test
  void anEventContractWhoseTitleCannotNameARecordIsRefused() throws Exception {
    Path repository = repository(contract -> ((ObjectNode) contract.get("demo.json")).put("title", "demo\u001b event"));

    assertThat(failure(repository)).endsWith("demo.json: /title: an event contract's title names its record and must look like"
        + " RegistrationEvent (letters and digits ending in Event), but it is \"demo\\u001b event\"");
  }

  @Test
  void anUnknownArgumentIsRefusedWithTheUsage() {
    ContractException failure = catchThrowableOfType(ContractException.class,
        () -> ModelGenerator.main(new String[] {"--write=true"}));

    assertThat(failure).hasMessage("unknown argument --write=true; usage: ModelGenerator --repository=DIR --out=DIR");
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static ObjectNode read(String json) {
    try {
      return (ObjectNode) Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode eventContract(String title, String eventType, String reasonType) {
    return read("{\"title\":\"" + title + "\",\"type\":\"object\",\"properties\":{\"eventType\":{\"const\":\"" + eventType
        + "\"},\"data\":{\"type\":\"object\",\"properties\":{\"reason\":{\"type\":\"" + reasonType + "\"}}}},"
        + "\"examples\":[{\"eventType\":\"" + eventType + "\",\"data\":{}}]}");
  }

  /** A repository holding the small contract, changed by {@code change} (file name to schema). */
  private Path repository(Consumer<Map<String, ObjectNode>> change) throws Exception {
    Map<String, ObjectNode> contract = new TreeMap<>();
    try (Stream<Path> files = Files.list(resource("contract"))) {
      for (Path file : files.toList()) {
        contract.put(file.getFileName().toString(), (ObjectNode) Json.read(file));
      }
    }
    change.accept(contract);
    Path repository = Files.createTempDirectory(temp, "repository");
    Path dir = Files.createDirectories(repository.resolve(SchemaGenerator.CONTRACT_DIR));
    for (Map.Entry<String, ObjectNode> file : contract.entrySet()) {
      Files.writeString(dir.resolve(file.getKey()), Json.writeSchema(file.getValue()));
    }
    return repository;
  }

  private static String failure(Path repository) {
    ContractException failure = catchThrowableOfType(ContractException.class,
        () -> ModelGenerator.generate(repository.resolve(SchemaGenerator.CONTRACT_DIR)));
    assertThat(failure).as("a ContractException").isNotNull();
    return failure.getMessage();
  }

  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private static Map<String, String> expected() throws Exception {
    Map<String, String> files = new TreeMap<>();
    tree(resource("expected-model")).forEach((path, content) -> files.put(path.replaceFirst("\\.golden$", ""), content));
    return files;
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(ModelGeneratorTest.class.getClassLoader().getResource(name).toURI());
  }
}
