package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacAlgorithm;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * HCP Terraform (Terraform Cloud) and Terraform Enterprise notifications: {@code
 * X-TFE-Notification-Signature}, the hex HMAC-SHA512 of the body keyed with the notification
 * configuration's token. No delivery id: the body's SHA-256.
 *
 * @see <a
 *     href="https://developer.hashicorp.com/terraform/cloud-docs/api-docs/notification-configurations#notification-authenticity">HCP
 *     Terraform: notification authenticity</a>
 */
public final class TerraformCloudProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public TerraformCloudProvider() {}

  @Override
  public String name() {
    return "terraform-cloud";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("X-TFE-Notification-Signature")
                .algorithm(HmacAlgorithm.SHA512)
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.bodySha256())
        .build();
  }
}
