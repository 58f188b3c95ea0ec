package io.webconnexkit.spring.internal;

import io.webconnexkit.model.WebconnexEvent;
import io.webconnexkit.spring.IdempotencyStore;
import io.webconnexkit.spring.WebconnexProperties;
import io.webconnexkit.spring.WebconnexWebhook;
import io.webconnexkit.validator.DeliveryVerifier;
import io.webconnexkit.validator.ValidationReport;
import io.webconnexkit.validator.WebconnexDelivery;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;

/**
 * Finds every {@link WebconnexWebhook} method of the application's beans once they are all made,
 * checks each one, and maps each path to one {@link WebhookEndpoint}. A mistake (a method that
 * takes no event, two methods for one event type at one path, handlers without a signing secret)
 * stops the application with a message naming the methods. Ordered before the application's own
 * request mappings, and matching only its own paths. Not API.
 */
public final class WebhookHandlerMapping extends AbstractUrlHandlerMapping implements SmartInitializingSingleton {

  private final DeliveryVerifier verifier;
  private final IdempotencyStore store;
  private final WebconnexProperties properties;
  private final Map<String, WebhookEndpoint> endpoints = new TreeMap<>();

  /**
   * @param verifier checks every delivery
   * @param store remembers handled deliveries
   * @param properties the {@code webconnex.*} settings
   */
  public WebhookHandlerMapping(DeliveryVerifier verifier, IdempotencyStore store, WebconnexProperties properties) {
    this.verifier = verifier;
    this.store = store;
    this.properties = properties;
    setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
  }

  /** @return each receiving endpoint by its path */
  public Map<String, WebhookEndpoint> endpoints() {
    return Map.copyOf(endpoints);
  }

  @Override
  public void afterSingletonsInstantiated() {
    Map<String, List<WebhookMethod>> byPath = new TreeMap<>();
    ApplicationContext context = obtainApplicationContext();
    ConfigurableListableBeanFactory beanFactory = ((ConfigurableApplicationContext) context).getBeanFactory();
    for (String name : beanFactory.getBeanNamesForType(Object.class, false, false)) {
      if (ScopedProxyUtils.isScopedTarget(name)) {
        continue;
      }
      Class<?> type = AutoProxyUtils.determineTargetClass(beanFactory, name);
      if (type == null) {
        continue;
      }
      Map<Method, WebconnexWebhook> annotated = MethodIntrospector.selectMethods(type,
          (MethodIntrospector.MetadataLookup<WebconnexWebhook>) m -> AnnotatedElementUtils.findMergedAnnotation(m, WebconnexWebhook.class));
      if (annotated.isEmpty()) {
        continue;
      }
      Object bean = context.getBean(name);
      annotated.forEach((method, annotation) -> {
        String path = annotation.value().isEmpty() ? properties.path() : annotation.value();
        WebhookMethod handler = WebhookMethod.of(name, bean, AopUtils.selectInvocableMethod(method, bean.getClass()), method);
        if (!path.startsWith("/")) {
          throw new WebhookConfigurationException("@WebconnexWebhook(\"" + path + "\") on " + handler
              + ": a path starts with /, such as /webhooks/webconnex");
        }
        byPath.computeIfAbsent(path, p -> new ArrayList<>()).add(handler);
      });
    }
    if (!byPath.isEmpty() && !verifier.hasSigningSecret() && properties.requireSignature()) {
      throw new WebhookConfigurationException("webconnex.signing-secrets is empty, so deliveries to "
          + String.join(", ", byPath.keySet()) + " could not be verified: set it to the webhook's signing secret (for example"
          + " webconnex.signing-secrets=${WEBCONNEX_SIGNING_SECRET}), or set webconnex.require-signature=false to receive"
          + " unsigned deliveries in a test");
    }
    byPath.forEach((path, methods) -> {
      Map<Class<? extends WebconnexEvent>, WebhookMethod> byEvent = new LinkedHashMap<>();
      for (WebhookMethod method : methods) {
        WebhookMethod other = byEvent.putIfAbsent(method.eventType(), method);
        if (other != null) {
          throw new WebhookConfigurationException("two @WebconnexWebhook methods take " + method.eventType().getSimpleName()
              + " at " + path + ": " + other + " and " + method + "; one endpoint has one handler per event type");
        }
      }
      WebhookEndpoint endpoint = new WebhookEndpoint(path, byEvent, verifier, store, properties.onInvalid());
      endpoints.put(path, endpoint);
      registerHandler(path, endpoint);
    });
  }

  /** The classes a handler method may take besides its event. */
  static final List<Class<?>> EXTRA_PARAMETERS = List.of(WebconnexDelivery.class, ValidationReport.class);
}
