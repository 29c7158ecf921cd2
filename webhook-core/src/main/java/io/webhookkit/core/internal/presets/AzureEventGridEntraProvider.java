package io.webhookkit.core.internal.presets;

import io.webhookkit.core.internal.keys.JwtScheme;
import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderKey;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Azure Event Grid delivering to a webhook secured with Microsoft Entra ID: every request (the
 * subscription validation included) carries {@code Authorization: Bearer <access token>} that Entra
 * signs (RS256) with a key of the tenant's set at {@code
 * https://login.microsoftonline.com/<tenant-id>/discovery/v2.0/keys}. The token must be issued by
 * the tenant (v1.0 {@code https://sts.windows.net/<tenant-id>/} or v2.0 {@code
 * https://login.microsoftonline.com/<tenant-id>/v2.0}), for the endpoint's application ({@code
 * audience}: its application id or id URI), to Event Grid itself (its {@code appid}/{@code azp} is
 * Microsoft.EventGrid's first-party application, public or US Government cloud), and not expired
 * (judged with {@code tolerance}). Events, ids, types and the {@code SubscriptionValidationEvent}
 * handshake are as in {@link AzureEventGridProvider}; no {@code secrets}.
 *
 * @see <a href="https://learn.microsoft.com/en-us/azure/event-grid/secure-webhook-delivery">Azure
 *     Event Grid: deliver events to Microsoft Entra protected endpoints</a>
 */
public final class AzureEventGridEntraProvider implements Provider {
  /** Microsoft.EventGrid's application ids: public cloud, US Government cloud. */
  static final Set<String> EVENT_GRID_APP_IDS =
      Set.of("4962773b-9cdb-44cf-a8bf-237846a00ab7", "54316b56-3481-47f9-8f30-0300f5542a7b");

  private static final Pattern TENANT = Pattern.compile("[0-9a-fA-F-]{36}");
  private static final ProviderKey TENANT_ID =
      new ProviderKey(
          "tenant-id",
          "The Microsoft Entra tenant (directory) id that issues the tokens. Required.");
  private static final ProviderKey AUDIENCE =
      new ProviderKey(
          "audience",
          "The application id or application id URI of the endpoint's Entra app registration, as"
              + " the event subscription names it. Required.");

  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public AzureEventGridEntraProvider() {}

  @Override
  public String name() {
    return "azure-event-grid-entra";
  }

  @Override
  public List<ProviderKey> keys() {
    return List.of(TENANT_ID, AUDIENCE);
  }

  @Override
  public boolean usesSecrets() {
    return false;
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    String tenant = settings.require("tenant-id");
    if (!TENANT.matcher(tenant).matches()) {
      throw settings.invalid("tenant-id", "must be the tenant's id (a GUID)");
    }
    String audience = settings.require("audience");
    JwtScheme scheme =
        JwtScheme.builder()
            .label("entra-jwks")
            .jwks(
                URI.create("https://login.microsoftonline.com/" + tenant + "/discovery/v2.0/keys"))
            .issuers(
                Set.of(
                    "https://sts.windows.net/" + tenant + "/",
                    "https://login.microsoftonline.com/" + tenant + "/v2.0"))
            .audiences(Set.of(audience))
            .tolerance(settings.tolerance())
            .check(
                claims -> {
                  Object appid = claims.getClaim("appid");
                  Object azp = claims.getClaim("azp");
                  return (appid instanceof String a && EVENT_GRID_APP_IDS.contains(a))
                          || (azp instanceof String z && EVENT_GRID_APP_IDS.contains(z))
                      ? null
                      : "The token was not issued to Azure Event Grid.";
                })
            .build(settings.remoteKeys());
    return ProviderRules.builder()
        .signatureScheme(scheme)
        .deliveryId(Locator.bodySha256())
        .eventType(Locator.header("aeg-event-type"))
        .handshake(Handshakes.eventGridValidation())
        .build();
  }
}
