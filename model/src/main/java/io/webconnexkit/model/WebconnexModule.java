package io.webconnexkit.model;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.Module;
import io.webconnexkit.model.internal.JacksonSupport;

/**
 * A Jackson module for the model: with it, any {@code ObjectMapper} reads and writes every event
 * record, nested record, {@link FieldValue}, {@link Timestamp} and {@link WebconnexId} exactly as
 * {@link WebconnexEvents} does, whatever the mapper's own settings (numbers stay exact, unknown
 * fields go to {@code extras()}, timestamps keep their text).
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().registerModule(new WebconnexModule());
 * WebconnexEvent event = mapper.readValue(body, WebconnexEvent.class);
 * }</pre>
 *
 * <p>The module is also found by {@code ObjectMapper.findAndRegisterModules()} and by mappers
 * built with {@code findAndAddModules()} (it is listed in {@code META-INF/services}), and the
 * Spring Boot starter registers it with the application's mapper. Binding with a mapper does not
 * validate: use {@link WebconnexEvents#parse(byte[])} for a payload that has not been checked.
 */
public final class WebconnexModule extends Module {

  /** A module; all instances are the same. */
  public WebconnexModule() {}

  /** @return {@code "WebconnexModule"} */
  @Override
  public String getModuleName() {
    return "WebconnexModule";
  }

  /** @return no version: the module is versioned with the kit's artifacts */
  @Override
  public Version version() {
    return Version.unknownVersion();
  }

  /** @param context Jackson's set-up context, to which the model's serializers and deserializers are added */
  @Override
  public void setupModule(SetupContext context) {
    context.addDeserializers(JacksonSupport.deserializers());
    context.addSerializers(JacksonSupport.serializers());
  }
}
