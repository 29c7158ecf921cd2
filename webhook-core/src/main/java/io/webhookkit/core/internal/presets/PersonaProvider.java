package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.KeyValueSignatureScheme;

/**
 * Persona: {@code Persona-Signature: t=<Unix s>,v1=<hex>}, HMAC-SHA256 over {@code <t>.<body>}
 * keyed with the webhook secret (during a rotation Persona sends a second pair). The body is a
 * JSON:API document: delivery id {@code data.id} (the event's), event type {@code
 * data.attributes.name}.
 *
 * @see <a href="https://docs.withpersona.com/docs/webhooks-best-practices">Persona: webhook best
 *     practices, checking signatures</a>
 */
public final class PersonaProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public PersonaProvider() {}

  @Override
  public String name() {
    return "persona";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            KeyValueSignatureScheme.builder()
                .header("Persona-Signature")
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.json("data.id"))
        .eventType(Locator.json("data.attributes.name"))
        .build();
  }
}
