import io.webhookkit.core.forward.WebhookForwarderProvider;
import io.webhookkit.core.idempotency.IdempotencyStoreProvider;
import io.webhookkit.core.idempotency.InMemoryIdempotencyStoreProvider;
import io.webhookkit.core.internal.presets.AdobeIoProvider;
import io.webhookkit.core.internal.presets.AdyenProvider;
import io.webhookkit.core.internal.presets.AirtableProvider;
import io.webhookkit.core.internal.presets.AlchemyProvider;
import io.webhookkit.core.internal.presets.Auth0Provider;
import io.webhookkit.core.internal.presets.AwsSnsProvider;
import io.webhookkit.core.internal.presets.AzureEventGridEntraProvider;
import io.webhookkit.core.internal.presets.AzureEventGridProvider;
import io.webhookkit.core.internal.presets.BitbucketProvider;
import io.webhookkit.core.internal.presets.BoxProvider;
import io.webhookkit.core.internal.presets.BraintreeProvider;
import io.webhookkit.core.internal.presets.BrexProvider;
import io.webhookkit.core.internal.presets.BuildkiteProvider;
import io.webhookkit.core.internal.presets.CalComProvider;
import io.webhookkit.core.internal.presets.CalendlyProvider;
import io.webhookkit.core.internal.presets.ChargebeeProvider;
import io.webhookkit.core.internal.presets.CheckoutProvider;
import io.webhookkit.core.internal.presets.CircleCiProvider;
import io.webhookkit.core.internal.presets.ClerkProvider;
import io.webhookkit.core.internal.presets.ClickUpProvider;
import io.webhookkit.core.internal.presets.CloudEventsProvider;
import io.webhookkit.core.internal.presets.CoinbaseCommerceProvider;
import io.webhookkit.core.internal.presets.CustomerIoProvider;
import io.webhookkit.core.internal.presets.DiscordProvider;
import io.webhookkit.core.internal.presets.DocuSignProvider;
import io.webhookkit.core.internal.presets.DropboxProvider;
import io.webhookkit.core.internal.presets.DwollaProvider;
import io.webhookkit.core.internal.presets.EbayProvider;
import io.webhookkit.core.internal.presets.ElevenLabsProvider;
import io.webhookkit.core.internal.presets.FlutterwaveProvider;
import io.webhookkit.core.internal.presets.ForgejoProvider;
import io.webhookkit.core.internal.presets.FrameIoProvider;
import io.webhookkit.core.internal.presets.GcpPubSubProvider;
import io.webhookkit.core.internal.presets.GenericHmacProvider;
import io.webhookkit.core.internal.presets.GitHubProvider;
import io.webhookkit.core.internal.presets.GitLabProvider;
import io.webhookkit.core.internal.presets.GiteaProvider;
import io.webhookkit.core.internal.presets.GoCardlessProvider;
import io.webhookkit.core.internal.presets.HelpScoutProvider;
import io.webhookkit.core.internal.presets.HerokuProvider;
import io.webhookkit.core.internal.presets.HookdeckProvider;
import io.webhookkit.core.internal.presets.HubSpotProvider;
import io.webhookkit.core.internal.presets.IntercomProvider;
import io.webhookkit.core.internal.presets.JiraProvider;
import io.webhookkit.core.internal.presets.LemonSqueezyProvider;
import io.webhookkit.core.internal.presets.LinearProvider;
import io.webhookkit.core.internal.presets.LithicProvider;
import io.webhookkit.core.internal.presets.MailgunProvider;
import io.webhookkit.core.internal.presets.MandrillProvider;
import io.webhookkit.core.internal.presets.MercadoPagoProvider;
import io.webhookkit.core.internal.presets.MetaProvider;
import io.webhookkit.core.internal.presets.MicrosoftGraphProvider;
import io.webhookkit.core.internal.presets.MicrosoftTeamsProvider;
import io.webhookkit.core.internal.presets.MuxProvider;
import io.webhookkit.core.internal.presets.NetlifyProvider;
import io.webhookkit.core.internal.presets.NylasProvider;
import io.webhookkit.core.internal.presets.OktaProvider;
import io.webhookkit.core.internal.presets.OnfidoProvider;
import io.webhookkit.core.internal.presets.OpenAiProvider;
import io.webhookkit.core.internal.presets.PaddleProvider;
import io.webhookkit.core.internal.presets.PagerDutyProvider;
import io.webhookkit.core.internal.presets.PayPalProvider;
import io.webhookkit.core.internal.presets.PaystackProvider;
import io.webhookkit.core.internal.presets.PersonaProvider;
import io.webhookkit.core.internal.presets.PlaidProvider;
import io.webhookkit.core.internal.presets.PostmarkProvider;
import io.webhookkit.core.internal.presets.PusherProvider;
import io.webhookkit.core.internal.presets.QuickBooksProvider;
import io.webhookkit.core.internal.presets.RazorpayProvider;
import io.webhookkit.core.internal.presets.ReplicateProvider;
import io.webhookkit.core.internal.presets.ResendProvider;
import io.webhookkit.core.internal.presets.SanityProvider;
import io.webhookkit.core.internal.presets.SegmentProvider;
import io.webhookkit.core.internal.presets.SendGridProvider;
import io.webhookkit.core.internal.presets.SendbirdProvider;
import io.webhookkit.core.internal.presets.SentryProvider;
import io.webhookkit.core.internal.presets.ShopifyProvider;
import io.webhookkit.core.internal.presets.SlackProvider;
import io.webhookkit.core.internal.presets.SquareProvider;
import io.webhookkit.core.internal.presets.StandardWebhooksProvider;
import io.webhookkit.core.internal.presets.StreamProvider;
import io.webhookkit.core.internal.presets.StripeProvider;
import io.webhookkit.core.internal.presets.SvixProvider;
import io.webhookkit.core.internal.presets.TallyProvider;
import io.webhookkit.core.internal.presets.TelegramProvider;
import io.webhookkit.core.internal.presets.TelnyxProvider;
import io.webhookkit.core.internal.presets.TerraformCloudProvider;
import io.webhookkit.core.internal.presets.TrelloProvider;
import io.webhookkit.core.internal.presets.TwilioProvider;
import io.webhookkit.core.internal.presets.TwitchProvider;
import io.webhookkit.core.internal.presets.TwitterProvider;
import io.webhookkit.core.internal.presets.TypeformProvider;
import io.webhookkit.core.internal.presets.VapiProvider;
import io.webhookkit.core.internal.presets.VercelProvider;
import io.webhookkit.core.internal.presets.VeriffProvider;
import io.webhookkit.core.internal.presets.WebflowProvider;
import io.webhookkit.core.internal.presets.WooCommerceProvider;
import io.webhookkit.core.internal.presets.WorkOsProvider;
import io.webhookkit.core.internal.presets.XenditProvider;
import io.webhookkit.core.internal.presets.XeroProvider;
import io.webhookkit.core.internal.presets.ZendeskProvider;
import io.webhookkit.core.internal.presets.ZoomProvider;

