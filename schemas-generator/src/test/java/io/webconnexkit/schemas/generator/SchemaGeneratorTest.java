package io.webconnexkit.schemas.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator on its own: a small contract (src/test/resources/contract) generated into a temp
 * directory and compared with the files it must give (src/test/resources/expected, each named
 * with a {@code .golden} suffix so that no page or schema scanner of the repository takes it for a
 * real one), the rules of
 * each profile, the samples, determinism, writing into a source tree, and the message for each
 * kind of bad contract. None of it reads the real contract in ../schemas: that one is checked by
 * the schemas module, so that a change there never stops this module from building the command
 * that regenerates it.
 */
class SchemaGeneratorTest {

  private static final String DEMO_A = SchemaGenerator.SAMPLES + "demo_a.json";
  private static final String STRICT_DEMO = SchemaGenerator.SCHEMAS + "strict/demo.json";
  private static final String LENIENT_DEMO = SchemaGenerator.SCHEMAS + "lenient/demo.json";

  @TempDir Path temp;

  // --- output ----------------------------------------------------------------------------------

  @Test
  void generatesTheSmallContractIntoATempDirectoryExactlyAsExpected() throws Exception {
    Path repository = fixtureRepository();
    Path out = temp.resolve("out");

    String printed = run("--repository=" + repository, "--out=" + out);

    assertThat(tree(out)).isEqualTo(expectedTree());
    assertThat(printed).as("a normal build prints nothing").isEmpty();
  }

  @Test
  void everyRootExampleBecomesTheSampleOfItsEventTypeAndLeavesThePublishedSchemas() throws Exception {
    Map<String, String> files = SchemaGenerator.generate(fixtureContract()).files();
    JsonNode contract = Json.read(fixtureContract().resolve("demo.json"));

    assertThat(files).containsKeys(DEMO_A, SchemaGenerator.SAMPLES + "demo_b.json");
    assertThat(Json.MAPPER.readTree(files.get(DEMO_A))).isEqualTo(contract.at("/examples/0"));
    assertThat(Json.MAPPER.readTree(files.get(SchemaGenerator.SAMPLES + "demo_b.json")))
        .isEqualTo(contract.at("/examples/1"));
    for (String schema : List.of(STRICT_DEMO, LENIENT_DEMO)) {
      JsonNode published = Json.MAPPER.readTree(files.get(schema));
      assertThat(published.has("examples")).as("root examples in %s", schema).isFalse();
      assertThat(published.at("/properties/eventType/examples/0").asText()).isEqualTo("demo_a");
    }
  }

  @Test
  void samplesWriteEmptyArraysAndObjectsAsPayloadsDoAndSchemasKeepTheirLayout() {
    Map<String, String> files = SchemaGenerator.generate(fixtureContract()).files();

    assertThat(files.get(DEMO_A)).contains("\"tags\": [],\n", "\"fields\": {},\n").endsWith("}\n");
    assertThat(files.get(SchemaGenerator.SCHEMAS + "strict/envelope.json")).contains("\"properties\": { }\n");
  }

  @Test
  void strictRequiresEveryPropertyNotMarkedOptionalAndClosesEveryObjectNotMarkedOpen() throws IOException {
    JsonNode strict = Json.MAPPER.readTree(SchemaGenerator.generate(fixtureContract()).files().get(STRICT_DEMO));
    JsonNode data = strict.at("/properties/data");

    assertThat(texts(data.get("required"))).containsExactly("total", "tags", "fields", "timestamp");
    assertThat(data.get("additionalProperties").asBoolean(true)).isFalse();
    assertThat(data.at("/properties/fields").has("additionalProperties")).as("x-open stays open").isFalse();
    assertThat(texts(data.at("/properties/fields/required"))).containsExactly("first");
    assertThat(data.at("/properties/timestamp/format").asText()).isEqualTo("date-time");
  }

