package io.webhookkit.spring;

import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.adapter.FormData;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Binds a {@link WebhookHandler} method's parameters from a delivery: the event, the raw body, a
 * form, or the body read by the application's own JSON mapper bean (Jackson 3's {@code JsonMapper}
 * on Boot 4, Jackson 2's {@code ObjectMapper} on Boot 3).
 */
final class PayloadBinder {
  /** Reads a JSON body into a type. */
  interface Json {
    @Nullable Object read(byte[] body, Type type) throws Exception;
  }

  /** Reads one parameter from a delivery. */
  interface Argument {
    @Nullable Object bind(WebhookEvent event) throws Exception;
  }

  private final @Nullable Json json;

  private PayloadBinder(@Nullable Json json) {
    this.json = json;
  }

  /** Over the application's JSON mapper bean, if it has one. */
  static PayloadBinder of(ListableBeanFactory beans) {
    ClassLoader loader = PayloadBinder.class.getClassLoader();
    Json json = null;
    if (ClassUtils.isPresent("tools.jackson.databind.ObjectMapper", loader)) {
      json = Jackson3.lookup(beans);
    }
    if (json == null
        && ClassUtils.isPresent("com.fasterxml.jackson.databind.ObjectMapper", loader)) {
      json = Jackson2.lookup(beans);
    }
    return new PayloadBinder(json);
  }

  /**
   * The arguments of a method, checked now.
   *
   * @throws IllegalArgumentException naming the parameter the kit cannot bind
   */
  Argument[] arguments(Method method) {
    Class<?>[] types = method.getParameterTypes();
    Type[] generic = method.getGenericParameterTypes();
    Argument[] out = new Argument[types.length];
    int payloads = 0;
    for (int i = 0; i < types.length; i++) {
      Class<?> t = types[i];
      if (t == WebhookEvent.class) {
        out[i] = event -> event;
        continue;
      }
      if (++payloads > 1) {
        throw new IllegalArgumentException(
            "parameter " + (i + 1) + " (" + t.getSimpleName() + "): at most one payload parameter");
      }
      if (t == byte[].class) {
        out[i] = WebhookEvent::body;
      } else if (t == String.class) {
        out[i] = WebhookEvent::bodyAsString;
      } else if (t == MultiValueMap.class || t == LinkedMultiValueMap.class) {
        out[i] = PayloadBinder::form;
      } else if (unbindable(t)) {
        throw new IllegalArgumentException(
            "parameter "
                + (i + 1)
                + " ("
                + t.getName()
                + ") cannot be bound from a delivery: take WebhookEvent, byte[], String,"
                + " MultiValueMap or a type the JSON mapper reads");
      } else {
        Json j = json;
        if (j == null) {
          throw new IllegalArgumentException(
              "parameter "
                  + (i + 1)
                  + " ("
                  + t.getSimpleName()
                  + ") needs the application's JSON mapper, and there is no Jackson ObjectMapper"
                  + " bean");
        }
        Type target = generic[i];
        out[i] = event -> j.read(event.body(), target);
      }
    }
    return out;
  }

  private static boolean unbindable(Class<?> t) {
    String name = t.getName();
    return t.isPrimitive()
        || ClassUtils.isPrimitiveWrapper(t)
        || name.startsWith("java.io.")
        || name.startsWith("jakarta.servlet.")
        || name.startsWith("org.springframework.http.")
        || name.startsWith("org.springframework.web.")
        || t == Optional.class
        || t == Object.class;
  }

  private static MultiValueMap<String, String> form(WebhookEvent event) {
    MultiValueMap<String, String> out = new LinkedMultiValueMap<>();
    FormData.parse(event.body(), StandardCharsets.UTF_8)
        .ifPresent(pairs -> pairs.forEach(p -> out.add(p.getKey(), p.getValue())));
    return out;
  }

  /** Jackson 3 (Boot 4); loaded only when Jackson 3 is on the class path. */
  static final class Jackson3 {
    static @Nullable Json lookup(ListableBeanFactory beans) {
      tools.jackson.databind.ObjectMapper m =
          beans.getBeanProvider(tools.jackson.databind.ObjectMapper.class).getIfUnique();
      if (m == null) {
        return null;
      }
      return (body, type) -> m.readValue(body, m.getTypeFactory().constructType(type));
    }

    private Jackson3() {}
  }

  /** Jackson 2 (Boot 3); loaded only when Jackson 2 is on the class path. */
  static final class Jackson2 {
    static @Nullable Json lookup(ListableBeanFactory beans) {
      com.fasterxml.jackson.databind.ObjectMapper m =
          beans.getBeanProvider(com.fasterxml.jackson.databind.ObjectMapper.class).getIfUnique();
      if (m == null) {
        return null;
      }
      return (body, type) -> m.readValue(body, m.getTypeFactory().constructType(type));
    }

    private Jackson2() {}
  }
}
