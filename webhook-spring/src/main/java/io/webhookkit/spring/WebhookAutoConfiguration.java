package io.webhookkit.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.webhookkit.core.WebhookActivity;
import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookListener;
import io.webhookkit.core.adapter.EndpointCustomizer;
import io.webhookkit.core.adapter.EndpointGuards;
import io.webhookkit.core.adapter.EndpointNames;
import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.idempotency.IdempotencyStores;
import io.webhookkit.core.idempotency.StoreSettings;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
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
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
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

  @Bean
  @ConditionalOnMissingBean
  EndpointGuards webhookGuards(
      WebhookProperties properties,
      IdempotencyStore store,
      ObjectProvider<WebhookListener> listeners,
      ObjectProvider<EndpointCustomizer> customizers,
      Environment environment) {
    Map<String, Map<String, String>> unbound =
        EndpointPropertyNames.unbound(environment, WebhookProperties.Endpoint.BOUND_KEYS);
    EndpointGuards.Builder guards =
        EndpointGuards.builder()
            .idempotencyStore(store)
            .listeners(listeners.orderedStream().toList())
            .customizers(customizers.orderedStream().toList());
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
    WebhooksEndpoint webhooksEndpoint(EndpointGuards guards, WebhookActivity activity) {
      return new WebhooksEndpoint(guards, activity);
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

  /** Fails start-up when a {@code @WebhookEndpoint} names an endpoint that is not configured. */
  @Bean
  SmartInitializingSingleton webhookEndpointValidator(
      ListableBeanFactory beans, EndpointGuards guards) {
    return () ->
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
  }
}
