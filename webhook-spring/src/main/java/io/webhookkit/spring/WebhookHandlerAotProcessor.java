package io.webhookkit.spring;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * For AOT-processed applications (GraalVM native images): each bean's {@link WebhookHandler}
 * methods are registered for reflective invocation and their payload types for JSON binding, so
 * that the {@link WebhookHandlerRegistrar} finds and calls them as on the JVM.
 */
final class WebhookHandlerAotProcessor implements BeanRegistrationAotProcessor {
  private static final BindingReflectionHintsRegistrar BINDING =
      new BindingReflectionHintsRegistrar();

  @Override
  public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean bean) {
    Class<?> type = bean.getBeanClass();
    Map<Method, WebhookHandler> methods =
        MethodIntrospector.selectMethods(
            type,
            (MethodIntrospector.MetadataLookup<WebhookHandler>)
                m -> AnnotatedElementUtils.findMergedAnnotation(m, WebhookHandler.class));
    if (methods.isEmpty()) {
      return null;
    }
    return (context, code) -> register(context.getRuntimeHints(), methods);
  }

  /** The hints for these handler methods. */
  static void register(RuntimeHints hints, Map<Method, WebhookHandler> methods) {
    for (Method m : methods.keySet()) {
      hints.reflection().registerMethod(m, ExecutableMode.INVOKE);
      for (Type parameter : m.getGenericParameterTypes()) {
        BINDING.registerReflectionHints(hints.reflection(), parameter);
      }
    }
  }
}
