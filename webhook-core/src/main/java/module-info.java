/**
 * webhook-kit core: verify and deduplicate incoming webhooks in any Java service.
 *
 * @uses io.webhookkit.core.provider.Provider
 * @uses io.webhookkit.core.idempotency.IdempotencyStoreProvider
 */
module io.webhookkit.core {
  requires com.fasterxml.jackson.core;
  requires com.github.benmanes.caffeine;
  requires io.github.bucket4j.core;
  requires org.slf4j;
  requires static micrometer.core;
  requires static transitive org.jspecify;

  exports io.webhookkit.core;
  exports io.webhookkit.core.adapter;
  exports io.webhookkit.core.idempotency;
  exports io.webhookkit.core.metrics;
  exports io.webhookkit.core.provider;
  exports io.webhookkit.core.signature;

  uses io.webhookkit.core.provider.Provider;
  uses io.webhookkit.core.idempotency.IdempotencyStoreProvider;

  provides io.webhookkit.core.idempotency.IdempotencyStoreProvider with
      io.webhookkit.core.idempotency.InMemoryIdempotencyStoreProvider;
  provides io.webhookkit.core.provider.Provider with
      io.webhookkit.core.internal.presets.GitHubProvider,
      io.webhookkit.core.internal.presets.StripeProvider,
      io.webhookkit.core.internal.presets.SlackProvider,
      io.webhookkit.core.internal.presets.StandardWebhooksProvider,
      io.webhookkit.core.internal.presets.SvixProvider,
      io.webhookkit.core.internal.presets.ShopifyProvider,
      io.webhookkit.core.internal.presets.GenericHmacProvider,
      io.webhookkit.core.internal.presets.GitLabProvider,
      io.webhookkit.core.internal.presets.BitbucketProvider,
      io.webhookkit.core.internal.presets.TwilioProvider,
      io.webhookkit.core.internal.presets.SquareProvider,
      io.webhookkit.core.internal.presets.HubSpotProvider,
      io.webhookkit.core.internal.presets.PaddleProvider,
      io.webhookkit.core.internal.presets.ZoomProvider,
      io.webhookkit.core.internal.presets.TwitchProvider,
      io.webhookkit.core.internal.presets.SentryProvider,
      io.webhookkit.core.internal.presets.VercelProvider,
      io.webhookkit.core.internal.presets.XeroProvider,
      io.webhookkit.core.internal.presets.QuickBooksProvider,
      io.webhookkit.core.internal.presets.MuxProvider,
      io.webhookkit.core.internal.presets.WebflowProvider,
      io.webhookkit.core.internal.presets.LemonSqueezyProvider,
      io.webhookkit.core.internal.presets.BoxProvider,
      io.webhookkit.core.internal.presets.TrelloProvider,
      io.webhookkit.core.internal.presets.RazorpayProvider,
      io.webhookkit.core.internal.presets.PaystackProvider,
      io.webhookkit.core.internal.presets.JiraProvider,
      io.webhookkit.core.internal.presets.CalComProvider,
      io.webhookkit.core.internal.presets.MandrillProvider,
      io.webhookkit.core.internal.presets.MetaProvider,
      io.webhookkit.core.internal.presets.DiscordProvider,
      io.webhookkit.core.internal.presets.SendGridProvider,
      io.webhookkit.core.internal.presets.MailgunProvider,
      io.webhookkit.core.internal.presets.IntercomProvider,
      io.webhookkit.core.internal.presets.LinearProvider,
      io.webhookkit.core.internal.presets.TypeformProvider,
      io.webhookkit.core.internal.presets.PagerDutyProvider,
      io.webhookkit.core.internal.presets.CalendlyProvider,
      io.webhookkit.core.internal.presets.DropboxProvider,
      io.webhookkit.core.internal.presets.TwitterProvider,
      io.webhookkit.core.internal.presets.ResendProvider,
      io.webhookkit.core.internal.presets.ClerkProvider,
      io.webhookkit.core.internal.presets.OktaProvider,
      io.webhookkit.core.internal.presets.MicrosoftGraphProvider,
      io.webhookkit.core.internal.presets.AzureEventGridProvider,
      io.webhookkit.core.internal.presets.CloudEventsProvider,
      io.webhookkit.core.internal.presets.WooCommerceProvider;
}
