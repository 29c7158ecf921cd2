package io.webhookkit.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.webhookkit.core.WebhookActivity;
import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookListener;
import io.webhookkit.core.WebhookWorkers;
import io.webhookkit.core.adapter.EndpointCustomizer;
import io.webhookkit.core.adapter.EndpointGuards;
import io.webhookkit.core.adapter.EndpointHandlers;
import io.webhookkit.core.adapter.EndpointNames;
import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.idempotency.IdempotencyStores;
import io.webhookkit.core.idempotency.StoreSettings;
import io.webhookkit.core.inbox.DeliveryInbox;
import io.webhookkit.core.metrics.InboxMeters;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Auto-configures webhook-kit for Spring MVC: a guard per {@code webhook.endpoints.<name>}, one
 * idempotency store ({@code webhook.idempotency.store}), the dispatch filter, the {@link
 * io.webhookkit.core.WebhookEvent} argument resolver, the fail-closed interceptor and the
 * {@code @RequestBody} advice. Every bean backs off when the application defines its own.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  IdempotencyStore webhookIdempotencyStore(
      WebhookProperties properties, ListableBeanFactory beans, Environment environment) {
    Map<String, String> keys = new LinkedHashMap<>(properties.getIdempotency().keys());
    if (!keys.containsKey("webhook.idempotency.redis.uri")) {
      // The application's own Redis settings, when webhook.idempotency.redis.uri is not given.
      String url = environment.getProperty("spring.data.redis.url");
      String host = environment.getProperty("spring.data.redis.host");
      if (url != null) {
        keys.put("webhook.idempotency.redis.uri", url);
      } else if (host != null) {
        keys.put(
            "webhook.idempotency.redis.uri",
            "redis://" + host + ":" + environment.getProperty("spring.data.redis.port", "6379"));
      }
    }
    return IdempotencyStores.create(
        new StoreSettings(
            keys::get, type -> beans.getBeanProvider(type).getIfUnique(), Clock.systemUTC()));
  }

  /** Finds {@code @WebhookHandler} methods; static so that it sees every bean. */
  @Bean
  static WebhookHandlerRegistrar webhookHandlerRegistrar() {
    return new WebhookHandlerRegistrar();
  }

  @Bean
  @ConditionalOnMissingBean
  EndpointHandlers webhookEndpointHandlers() {
    return new EndpointHandlers();
  }

  /**
   * The worker pool ({@code webhook.inbox.*}): threads from Spring's virtual-thread factory when
   * {@code spring.threads.virtual.enabled=true}, each run wrapped by the application's {@code
   * TaskDecorator} (security or tracing context), runs reported to Micrometer.
   */
  @Bean
  @ConditionalOnMissingBean
  WebhookWorkersLifecycle webhookWorkers(
      WebhookProperties properties,
      IdempotencyStore store,
      ObjectProvider<TaskDecorator> decorators,
      ObjectProvider<WebhookWorkers.Listener> workerListeners,
      Environment environment) {
    if (!(store instanceof DeliveryInbox inbox)) {
      return new WebhookWorkersLifecycle(null);
    }
    WebhookWorkers.Builder b =
        WebhookWorkers.builder(inbox).settings(properties.getInbox().keys()::get);
    TaskDecorator decorator = decorators.getIfUnique();
    if (decorator != null) {
      b.decorator(decorator::decorate);
    }
    if (environment.getProperty("spring.threads.virtual.enabled", Boolean.class, false)) {
      b.threadFactory(new VirtualThreadTaskExecutor("webhook-worker-").getVirtualThreadFactory());
    }
    List<WebhookWorkers.Listener> told = workerListeners.orderedStream().toList();
    if (!told.isEmpty()) {
      b.listener(
          new WebhookWorkers.Listener() {
            @Override
            public void onAttempt(String endpoint, String outcome, Duration duration) {
              told.forEach(l -> l.onAttempt(endpoint, outcome, duration));
            }

            @Override
            public void onRegistered(String endpoint, WebhookWorkers workers) {
              told.forEach(l -> l.onRegistered(endpoint, workers));
            }
          });
    }
    return new WebhookWorkersLifecycle(b.build());
  }

  /**
   * Serves {@code webhook.endpoints.<name>.path} for every endpoint that sets it, after the
   * application's own mappings (a controller mapping the same path wins).
   */
  @Bean
  SimpleUrlHandlerMapping webhookPathMapping(
      WebhookProperties properties, EndpointHandlers handlers) {
    Map<String, Object> paths = new LinkedHashMap<>();
    properties
        .getEndpoints()
        .forEach(
            (name, endpoint) -> {
              String path = endpoint.getPath();
              if (path != null && !path.isBlank()) {
                paths.put(path.trim(), new WebhookPathHandler(name, handlers));
              }
            });
    SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(paths);
    mapping.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
    return mapping;
  }

  @Bean
  @ConditionalOnMissingBean
  EndpointGuards webhookGuards(
      WebhookProperties properties,
      IdempotencyStore store,
      ObjectProvider<WebhookListener> listeners,
      ObjectProvider<EndpointCustomizer> customizers,
      Environment environment,
      WebhookWorkersLifecycle workers,
      EndpointHandlers handlers,
      ObjectProvider<ForwarderFactory> forwarders) {
    Map<String, Map<String, String>> unbound =
        EndpointPropertyNames.unbound(environment, WebhookProperties.Endpoint.BOUND_KEYS);
    EndpointGuards.Builder guards =
        EndpointGuards.builder()
            .idempotencyStore(store)
            .listeners(listeners.orderedStream().toList())
            .customizers(customizers.orderedStream().toList())
            .handlers(handlers::handlerFor);
    workers.workers().ifPresent(guards::workers);
    ForwarderFactory kafka = forwarders.getIfAvailable();
    if (kafka != null) {
      guards.forwarders(kafka::forwarderFor);
    }
    properties
        .getEndpoints()
        .forEach(
            (name, endpoint) ->
                guards.endpoint(
                    name, endpoint.toConfigSource(unbound.getOrDefault(name, Map.of()))));
    return guards.build();
  }

  @Bean
  WebhookHandlerLookup webhookHandlerLookup(ObjectProvider<HandlerMapping> handlerMappings) {
    return new WebhookHandlerLookup(handlerMappings);
  }

  @Bean
  FilterRegistrationBean<WebhookDispatchFilter> webhookDispatchFilter(
      WebhookHandlerLookup webhookHandlerLookup, EndpointGuards guards) {
    FilterRegistrationBean<WebhookDispatchFilter> registration =
        new FilterRegistrationBean<>(new WebhookDispatchFilter(webhookHandlerLookup, guards));
    registration.setOrder(WebhookDispatchFilter.ORDER);
    registration.setAsyncSupported(true);
    return registration;
  }

  /**
   * Spring Security: webhook requests are authenticated by their signature, so Security skips them
   * — only requests whose handler carries {@code @WebhookEndpoint}; CSRF and login stay on
   * everywhere else. {@code webhook.security.ignore-webhook-endpoints=false} turns this off (then
   * use the {@link WebhookEndpointRequestMatcher} bean in your own rules).
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name =
          "org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer")
  static class Security {
    @Bean
    @ConditionalOnMissingBean
    WebhookEndpointRequestMatcher webhookEndpointRequestMatcher(
        WebhookHandlerLookup webhookHandlerLookup) {
      return new WebhookEndpointRequestMatcher(webhookHandlerLookup);
    }

    @Bean
    @ConditionalOnProperty(
        prefix = "webhook.security",
        name = "ignore-webhook-endpoints",
        matchIfMissing = true)
    WebSecurityCustomizer webhookWebSecurityCustomizer(
        WebhookEndpointRequestMatcher webhookEndpointRequestMatcher) {
      return web -> web.ignoring().requestMatchers(webhookEndpointRequestMatcher);
    }
  }

  /**
   * {@code processing=forward} with webhook-kafka on the class path: the forwarders' producers take
   * the application's Kafka settings (its {@code KafkaTemplate}'s, from {@code spring.kafka.*})
   * under the endpoint's {@code forward.kafka.*} keys.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.webhookkit.kafka.KafkaForwarder")
  static class Kafka {
    @Bean
    @ConditionalOnMissingBean
    ForwarderFactory webhookKafkaForwarders(
        @Qualifier("webhookSpringKafkaSettings")
            ObjectProvider<Supplier<Map<String, Object>>> settings) {
      return new KafkaForwarders(
          () -> {
            Supplier<Map<String, Object>> s = settings.getIfAvailable();
            return s == null ? Map.of() : s.get();
          });
    }

    /** With spring-kafka: the settings of the application's {@code KafkaTemplate}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.kafka.core.KafkaTemplate")
    static class SpringKafka {
      @Bean
      Supplier<Map<String, Object>> webhookSpringKafkaSettings(
          ObjectProvider<KafkaTemplate<?, ?>> templates,
          ObjectProvider<ProducerFactory<?, ?>> factories) {
        return new SpringKafkaSettings(templates, factories);
      }
    }
  }

  /** Actuator: the {@code webhooks} endpoint and the store's health. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
  static class Actuator {
    @Bean
    @ConditionalOnMissingBean
    WebhookActivity webhookActivity() {
      return new WebhookActivity(Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    WebhooksEndpoint webhooksEndpoint(
        EndpointGuards guards, WebhookActivity activity, WebhookWorkersLifecycle workers) {
      return new WebhooksEndpoint(guards, activity, workers.workers().orElse(null));
    }
  }

  /** Store health on Spring Boot 4. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  static class Boot4Health {
    @Bean
    @ConditionalOnMissingBean(name = "webhookStoreHealthIndicator")
    WebhookStoreHealthIndicator webhookStoreHealthIndicator(IdempotencyStore store) {
      return new WebhookStoreHealthIndicator(store);
    }

    @Bean
    @ConditionalOnMissingBean(name = "webhookInboxHealthIndicator")
    WebhookInboxHealthIndicator webhookInboxHealthIndicator(
        WebhookWorkersLifecycle workers, WebhookProperties properties) {
      return new WebhookInboxHealthIndicator(workers, properties);
    }
  }

  /** Store health on Spring Boot 3. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = LegacyHealthRegistrar.HEALTH_INDICATOR)
  @Import(LegacyHealthRegistrar.class)
  static class Boot3Health {}

  /** Micrometer meters, when Micrometer is on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
  static class Metrics {
    @Bean
    @ConditionalOnMissingBean
    WebhookMetrics webhookMetrics(ObjectProvider<MeterRegistry> registries) {
      return new WebhookMetrics(registries);
    }

    /** The inbox gauges and the handler timer and counter, in the application's registry. */
    @Bean
    @ConditionalOnMissingBean(name = "webhookInboxMeters")
    WebhookWorkers.Listener webhookInboxMeters(ObjectProvider<MeterRegistry> registries) {
      return new WebhookWorkers.Listener() {
        private volatile @Nullable InboxMeters meters;

        private @Nullable InboxMeters meters() {
          InboxMeters m = meters;
          if (m == null) {
            MeterRegistry registry = registries.getIfUnique();
            if (registry != null) {
              m = new InboxMeters(registry);
              meters = m;
            }
          }
          return m;
        }

        @Override
        public void onAttempt(String endpoint, String outcome, Duration duration) {
          InboxMeters m = meters();
          if (m != null) {
            m.onAttempt(endpoint, outcome, duration);
          }
        }

        @Override
        public void onRegistered(String endpoint, WebhookWorkers workers) {
          InboxMeters m = meters();
          if (m != null) {
            m.onRegistered(endpoint, workers);
          }
        }
      };
    }
  }

  @Bean
  WebMvcConfigurer webhookMvcConfigurer() {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new WebhookEventArgumentResolver());
      }

      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new WebhookHandlerInterceptor());
      }
    };
  }

  @Bean
  WebhookRequestBodyAdvice webhookRequestBodyAdvice() {
    return new WebhookRequestBodyAdvice();
  }

  /**
   * Fails start-up when a {@code @WebhookEndpoint} names an endpoint that is not configured, and
   * checks and fixes the {@code @WebhookHandler} methods once every bean exists.
   */
  @Bean
  SmartInitializingSingleton webhookEndpointValidator(
      ListableBeanFactory beans,
      EndpointGuards guards,
      EndpointHandlers handlers,
      WebhookHandlerRegistrar registrar) {
    return () -> {
      registrar.register(handlers, beans);
      handlers.freeze(guards.configs());
      beans
          .getBeansOfType(RequestMappingHandlerMapping.class)
          .values()
          .forEach(
              mapping ->
                  mapping
                      .getHandlerMethods()
                      .values()
                      .forEach(
                          (HandlerMethod method) ->
                              WebhookDispatchFilter.endpointName(method)
                                  .filter(name -> EndpointNames.pathVariable(name).isEmpty())
                                  .filter(name -> guards.guard(name).isEmpty())
                                  .ifPresent(
                                      name -> {
                                        throw WebhookConfigurationException.unconfiguredEndpoint(
                                            name,
                                            method.getBeanType().getSimpleName()
                                                + "."
                                                + method.getMethod().getName());
                                      })));
    };
  }
}
