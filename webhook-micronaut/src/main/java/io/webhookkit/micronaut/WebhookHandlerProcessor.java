package io.webhookkit.micronaut;

import io.micronaut.context.BeanContext;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.context.processor.ExecutableMethodProcessor;
import io.micronaut.core.convert.value.ConvertibleMultiValues;
import io.micronaut.core.type.Argument;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.json.JsonMapper;
import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.adapter.EndpointHandlers;
import io.webhookkit.core.adapter.FormData;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Collects the {@link WebhookHandler} methods Micronaut's compiler made executable, and at start-up
 * binds and checks them into the routing table of the guards, then starts the worker pool.
 */
@Singleton
final class WebhookHandlerProcessor
    implements ExecutableMethodProcessor<WebhookHandler>, ApplicationEventListener<StartupEvent> {
  private record Found(BeanDefinition<?> bean, ExecutableMethod<?, ?> method) {}

  /** Reads one parameter from a delivery. */
  private interface Binding {
    @Nullable Object bind(WebhookEvent event) throws Exception;
  }

  private final List<Found> found = new ArrayList<>();
  private final BeanContext beans;

  WebhookHandlerProcessor(BeanContext beans) {
    this.beans = beans;
  }

  @Override
  public synchronized void process(BeanDefinition<?> bean, ExecutableMethod<?, ?> method) {
    found.add(new Found(bean, method));
  }

  @Override
  public void onApplicationEvent(StartupEvent event) {
    WebhookGuards guards = beans.getBean(WebhookGuards.class);
    EndpointHandlers handlers = guards.handlers();
    Optional<JsonMapper> json = beans.findBean(JsonMapper.class);
    List<Found> all;
    synchronized (this) {
      all = List.copyOf(found);
    }
    for (Found f : all) {
      ExecutableMethod<?, ?> method = f.method();
      String endpoint = method.stringValue(WebhookHandler.class, "endpoint").orElse("");
      String[] events = method.stringValues(WebhookHandler.class, "events");
      String origin =
          "@WebhookHandler on "
              + method.getDeclaringType().getSimpleName()
              + "."
              + method.getMethodName();
      Binding[] bindings = bindings(method, json.orElse(null), endpoint, origin);
      @SuppressWarnings("unchecked")
      ExecutableMethod<Object, Object> invocable = (ExecutableMethod<Object, Object>) method;
      BeanDefinition<?> definition = f.bean();
      handlers.add(
          new EndpointHandlers.Declared(
              endpoint,
              List.of(events),
              e -> {
                Object[] args = new Object[bindings.length];
                for (int i = 0; i < args.length; i++) {
                  args[i] = bindings[i].bind(e);
                }
                invocable.invoke(beans.getBean(definition), args);
              },
              origin));
    }
    guards.start();
  }

  /** A form body's fields, as Micronaut's own form binding gives them. */
  private static ConvertibleMultiValues<String> form(WebhookEvent event) {
    Map<CharSequence, List<String>> fields = new LinkedHashMap<>();
    FormData.parse(event.body(), StandardCharsets.UTF_8)
        .ifPresent(
            pairs ->
                pairs.forEach(
                    p ->
                        fields
                            .computeIfAbsent(p.getKey(), k -> new ArrayList<>())
                            .add(p.getValue())));
    return ConvertibleMultiValues.of(fields);
  }

  private static Binding[] bindings(
      ExecutableMethod<?, ?> method, @Nullable JsonMapper json, String endpoint, String origin) {
    Argument<?>[] arguments = method.getArguments();
    Binding[] out = new Binding[arguments.length];
    int payloads = 0;
    for (int i = 0; i < arguments.length; i++) {
      Argument<?> a = arguments[i];
      Class<?> t = a.getType();
      if (t == WebhookEvent.class) {
        out[i] = e -> e;
        continue;
      }
      if (++payloads > 1) {
        throw new WebhookConfigurationException(
            endpoint, "events", origin + ": at most one payload parameter");
      }
      if (t == byte[].class) {
        out[i] = WebhookEvent::body;
      } else if (t == String.class) {
        out[i] = WebhookEvent::bodyAsString;
      } else if (t == ConvertibleMultiValues.class) {
        out[i] = WebhookHandlerProcessor::form;
      } else if (t.isPrimitive()
          || t.getName().startsWith("java.io.")
          || t.getName().startsWith("io.micronaut.http.")
          || t == Object.class) {
        throw new WebhookConfigurationException(
            endpoint,
            "events",
            origin
                + ": parameter "
                + (i + 1)
                + " ("
                + t.getName()
                + ") cannot be bound from a delivery: take WebhookEvent, byte[], String,"
                + " ConvertibleMultiValues (a form) or a type the JSON mapper reads");
      } else if (json == null) {
        throw new WebhookConfigurationException(
            endpoint,
            "events",
            origin + ": parameter " + (i + 1) + " needs a JsonMapper bean (micronaut-serde)");
      } else {
        out[i] = e -> json.readValue(e.body(), a);
      }
    }
    return out;
  }
}