  @Test
  void lenientRequiresOnlyWhatXLenientRequiredNamesAndAppliesXLenientOverrides() throws IOException {
    JsonNode lenient = Json.MAPPER.readTree(SchemaGenerator.generate(fixtureContract()).files().get(LENIENT_DEMO));
    JsonNode data = lenient.at("/properties/data");

    assertThat(texts(data.get("required"))).containsExactly("total");
    assertThat(data.has("additionalProperties")).isFalse();
    assertThat(data.at("/properties/fields").has("required")).isFalse();
    assertThat(data.at("/properties/timestamp").has("format")).as("x-lenient sets format to null").isFalse();
  }

  @Test
  void anObservedFieldIsRequiredByNeitherProfileAndOnlyStrictCarriesItsEvidence() throws IOException {
    Map<String, String> files = SchemaGenerator.generate(fixtureContract()).files();
    JsonNode strict = Json.MAPPER.readTree(files.get(STRICT_DEMO)).at("/properties/data");
    JsonNode lenient = Json.MAPPER.readTree(files.get(LENIENT_DEMO)).at("/properties/data");

    assertThat(texts(strict.get("required"))).doesNotContain("origin");
    assertThat(strict.at("/properties/origin/webconnexObserved").asText()).isEqualTo("seen in an earlier demo payload");
    assertThat(strict.at("/properties/origin/type").asText()).isEqualTo("string");
    assertThat(lenient.at("/properties/origin").has("webconnexObserved")).isFalse();
    assertThat(files.get(SchemaGenerator.REFERENCE))
        .contains("| `data.origin` | string | optional | optional | Where the demo came from **Observed, not documented:**"
            + " seen in an earlier demo payload |");
  }

  @Test
  void theFieldIndexListsEveryFieldWithItsTypesAndTheEvidenceOfObservedOnes() throws IOException {
    Map<String, String> files = SchemaGenerator.generate(fixtureContract()).files();
    JsonNode index = Json.MAPPER.readTree(files.get(SchemaGenerator.SCHEMAS + "fields.json")).get("events");
    List<String> pointers = new ArrayList<>();
    index.get("demo_a").forEach(field -> pointers.add(field.get("pointer").asText()));

    assertThat(pointers).contains("/eventType", "/data", "/data/total", "/data/origin", "/data/tags/*", "/data/fields/first");
    assertThat(index.get("demo_b")).isEqualTo(index.get("demo_a"));
    for (JsonNode field : index.get("demo_a")) {
      if (field.get("pointer").asText().equals("/data/origin")) {
        assertThat(field.get("observed").asText()).isEqualTo("seen in an earlier demo payload");
        assertThat(field.get("documentedIn").asText()).isEqualTo("demo.json#/properties/data/properties/origin");
      } else {
        assertThat(field.has("observed")).as(field.toString()).isFalse();
      }
      if (field.get("pointer").asText().equals("/data/total")) {
        assertThat(texts(field.get("types"))).containsExactly("number");
        assertThat(field.get("documentedIn").asText()).isEqualTo("defs.json#/$defs/money");
      }
    }
  }

  @Test
  void observedEvidenceThatIsNotANonEmptyStringIsRejected() throws Exception {
    Path contract = editedContract("demo.json",
        demo -> ((ObjectNode) demo.at("/properties/data/properties/origin")).put("x-observed", true));

    assertThat(failure(contract)).isEqualTo(contract.resolve("demo.json")
        + ": #/properties/data/properties/origin has \"x-observed\" that is not a non-empty string: its value is the"
        + " evidence (where the field was seen)");
  }

  @Test
  void noBuildTimeAnnotationIsLeftInAnyPublishedSchema() {
    SchemaGenerator.generate(fixtureContract()).files().forEach((path, content) -> {
      if (path.startsWith(SchemaGenerator.SCHEMAS)) {
        assertThat(content).as(path).doesNotContain("\"x-");
      }
    });
  }

