package io.webconnexkit.spring.internal;

import io.webconnexkit.model.WebconnexEvent;
import io.webconnexkit.validator.ValidationReport;
import io.webconnexkit.validator.WebconnexDelivery;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.util.ReflectionUtils;

/**
 * One {@code @WebconnexWebhook} method: the bean, the method to call, and the event type it takes.
 * Not API.
 *
 * @param beanName the bean's name, for messages
 * @param bean the bean instance the method is invoked on
 * @param method the method to invoke (on a proxy, the proxy's)
 * @param declared the method as declared, for messages
 * @param eventType the event record (or {@code UnknownEvent}, or {@code WebconnexEvent}) it takes
 * @param eventIndex the event's position among the method's parameters, from 0
 */
record WebhookMethod(String beanName, Object bean, Method method, Method declared,
    Class<? extends WebconnexEvent> eventType, int eventIndex) {

  /**
   * @throws WebhookConfigurationException naming the method when its parameters are not one event and
   *     optionally the delivery and its report
   */
  @SuppressWarnings("unchecked")
  static WebhookMethod of(String beanName, Object bean, Method method, Method declared) {
    Class<?>[] types = declared.getParameterTypes();
    int eventIndex = -1;
    for (int i = 0; i < types.length; i++) {
      if (WebconnexEvent.class.isAssignableFrom(types[i])) {
        if (eventIndex >= 0) {
          throw new WebhookConfigurationException("@WebconnexWebhook method " + describe(declared)
              + " takes two events; it takes one");
        }
        eventIndex = i;
      } else if (!WebhookHandlerMapping.EXTRA_PARAMETERS.contains(types[i])) {
        throw new WebhookConfigurationException("@WebconnexWebhook method " + describe(declared) + " takes a "
            + types[i].getSimpleName() + "; a handler takes one event (a record such as RegistrationEvent, UnknownEvent"
            + " or WebconnexEvent) and, if it needs them, the WebconnexDelivery and its ValidationReport");
      }
    }
    if (eventIndex < 0) {
      throw new WebhookConfigurationException("@WebconnexWebhook method " + describe(declared) + " takes no event; a handler takes"
          + " one (a record such as RegistrationEvent, UnknownEvent or WebconnexEvent)");
    }
    ReflectionUtils.makeAccessible(method);
    return new WebhookMethod(beanName, bean, method, declared, (Class<? extends WebconnexEvent>) types[eventIndex], eventIndex);
  }

  /** Calls the method; what it throws is thrown as it is. */
  void invoke(WebconnexEvent event, WebconnexDelivery delivery, ValidationReport report) throws Exception {
    Class<?>[] types = method.getParameterTypes();
    Object[] arguments = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      arguments[i] = i == eventIndex ? event : types[i] == WebconnexDelivery.class ? delivery : report;
    }
    try {
      method.invoke(bean, arguments);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      throw (Error) cause;
    }
  }

  private static String describe(Method method) {
    return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "("
        + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ")) + ")";
  }

  @Override
  public String toString() {
    return describe(declared) + " of bean " + beanName;
  }
}