/**
 * webhook-kit core: verify and deduplicate incoming webhooks in any Java service.
 *
 * @uses io.webhookkit.core.provider.Provider
 * @uses io.webhookkit.core.idempotency.IdempotencyStoreProvider
 * @uses io.webhookkit.core.forward.WebhookForwarderProvider
 */
module io.webhookkit.core {
  requires com.fasterxml.jackson.core;
  requires java.naming;
  requires transitive java.net.http;
  requires com.github.benmanes.caffeine;
  requires com.nimbusds.jose.jwt;
  requires hash4j;
  requires io.github.bucket4j.core;
  requires org.slf4j;
  requires static micrometer.core;
  requires static transitive org.jspecify;

  exports io.webhookkit.core;
  exports io.webhookkit.core.adapter;
  exports io.webhookkit.core.forward;
  exports io.webhookkit.core.idempotency;
  exports io.webhookkit.core.inbox;
  exports io.webhookkit.core.metrics;
  exports io.webhookkit.core.provider;
  exports io.webhookkit.core.signature;

  uses io.webhookkit.core.provider.Provider;
  uses IdempotencyStoreProvider;
  uses WebhookForwarderProvider;

  provides IdempotencyStoreProvider with
      InMemoryIdempotencyStoreProvider;
  provides io.webhookkit.core.provider.Provider with
      GitHubProvider,
      StripeProvider,
      SlackProvider,
      StandardWebhooksProvider,
      SvixProvider,
      ShopifyProvider,
      GenericHmacProvider,
      GitLabProvider,
      BitbucketProvider,
      TwilioProvider,
      SquareProvider,
      HubSpotProvider,
      PaddleProvider,
      ZoomProvider,
      TwitchProvider,
      SentryProvider,
      VercelProvider,
      XeroProvider,
      QuickBooksProvider,
      MuxProvider,
      WebflowProvider,
      LemonSqueezyProvider,
      BoxProvider,
      TrelloProvider,
      RazorpayProvider,
      PaystackProvider,
      JiraProvider,
      CalComProvider,
      MandrillProvider,
      MetaProvider,
      DiscordProvider,
      SendGridProvider,
      MailgunProvider,
      IntercomProvider,
      LinearProvider,
      TypeformProvider,
      PagerDutyProvider,
      CalendlyProvider,
      DropboxProvider,
      TwitterProvider,
      ResendProvider,
      ClerkProvider,
      OktaProvider,
      MicrosoftGraphProvider,
      AzureEventGridProvider,
      CloudEventsProvider,
      WooCommerceProvider,
      AwsSnsProvider,
      GoCardlessProvider,
      GcpPubSubProvider,
      PayPalProvider,
      SanityProvider,
      WorkOsProvider,
      PersonaProvider,
      CoinbaseCommerceProvider,
      ZendeskProvider,
      AirtableProvider,
      TerraformCloudProvider,
      TelnyxProvider,
      TelegramProvider,
      GiteaProvider,
      ForgejoProvider,
      OpenAiProvider,
      ReplicateProvider,
      BrexProvider,
      LithicProvider,
      CheckoutProvider,
      CircleCiProvider,
      BuildkiteProvider,
      CustomerIoProvider,
      FrameIoProvider,
      AlchemyProvider,
      HerokuProvider,
      SegmentProvider,
      DocuSignProvider,
      ClickUpProvider,
      NetlifyProvider,
      AzureEventGridEntraProvider,
      AdobeIoProvider,
      PlaidProvider,
      TallyProvider,
      MicrosoftTeamsProvider,
      HelpScoutProvider,
      OnfidoProvider,
      DwollaProvider,
      PusherProvider,
      SendbirdProvider,
      NylasProvider,
      StreamProvider,
      ElevenLabsProvider,
      VeriffProvider,
      HookdeckProvider,
      XenditProvider,
      FlutterwaveProvider,
      VapiProvider,
      ChargebeeProvider,
      PostmarkProvider,
      AdyenProvider,
      MercadoPagoProvider,
      BraintreeProvider,
      EbayProvider,
      Auth0Provider;
}
