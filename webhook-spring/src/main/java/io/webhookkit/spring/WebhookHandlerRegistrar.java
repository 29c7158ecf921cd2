package io.webhookkit.spring;

import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.adapter.EndpointHandlers;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Finds the {@link WebhookHandler} methods of every bean as it is initialized (a bean
 * post-processor, so it works the same with AOT-processed applications) and, once all singletons
 * exist, binds and checks them into the {@link EndpointHandlers} the guards route through.
 */
final class WebhookHandlerRegistrar implements BeanPostProcessor {
  private record Found(Object bean, Method method, WebhookHandler annotation) {}

  private final List<Found> found = new ArrayList<>();

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    Class<?> type = AopUtils.getTargetClass(bean);
    if (type.getName().startsWith("org.springframework.")) {
      return bean;
    }
    Map<Method, WebhookHandler> methods =
        MethodIntrospector.selectMethods(
            type,
            (MethodIntrospector.MetadataLookup<WebhookHandler>)
                m -> AnnotatedElementUtils.findMergedAnnotation(m, WebhookHandler.class));
    synchronized (found) {
      methods.forEach((m, a) -> found.add(new Found(bean, m, a)));
    }
    return bean;
  }

  /**
   * Binds every method found into the registry.
   *
   * @throws io.webhookkit.core.WebhookConfigurationException naming the method whose parameters
   *     cannot be bound
   */
  void register(EndpointHandlers handlers, ListableBeanFactory beans) {
    PayloadBinder binder = PayloadBinder.of(beans);
    List<Found> all;
    synchronized (found) {
      all = List.copyOf(found);
    }
    for (Found f : all) {
      String origin =
          "@WebhookHandler on "
              + f.method().getDeclaringClass().getSimpleName()
              + "."
              + f.method().getName();
      PayloadBinder.Argument[] arguments;
      try {
        arguments = binder.arguments(f.method());
      } catch (IllegalArgumentException bad) {
        throw new WebhookConfigurationException(
            f.annotation().endpoint(),
            "events",
            "@WebhookHandler on " + origin + ": " + bad.getMessage());
      }
      Method invocable = AopUtils.selectInvocableMethod(f.method(), f.bean().getClass());
      ReflectionUtils.makeAccessible(invocable);
      Object bean = f.bean();
      handlers.add(
          new EndpointHandlers.Declared(
              f.annotation().endpoint(),
              List.of(f.annotation().events()),
              event -> invoke(bean, invocable, arguments, event),
              origin));
    }
  }

  private static void invoke(
      Object bean, Method method, PayloadBinder.Argument[] arguments, WebhookEvent event)
      throws Exception {
    Object[] args = new Object[arguments.length];
    for (int i = 0; i < args.length; i++) {
      args[i] = arguments[i].bind(event);
    }
    try {
      method.invoke(bean, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
