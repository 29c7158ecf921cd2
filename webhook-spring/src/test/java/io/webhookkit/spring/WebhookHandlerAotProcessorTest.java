package io.webhookkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.WebhookEvent;
import org.junit.jupiter.api.Test;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeHint;
import org.springframework.aot.hint.TypeReference;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.javapoet.ClassName;

/**
 * Ahead-of-time processing registers each {@code @WebhookHandler} method for invocation and its
 * payload type for binding, and nothing for a bean without one.
 */
class WebhookHandlerAotProcessorTest {
  /** A payload. */
  record Invoice(String id, String type) {}

  static class Handlers {
    @WebhookHandler(endpoint = "stripe", events = "invoice.*")
    void onInvoice(WebhookEvent event, Invoice invoice) {}

    void notAHandler() {}
  }

  static class Plain {
    void nothing() {}
  }

  private static BeanRegistrationAotContribution process(Class<?> type) {
    DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    beans.registerBeanDefinition("bean", new RootBeanDefinition(type));
    return new WebhookHandlerAotProcessor().processAheadOfTime(RegisteredBean.of(beans, "bean"));
  }

  @Test
  void handlerMethodsAndTheirPayloadsGetHints() {
    BeanRegistrationAotContribution contribution = process(Handlers.class);
    assertThat(contribution).isNotNull();
    DefaultGenerationContext context =
        new DefaultGenerationContext(
            new ClassNameGenerator(ClassName.get("io.webhookkit.aot", "Test")),
            new InMemoryGeneratedFiles());

    contribution.applyTo(context, null);

    RuntimeHints hints = context.getRuntimeHints();
    TypeHint handlers = hints.reflection().getTypeHint(Handlers.class);
    assertThat(handlers).isNotNull();
    assertThat(handlers.methods())
        .anyMatch(m -> m.getName().equals("onInvoice") && m.getMode() == ExecutableMode.INVOKE)
        .noneMatch(m -> m.getName().equals("notAHandler"));
    assertThat(hints.reflection().getTypeHint(TypeReference.of(Invoice.class))).isNotNull();
  }

  @Test
  void aBeanWithoutHandlersContributesNothing() {
    assertThat(process(Plain.class)).isNull();
  }
}
