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
  exports io.webhookkit.core.idempotency;
  exports io.webhookkit.core.metrics;
  exports io.webhookkit.core.provider;
  exports io.webhookkit.core.signature;

  uses io.webhookkit.core.provider.Provider;
  uses io.webhookkit.core.idempotency.IdempotencyStoreProvider;

  provides io.webhookkit.core.idempotency.IdempotencyStoreProvider with
      io.webhookkit.core.idempotency.InMemoryIdempotencyStoreProvider;
  provides io.webhookkit.core.provider.Provider with
      io.webhookkit.core.provider.GitHubProvider,
      io.webhookkit.core.provider.StripeProvider,
      io.webhookkit.core.provider.SlackProvider,
      io.webhookkit.core.provider.StandardWebhooksProvider,
      io.webhookkit.core.provider.SvixProvider,
      io.webhookkit.core.provider.ShopifyProvider,
      io.webhookkit.core.provider.GenericHmacProvider,
      io.webhookkit.core.provider.GitLabProvider,
      io.webhookkit.core.provider.BitbucketProvider,
      io.webhookkit.core.provider.TwilioProvider,
      io.webhookkit.core.provider.SquareProvider,
      io.webhookkit.core.provider.HubSpotProvider,
      io.webhookkit.core.provider.PaddleProvider,
      io.webhookkit.core.provider.ZoomProvider,
      io.webhookkit.core.provider.TwitchProvider,
      io.webhookkit.core.provider.SentryProvider,
      io.webhookkit.core.provider.VercelProvider,
      io.webhookkit.core.provider.XeroProvider,
      io.webhookkit.core.provider.QuickBooksProvider,
      io.webhookkit.core.provider.MuxProvider,
      io.webhookkit.core.provider.WebflowProvider,
      io.webhookkit.core.provider.LemonSqueezyProvider,
      io.webhookkit.core.provider.BoxProvider,
      io.webhookkit.core.provider.TrelloProvider,
      io.webhookkit.core.provider.RazorpayProvider,
      io.webhookkit.core.provider.PaystackProvider,
      io.webhookkit.core.provider.JiraProvider,
      io.webhookkit.core.provider.CalComProvider,
      io.webhookkit.core.provider.MandrillProvider,
      io.webhookkit.core.provider.MetaProvider,
      io.webhookkit.core.provider.DiscordProvider,
      io.webhookkit.core.provider.SendGridProvider,
      io.webhookkit.core.provider.MailgunProvider,
      io.webhookkit.core.provider.IntercomProvider,
      io.webhookkit.core.provider.LinearProvider,
      io.webhookkit.core.provider.TypeformProvider,
      io.webhookkit.core.provider.PagerDutyProvider,
      io.webhookkit.core.provider.CalendlyProvider,
      io.webhookkit.core.provider.DropboxProvider,
      io.webhookkit.core.provider.TwitterProvider,
      io.webhookkit.core.provider.ResendProvider,
      io.webhookkit.core.provider.ClerkProvider,
      io.webhookkit.core.provider.OktaProvider,
      io.webhookkit.core.provider.MicrosoftGraphProvider,
      io.webhookkit.core.provider.AzureEventGridProvider,
      io.webhookkit.core.provider.CloudEventsProvider;
}