  @Test
  void everyEventTypeOfTheIndexGetsOneSampleAndNothingElseDoes() throws IOException {
    Map<String, String> files = SchemaGenerator.generate(fixtureContract()).files();
    JsonNode events = Json.MAPPER.readTree(files.get(SchemaGenerator.SCHEMAS + "index.json")).get("events");

    List<String> expected = new ArrayList<>();
    events.fieldNames().forEachRemaining(event -> expected.add(SchemaGenerator.SAMPLES + event + ".json"));
    assertThat(files.keySet().stream().filter(p -> p.startsWith(SchemaGenerator.SAMPLES)))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  // --- determinism -----------------------------------------------------------------------------

  @Test
  void theSameContractGivesTheSameBytesWhateverTheOrderItsFilesWereWrittenIn() throws Exception {
    Path reversed = temp.resolve("reversed");
    Files.createDirectories(reversed);
    List<Path> sources;
    try (Stream<Path> files = Files.list(fixtureContract())) {
      sources = new ArrayList<>(files.sorted().toList());
    }
    Collections.reverse(sources);
    for (Path source : sources) {
      Files.copy(source, reversed.resolve(source.getFileName()));
    }

    Map<String, String> first = SchemaGenerator.generate(fixtureContract()).files();
    Map<String, String> second = SchemaGenerator.generate(fixtureContract()).files();
    Map<String, String> fromCopy = SchemaGenerator.generate(reversed).files();

    assertThat(first).hasSize(11).isEqualTo(second).isEqualTo(fromCopy);
  }

  @Test
  void runningTwiceIntoTwoDirectoriesWritesIdenticalTrees() throws Exception {
    Path repository = fixtureRepository();

    run("--repository=" + repository, "--out=" + temp.resolve("one"));
    run("--repository=" + repository, "--out=" + temp.resolve("two"));

    assertThat(tree(temp.resolve("one"))).isNotEmpty().isEqualTo(tree(temp.resolve("two")));
  }

  // --- writing into the source tree ------------------------------------------------------------

  @Test
  void writeModeBringsTheCommittedFilesUpToDateAndTouchesNothingElse() throws Exception {
    Path repository = fixtureRepository();
    write(repository.resolve(DEMO_A), "{}\n");
    write(repository.resolve(SchemaGenerator.SAMPLES + "retired.json"), "{}\n");
    write(repository.resolve(SchemaGenerator.RESOURCES + "webconnex/notes.txt"), "mine\n");
    write(repository.resolve("docs/profiles.md"), "mine\n");

    String printed = run("--repository=" + repository, "--out=" + temp.resolve("out"), "--write=true");

    Map<String, String> committed = tree(repository);
    committed.keySet().removeIf(path -> path.startsWith(SchemaGenerator.CONTRACT_DIR + "/"));
    Map<String, String> expected = new TreeMap<>(expectedTree());
    expected.put(SchemaGenerator.RESOURCES + "webconnex/notes.txt", "mine\n");
    expected.put("docs/profiles.md", "mine\n");
    assertThat(committed).isEqualTo(expected);
    assertThat(printed)
        .contains("schemas generator: wrote " + DEMO_A + "\n")
        .contains("schemas generator: wrote " + SchemaGenerator.REFERENCE + "\n")
        .contains("schemas generator: removed " + SchemaGenerator.SAMPLES + "retired.json\n")
        .doesNotContain("notes.txt", "profiles.md");
  }

  @Test
  void writeModeOnAnUpToDateTreeChangesNothingAndSaysSo() throws Exception {
    Path repository = fixtureRepository();
    run("--repository=" + repository, "--out=" + temp.resolve("out"), "--write=true");
    Map<String, String> before = tree(repository);

    String printed = run("--repository=" + repository, "--out=" + temp.resolve("out"), "--write=true");

    assertThat(printed).isEqualTo("schemas generator: the committed files are up to date\n");
    assertThat(tree(repository)).isEqualTo(before);
  }

  @Test
  void withoutWriteModeTheSourceTreeIsLeftAsItIs() throws Exception {
    Path repository = fixtureRepository();
    write(repository.resolve(DEMO_A), "{}\n");

    run("--repository=" + repository, "--out=" + temp.resolve("out"), "--write=false");

    assertThat(Files.readString(repository.resolve(DEMO_A))).isEqualTo("{}\n");
    assertThat(Files.exists(repository.resolve(STRICT_DEMO))).isFalse();
  }

  // --- bad contracts and arguments -------------------------------------------------------------

  @Test
  void aContractWithoutRootExamplesSaysWhichSamplesItNeeds() throws Exception {
    Path contract = editedContract("demo.json", demo -> demo.remove("examples"));

    assertThat(failure(contract)).isEqualTo(contract.resolve("demo.json")
        + ": needs a root \"examples\" array holding one complete payload (the bundled sample) for each of its"
        + " event types: demo_b, demo_a");
  }

  @Test
  void anExampleOfAnEventTypeTheContractDoesNotDeclareIsRejected() throws Exception {
    Path contract = editedContract("demo.json", demo -> ((ObjectNode) demo.at("/examples/1")).put("eventType", "demo_c"));

    assertThat(failure(contract)).isEqualTo(contract.resolve("demo.json")
        + ": examples[1] has eventType \"demo_c\", which this contract does not declare (it declares demo_b, demo_a)");
  }

  @Test
  void aSecondExampleForOneEventTypeIsRejected() throws Exception {
    Path contract = editedContract("demo.json", demo -> ((ObjectNode) demo.at("/examples/1")).put("eventType", "demo_a"));

    assertThat(failure(contract)).isEqualTo(contract.resolve("demo.json")
        + ": examples[1] is a second example for event type \"demo_a\": keep one sample per event type");
  }

  @Test
  void anEventTypeWithoutAnExampleIsNamed() throws Exception {
    Path contract = editedContract("demo.json", demo -> ((ArrayNode) demo.get("examples")).remove(1));

    assertThat(failure(contract)).isEqualTo(contract.resolve("demo.json")
        + ": root \"examples\" has no payload for event type \"demo_b\": add one (it becomes the bundled sample"
        + " webconnex/samples/v1/demo_b.json)");
  }

  @Test
  void anExampleThatIsNotAPayloadIsRejected() throws Exception {
    Path noObject = editedContract("demo.json", demo -> ((ArrayNode) demo.get("examples")).set(0, "demo_a"));
    assertThat(failure(noObject)).endsWith("demo.json: examples[0] is not a JSON object (a complete payload)");

    Path noEventType = editedContract("demo.json", demo -> ((ObjectNode) demo.at("/examples/0")).put("eventType", 7));
    assertThat(failure(noEventType))
        .endsWith("demo.json: examples[0] has no string \"eventType\": it names the sample's event type");
  }

  @Test
  void rootExamplesInAContractWithoutEventTypeAreRejected() throws Exception {
    Path contract = editedContract("envelope.json", envelope -> envelope.putArray("examples").addObject());

    assertThat(failure(contract)).isEqualTo(contract.resolve("envelope.json")
        + ": root \"examples\" are the bundled samples, one per event type, but this contract declares no event"
        + " type (properties.eventType with const or enum)");
  }

  @Test
  void anEventTypeDeclaredByTwoContractsIsRejected() throws Exception {
    Path contract = editedContract("demo.json", demo -> {});
    Files.copy(contract.resolve("demo.json"), contract.resolve("demo-copy.json"));

    assertThat(failure(contract)).isEqualTo(contract.resolve("demo.json")
        + ": event type \"demo_b\" is already declared by demo-copy.json");
  }

  @Test
  void controlCharactersOfAContractAreEscapedInTheMessage() throws Exception {
    Path contract = editedContract("demo.json",
        demo -> ((ObjectNode) demo.at("/examples/1")).put("eventType", "demo\u0007\u001b[2Jb"));

    String message = failure(contract);

    assertThat(message).contains("eventType \"demo\\u0007\\u001b[2Jb\"").doesNotContain("\u0007", "\u001b");
  }

  @Test
  void brokenJsonNamesTheFileLineAndColumn() throws Exception {
    Path contract = editedContract("demo.json", demo -> {});
    Files.writeString(contract.resolve("broken.json"), "{\n  \"title\": \"x\",\n  \"type\": \n}\n");

    assertThat(failure(contract)).startsWith(contract.resolve("broken.json") + ":4:1: not JSON: ");
  }

  @Test
  void aDuplicateKeyIsRejectedInsteadOfLosingOneValue() throws Exception {
    Path contract = editedContract("demo.json", demo -> {});
    Files.writeString(contract.resolve("twice.json"), "{\n  \"title\": \"a\",\n  \"title\": \"b\"\n}\n");

    assertThat(failure(contract))
        .startsWith(contract.resolve("twice.json") + ":3:")
        .contains("Duplicate field 'title'");
  }

  @Test
  void aContractSetWithoutSharedDefinitionsIsRejected() throws Exception {
    Path contract = editedContract("demo.json", demo -> {});
    Files.delete(contract.resolve("defs.json"));

    assertThat(failure(contract)).isEqualTo(contract
        + ": no defs.json (the index names it: every contract set has an envelope and shared definitions)");
  }

  @Test
  void aFileNameThatCannotBePartOfAnIdIsRejected() throws Exception {
    Path contract = editedContract("demo.json", demo -> {});
    Files.move(contract.resolve("demo.json"), contract.resolve("my demo.json"));

    assertThat(failure(contract)).isEqualTo(contract.resolve("my demo.json")
        + ": a contract file name may hold only letters, digits, '.', '-' and '_' (it becomes part of a $id)");
  }

  @Test
  void aMissingContractDirectoryIsNamed() {
    Path missing = temp.resolve("nowhere");

    assertThat(failure(missing)).isEqualTo(missing + ": no contract directory here");
  }

  @Test
  void anUnknownArgumentIsRejectedWithTheUsage() {
    ContractException failure = catchThrowableOfType(ContractException.class,
        () -> SchemaGenerator.main(new String[] {"--repo=x"}));

    assertThat(failure).hasMessage(
        "unknown argument --repo=x; usage: SchemaGenerator --repository=DIR --out=DIR [--write=true|false]");
  }

  // --- helpers ---------------------------------------------------------------------------------

  private Path fixtureRepository() throws Exception {
    Path repository = temp.resolve("repository");
    copyTree(fixtureContract(), repository.resolve(SchemaGenerator.CONTRACT_DIR));
    return repository;
  }

  /** A copy of the small contract with one file changed. */
  private Path editedContract(String file, Consumer<ObjectNode> edit) throws Exception {
    Path contract = temp.resolve("contract");
    copyTree(fixtureContract(), contract);
    ObjectNode tree = (ObjectNode) Json.read(contract.resolve(file));
    edit.accept(tree);
    Files.writeString(contract.resolve(file), Json.writeSchema(tree));
    return contract;
  }

  private static String failure(Path contract) {
    ContractException failure =
        catchThrowableOfType(ContractException.class, () -> SchemaGenerator.generate(contract));
    assertThat(failure).as("generating %s must fail", contract).isNotNull();
    return failure.getMessage();
  }

  private static Path fixtureContract() {
    return resource("contract");
  }

  private static Path resource(String name) {
    try {
      return Path.of(SchemaGeneratorTest.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs the generator as the build does and returns what it printed. */
  private static String run(String... args) throws IOException {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      SchemaGenerator.main(args);
    } finally {
      System.setOut(original);
    }
    return printed.toString(StandardCharsets.UTF_8);
  }

  /** The files the small contract must give, keyed as the generator names them. */
  private static Map<String, String> expectedTree() throws IOException {
    Map<String, String> expected = new TreeMap<>();
    tree(resource("expected")).forEach((path, content) -> {
      assertThat(path).endsWith(".golden");
      expected.put(path.substring(0, path.length() - ".golden".length()), content);
    });
    return expected;
  }

  /** Every file under a folder: path relative to it ('/' separators) to content. */
  private static Map<String, String> tree(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(file).toString().replace('\\', '/'), Files.readString(file));
      }
    }
    return files;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    for (Map.Entry<String, String> file : tree(from).entrySet()) {
      write(to.resolve(file.getKey()), file.getValue());
    }
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }
}
