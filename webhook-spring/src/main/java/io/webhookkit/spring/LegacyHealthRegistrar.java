package io.webhookkit.spring;

import io.webhookkit.core.idempotency.IdempotencyStore;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Spring Boot 3 health of the idempotency store. Boot 3's {@code HealthIndicator} lives in a
 * package Boot 4 removed, and this jar compiles against Boot 4, so the indicator is a proxy of Boot
 * 3's interface whose {@code Health} is built reflectively; the bean is registered with that
 * interface as its type so that Boot 3's health registry finds it.
 */
class LegacyHealthRegistrar implements ImportBeanDefinitionRegistrar {
  static final String HEALTH_INDICATOR = "org.springframework.boot.actuate.health.HealthIndicator";
  static final String HEALTH = "org.springframework.boot.actuate.health.Health";

  @Override
  public void registerBeanDefinitions(
      AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
    ClassLoader loader = LegacyHealthRegistrar.class.getClassLoader();
    Class<?> type;
    try {
      type = Class.forName(HEALTH_INDICATOR, false, loader);
    } catch (ClassNotFoundException e) {
      return;
    }
    BeanFactory beans = (BeanFactory) registry;
    register(
        registry,
        "webhookStoreHealthIndicator",
        type,
        () -> proxy(type, loader, new WebhookStoreProbe(beans.getBean(IdempotencyStore.class))));
    register(
        registry,
        "webhookInboxHealthIndicator",
        type,
        () ->
            proxy(
                type,
                loader,
                HealthProbe.inbox(
                    beans.getBean(WebhookWorkersLifecycle.class),
                    beans.getBean(WebhookProperties.class))));
  }

  private static void register(
      BeanDefinitionRegistry registry, String name, Class<?> type, Supplier<Object> instance) {
    if (registry.containsBeanDefinition(name)) {
      return;
    }
    RootBeanDefinition definition = new RootBeanDefinition();
    definition.setTargetType(type);
    definition.setInstanceSupplier(instance);
    registry.registerBeanDefinition(name, definition);
  }

  @SuppressWarnings("ReferenceEquality") // a proxy equals only itself
  private static Object proxy(Class<?> type, ClassLoader loader, HealthProbe probe) {
    return Proxy.newProxyInstance(
        loader,
        new Class<?>[] {type},
        (self, method, args) -> {
          return switch (method.getName()) {
            case "health" ->
                // health() carries details; Boot strips them per its show-details policy.
                health(
                    loader,
                    probe,
                    args == null || args.length == 0 || Boolean.TRUE.equals(args[0]));
            case "getHealth" ->
                health(
                    loader,
                    probe,
                    args != null && args.length == 1 && Boolean.TRUE.equals(args[0]));
            case "toString" -> "WebhookStoreHealthIndicator(Boot 3)";
            case "hashCode" -> System.identityHashCode(self);
            case "equals" -> self == args[0];
            default -> throw new UnsupportedOperationException(method.getName());
          };
        });
  }

  private static Object health(ClassLoader loader, HealthProbe probe, boolean withDetails)
      throws Exception {
    Map<String, Object> details = new LinkedHashMap<>();
    boolean up = probe.probe(details);
    Class<?> health = Class.forName(HEALTH, true, loader);
    Object builder = health.getMethod(up ? "up" : "down").invoke(null);
    if (withDetails) {
      Method withDetail = builder.getClass().getMethod("withDetails", Map.class);
      builder = withDetail.invoke(builder, details);
    }
    return builder.getClass().getMethod("build").invoke(builder);
  }
}
