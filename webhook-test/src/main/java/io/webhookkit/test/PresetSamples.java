package io.webhookkit.test;

import io.webhookkit.core.Secret;
import io.webhookkit.core.signature.BodySignatureSchemes;
import io.webhookkit.test.PresetSample.Fields;
import io.webhookkit.test.PresetSample.Headers;
import io.webhookkit.test.PresetSample.SecretKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * One {@link PresetSample} per preset of the kit: the single table the test kit's signers,
 * deliveries and conformance endpoints read. {@code ConformanceEndpointsTest} fails when a
 * registered preset has no entry here.
 */
public final class PresetSamples {
  /** The generic HMAC endpoint's scheme keys (also {@link ConformanceEndpoints#HMAC_KEYS}). */
  static final Map<String, String> HMAC_KEYS =
      Map.of(
          "signature.header", "X-Signature",
          "signature.algorithm", "sha512",
          "signature.encoding", "base64",
          "signature.prefix", "v1=",
          "signature.payload", "{id}.{timestamp}.{body}",
          "timestamp.header", "X-Timestamp",
          "id.header", "X-Delivery-Id");

  private static final List<PresetSample> ALL =
      List.of(
          new PresetSample(
              "github",
              "application/json",
              "push",
              PresetSamples::uuid,
              f ->
                  "{\"ref\":\"refs/heads/main\",\"before\":\"0000000\",\"after\":\"1a2b3c4\",\"repository\":{\"full_name\":\"octo/hello\"}}",
              (h, id, type, keys) -> {
                h.put("X-GitHub-Delivery", id);
                putIfSet(h, "X-GitHub-Event", type);
              },
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "stripe",
              "application/json",
              "invoice.paid",
              prefixed("evt_"),
              f ->
                  "{\"id\":\""
                      + f.id()
                      + "\",\"object\":\"event\",\"type\":\""
                      + f.eventType()
                      + "\",\"data\":{\"object\":{\"amount_paid\":2000}}}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "slack",
              "application/json",
              "app_mention",
              prefixed("Ev"),
              PresetSamples::slackBody,
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "standard-webhooks",
              "application/json",
              "user.created",
              prefixed("msg_"),
              PresetSamples::genericBody,
              Headers.NONE,
              SecretKind.STANDARD_WEBHOOKS,
              Map.of(),
              false),
          new PresetSample(
              "svix",
              "application/json",
              "user.created",
              prefixed("msg_"),
              PresetSamples::genericBody,
              Headers.NONE,
              SecretKind.STANDARD_WEBHOOKS,
              Map.of(),
              false),
          new PresetSample(
              "shopify",
              "application/json",
              "orders/create",
              PresetSamples::uuid,
              f -> "{\"id\":820982911946154508,\"email\":\"jon@example.com\"}",
              (h, id, type, keys) -> {
                h.put("X-Shopify-Webhook-Id", id);
                putIfSet(h, "X-Shopify-Topic", type);
              },
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "hmac",
              "application/json",
              null,
              prefixed("dlv_"),
              f -> "{\"event\":\"thing.happened\"}",
              (h, id, type, keys) -> putIfSet(h, keys.get("id.header"), id),
              SecretKind.TEXT,
              HMAC_KEYS,
              false),
          new PresetSample(
              "gitlab",
              "application/json",
              "Push Hook",
              PresetSamples::uuid,
              PresetSamples::pushBody,
              (h, id, type, keys) -> {
                h.put("X-Gitlab-Event-UUID", id);
                putIfSet(h, "X-Gitlab-Event", type);
              },
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "bitbucket",
              "application/json",
              "repo:push",
              PresetSamples::uuid,
              PresetSamples::pushBody,
              (h, id, type, keys) -> {
                h.put("X-Request-UUID", id);
                putIfSet(h, "X-Event-Key", type);
              },
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "twilio",
              "application/x-www-form-urlencoded",
              "delivered",
              prefixed("SM"),
              f ->
                  "MessageSid="
                      + f.id()
                      + "&SmsStatus="
                      + f.eventType()
                      + "&From=%2B14158675309&To=%2B18005551212&Body=Hello%20%26%20caf%C3%A9",
              (h, id, type, keys) -> h.put("I-Twilio-Idempotency-Token", id),
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "square",
              "application/json",
              "payment.created",
              PresetSamples::uuid,
              f ->
                  "{\"merchant_id\":\"6SSW7HV8K2ST5\",\"type\":\""
                      + f.eventType()
                      + "\",\"event_id\":\""
                      + f.id()
                      + "\",\"data\":{\"type\":\"payment\",\"id\":\"KkAkhdMs\"}}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of("public-url", ConformanceEndpoints.SQUARE_PUBLIC_URL),
              false),
          new PresetSample(
              "hubspot",
              "application/json",
              "contact.creation",
              prefixed(""),
              f ->
                  "[{\"eventId\":\""
                      + f.id()
                      + "\",\"subscriptionType\":\""
                      + f.eventType()
                      + "\",\"portalId\":62515,\"objectId\":123}]",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              true),
          new PresetSample(
              "paddle",
              "application/json",
              "transaction.completed",
              prefixed("ntf_"),
              f ->
                  "{\"event_id\":\"evt_01\",\"event_type\":\""
                      + f.eventType()
                      + "\",\"notification_id\":\""
                      + f.id()
                      + "\",\"data\":{\"id\":\"txn_01\"}}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "zoom",
              "application/json",
              "meeting.started",
              PresetSamples::uuid,
              f ->
                  "{\"event\":\""
                      + f.eventType()
                      + "\",\"payload\":{\"object\":{\"id\":\""
                      + f.id()
                      + "\"}}}",
              (h, id, type, keys) -> h.put("x-zm-trackingid", id),
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "meta",
              "application/json",
              null,
              prefixed(""),
              f ->
                  "{\"object\":\"page\",\"entry\":[{\"id\":\""
                      + f.id()
                      + "\",\"time\":1520383571}]}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of("verify-token", ConformanceEndpoints.META_VERIFY_TOKEN),
              true),
          new PresetSample(
              "discord",
              "application/json",
              "2",
              () -> Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE)),
              f ->
                  "{\"application_id\":\"1\",\"id\":\""
                      + f.id()
                      + "\",\"type\":"
                      + f.eventType()
                      + ",\"version\":1}",
              Headers.NONE,
              SecretKind.ED25519,
              Map.of(),
              false),
          new PresetSample(
              "sendgrid",
              "application/json",
              null,
              prefixed(""),
              f ->
                  "[{\"email\":\"example@test.com\",\"event\":\"processed\",\"sg_event_id\":\""
                      + f.id()
                      + "\"}]\r\n",
              Headers.NONE,
              SecretKind.P256,
              Map.of(),
              true),
          new PresetSample(
              "mailgun",
              "application/json",
              "delivered",
              PresetSamples::uuid,
              PresetSamples::mailgunBody,
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "intercom",
              "application/json",
              "conversation.user.created",
              prefixed("notif_"),
              f ->
                  "{\"type\":\"notification_event\",\"id\":\""
                      + f.id()
                      + "\",\"topic\":\""
                      + f.eventType()
                      + "\"}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "linear",
              "application/json",
              "Issue",
              PresetSamples::uuid,
              f ->
                  "{\"action\":\"create\",\"type\":\""
                      + f.eventType()
                      + "\",\"data\":{\"id\":\""
                      + f.id()
                      + "\"},\"webhookTimestamp\":"
                      + f.time().toEpochMilli()
                      + "}",
              (h, id, type, keys) -> {
                h.put("Linear-Delivery", id);
                putIfSet(h, "Linear-Event", type);
              },
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "typeform",
              "application/json",
              "form_response",
              PresetSamples::uuid,
              f -> "{\"event_id\":\"" + f.id() + "\",\"event_type\":\"" + f.eventType() + "\"}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "pagerduty",
              "application/json",
              "incident.triggered",
              PresetSamples::uuid,
              f ->
                  "{\"event\":{\"id\":\""
                      + f.id()
                      + "\",\"event_type\":\""
                      + f.eventType()
                      + "\"}}",
              (h, id, type, keys) -> h.put("X-Webhook-Id", id),
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "calendly",
              "application/json",
              "invitee.created",
              prefixed(""),
              f -> "{\"event\":\"" + f.eventType() + "\",\"payload\":{\"uri\":\"" + f.id() + "\"}}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              true),
          new PresetSample(
              "dropbox",
              "application/json",
              null,
              prefixed(""),
              f -> "{\"list_folder\":{\"accounts\":[\"dbid:" + f.id() + "\"]}}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              true),
          new PresetSample(
              "twitter",
              "application/json",
              null,
              prefixed(""),
              f ->
                  "{\"for_user_id\":\"2244994945\",\"tweet_create_events\":[{\"id_str\":\""
                      + f.id()
                      + "\"}]}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              true),
          new PresetSample(
              "resend",
              "application/json",
              "email.sent",
              prefixed("msg_"),
              PresetSamples::genericBody,
              Headers.NONE,
              SecretKind.STANDARD_WEBHOOKS,
              Map.of(),
              false),
          new PresetSample(
              "clerk",
              "application/json",
              "user.created",
              prefixed("msg_"),
              PresetSamples::genericBody,
              Headers.NONE,
              SecretKind.STANDARD_WEBHOOKS,
              Map.of(),
              false),
          new PresetSample(
              "okta",
              "application/json",
              "com.okta.event_hook",
              PresetSamples::uuid,
              f ->
                  "{\"eventType\":\""
                      + f.eventType()
                      + "\",\"eventId\":\""
                      + f.id()
                      + "\",\"data\":{\"events\":[]}}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "microsoft-graph",
              "application/json",
              null,
              prefixed(""),
              f ->
                  "{\"value\":[{\"subscriptionId\":\""
                      + f.id()
                      + "\",\"clientState\":\""
                      + f.secret()
                      + "\",\"changeType\":\"created\",\"resource\":\"Users/1\"}]}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              true),
          new PresetSample(
              "azure-event-grid",
              "application/json",
              "Microsoft.Storage.BlobCreated",
              prefixed(""),
              f ->
                  "[{\"id\":\""
                      + f.id()
                      + "\",\"eventType\":\""
                      + f.eventType()
                      + "\",\"subject\":\"/blobs/a\",\"data\":{},\"dataVersion\":\"1\"}]",
              (h, id, type, keys) -> h.put("aeg-event-type", "Notification"),
              SecretKind.TEXT,
              Map.of(),
              true),
          new PresetSample(
              "cloudevents",
              "application/json",
              "com.example.object.created",
              PresetSamples::uuid,
              f -> "{\"object\":\"" + f.id() + "\"}",
              (h, id, type, keys) -> {
                h.put("ce-specversion", "1.0");
                h.put("ce-id", id);
                h.put("ce-source", "/webhook-kit/conformance");
                putIfSet(h, "ce-type", type);
              },
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "twitch",
              "application/json",
              "channel.follow",
              PresetSamples::uuid,
              f ->
                  "{\"subscription\":{\"id\":\"f1c2a387-161a-49f9-a165-0f21d7a4e1c4\",\"type\":\""
                      + f.eventType()
                      + "\",\"version\":\"2\",\"status\":\"enabled\"},\"event\":{\"user_id\":\""
                      + f.id()
                      + "\",\"broadcaster_user_id\":\"1337\"}}",
              (h, id, type, keys) -> {
                h.put("Twitch-Eventsub-Message-Type", "notification");
                putIfSet(h, "Twitch-Eventsub-Subscription-Type", type);
                h.put("Twitch-Eventsub-Subscription-Version", "1");
              },
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "sentry",
              "application/json",
              "issue",
              PresetSamples::uuid,
              f ->
                  "{\"action\":\"created\",\"data\":{\"issue\":{\"id\":\""
                      + f.id()
                      + "\"}},\"installation\":{\"uuid\":\"7a485448-a9e2-4c85-8a3c-4f44175783c9\"}}",
              (h, id, type, keys) -> {
                h.put("Request-ID", id);
                putIfSet(h, "Sentry-Hook-Resource", type);
              },
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "vercel",
              "application/json",
              "deployment.created",
              prefixed(""),
              f ->
                  "{\"id\":\""
                      + f.id()
                      + "\",\"type\":\""
                      + f.eventType()
                      + "\",\"createdAt\":1764417600000,\"payload\":{\"deployment\":{\"id\":\"dpl_1\"}}}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "xero",
              "application/json",
              null,
              prefixed(""),
              f ->
                  "{\"events\":[{\"resourceId\":\""
                      + f.id()
                      + "\",\"eventCategory\":\"INVOICE\",\"eventType\":\"UPDATE\"}],\"firstEventSequence\":1,\"lastEventSequence\":1,\"entropy\":\"S0m3r4Nd0mt3xt\"}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              true),
          new PresetSample(
              "quickbooks",
              "application/json",
              null,
              prefixed(""),
              f ->
                  "{\"eventNotifications\":[{\"realmId\":\"1185883450\",\"dataChangeEvent\":{\"entities\":[{\"name\":\"Customer\",\"id\":\""
                      + f.id()
                      + "\",\"operation\":\"Create\"}]}}]}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              true),
          new PresetSample(
              "mux",
              "application/json",
              "video.asset.ready",
              PresetSamples::uuid,
              f ->
                  "{\"id\":\""
                      + f.id()
                      + "\",\"type\":\""
                      + f.eventType()
                      + "\",\"object\":{\"type\":\"asset\",\"id\":\"a1\"},\"data\":{\"status\":\"ready\"}}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "webflow",
              "application/json",
              "form_submission",
              prefixed(""),
              f ->
                  "{\"triggerType\":\""
                      + f.eventType()
                      + "\",\"payload\":{\"id\":\""
                      + f.id()
                      + "\",\"name\":\"Contact\"}}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              true),
          new PresetSample(
              "lemonsqueezy",
              "application/json",
              "order_created",
              prefixed(""),
              f ->
                  "{\"meta\":{\"event_name\":\""
                      + f.eventType()
                      + "\"},\"data\":{\"type\":\"orders\",\"id\":\""
                      + f.id()
                      + "\"}}",
              (h, id, type, keys) -> putIfSet(h, "X-Event-Name", type),
              SecretKind.TEXT,
              Map.of(),
              true),
          new PresetSample(
              "box",
              "application/json",
              "FILE.UPLOADED",
              PresetSamples::uuid,
              f ->
                  "{\"type\":\"webhook_event\",\"id\":\""
                      + f.id()
                      + "\",\"trigger\":\""
                      + f.eventType()
                      + "\",\"source\":{\"id\":\"12345\",\"type\":\"file\"}}",
              (h, id, type, keys) -> {
                h.put("box-delivery-id", id);
                h.put("box-signature-version", "1");
                h.put("box-signature-algorithm", "HmacSHA256");
              },
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "trello",
              "application/json",
              "updateCard",
              () -> Long.toHexString(ThreadLocalRandom.current().nextLong()),
              f ->
                  "{\"model\":{\"id\":\"4d5ea62fd76aa1136000000c\"},\"action\":{\"id\":\""
                      + f.id()
                      + "\",\"type\":\""
                      + f.eventType()
                      + "\",\"data\":{\"card\":{\"name\":\"Ship it\"}}}}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of("public-url", ConformanceEndpoints.TRELLO_PUBLIC_URL),
              false),
          new PresetSample(
              "razorpay",
              "application/json",
              "payment.captured",
              () -> "evt_" + Long.toHexString(ThreadLocalRandom.current().nextLong()),
              f ->
                  "{\"entity\":\"event\",\"event\":\""
                      + f.eventType()
                      + "\",\"payload\":{\"payment\":{\"entity\":{\"id\":\"pay_"
                      + f.id()
                      + "\",\"amount\":50000}}}}",
              (h, id, type, keys) -> h.put("x-razorpay-event-id", id),
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "paystack",
              "application/json",
              "charge.success",
              prefixed(""),
              f ->
                  "{\"event\":\""
                      + f.eventType()
                      + "\",\"data\":{\"id\":302961,\"reference\":\""
                      + f.id()
                      + "\",\"amount\":20000}}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              true),
          new PresetSample(
              "jira",
              "application/json",
              "jira:issue_created",
              PresetSamples::uuid,
              f ->
                  "{\"timestamp\":1764417600000,\"webhookEvent\":\""
                      + f.eventType()
                      + "\",\"issue\":{\"id\":\"10002\",\"key\":\"WK-"
                      + Math.floorMod(f.id().hashCode(), 1_000_000)
                      + "\"}}",
              (h, id, type, keys) -> h.put("X-Atlassian-Webhook-Identifier", id),
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "calcom",
              "application/json",
              "BOOKING_CREATED",
              prefixed(""),
              f ->
                  "{\"triggerEvent\":\""
                      + f.eventType()
                      + "\",\"createdAt\":\"2026-11-29T12:00:00.000Z\",\"payload\":{\"uid\":\""
                      + f.id()
                      + "\"}}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              true),
          new PresetSample(
              "mandrill",
              "application/x-www-form-urlencoded",
              null,
              prefixed(""),
              f ->
                  "mandrill_events="
                      + URLEncoder.encode(
                          "[{\"event\":\"send\",\"_id\":\"" + f.id() + "\",\"ts\":1764417600}]",
                          StandardCharsets.UTF_8),
              Headers.NONE,
              SecretKind.TEXT,
              Map.of("public-url", ConformanceEndpoints.MANDRILL_PUBLIC_URL),
              true),
          new PresetSample(
              "gocardless",
              "application/json",
              null,
              prefixed("EV"),
              f ->
                  "{\"events\":[{\"id\":\""
                      + f.id()
                      + "\",\"created_at\":\"2026-11-29T12:00:00.000Z\",\"resource_type\":"
                      + "\"payments\",\"action\":\"confirmed\",\"links\":{\"payment\":"
                      + "\"PM0001\"},\"details\":{\"cause\":\"payment_confirmed\"},"
                      + "\"metadata\":{}}]}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              true),
          new PresetSample(
              "sanity",
              "application/json",
              null,
              PresetSamples::uuid,
              f -> "{\"_id\":\"" + f.id() + "\",\"_type\":\"post\",\"title\":\"Grüße\"}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              true),
          new PresetSample(
              "workos",
              "application/json",
              "user.created",
              prefixed("event_"),
              f ->
                  "{\"id\":\""
                      + f.id()
                      + "\",\"event\":\""
                      + f.eventType()
                      + "\",\"data\":{\"id\":\"user_01\"},\"created_at\":\"2026-12-07T12:00:00.000Z\"}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "persona",
              "application/json",
              "inquiry.completed",
              prefixed("evt_"),
              f ->
                  "{\"data\":{\"type\":\"event\",\"id\":\""
                      + f.id()
                      + "\",\"attributes\":{\"name\":\""
                      + f.eventType()
                      + "\",\"payload\":{\"data\":{\"type\":\"inquiry\"}}}}}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "coinbase-commerce",
              "application/json",
              "charge:confirmed",
              PresetSamples::uuid,
              f ->
                  "{\"id\":1,\"attempt_number\":1,\"event\":{\"id\":\""
                      + f.id()
                      + "\",\"type\":\""
                      + f.eventType()
                      + "\",\"data\":{\"code\":\"66BEOV2A\"}}}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "zendesk",
              "application/json",
              "zen:event-type:ticket.created",
              () -> Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)),
              f ->
                  "{\"type\":\""
                      + f.eventType()
                      + "\",\"account_id\":123456,\"detail\":{\"id\":\"35436\"}}",
              (h, id, type, keys) -> h.put("X-Zendesk-Webhook-Invocation-Id", id),
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "airtable",
              "application/json",
              null,
              PresetSamples::uuid,
              f ->
                  "{\"base\":{\"id\":\"appXXXX\"},\"webhook\":{\"id\":\"ach"
                      + f.id()
                      + "\"},\"timestamp\":\"2026-12-07T12:00:00.000Z\"}",
              Headers.NONE,
              SecretKind.BASE64,
              Map.of(),
              true),
          new PresetSample(
              "terraform-cloud",
              "application/json",
              null,
              PresetSamples::uuid,
              f ->
                  "{\"payload_version\":1,\"notification_configuration_id\":\"nc-"
                      + f.id()
                      + "\",\"run_id\":\"run-1\",\"notifications\":[{\"trigger\":"
                      + "\"run:completed\"}]}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              true),
          new PresetSample(
              "telnyx",
              "application/json",
              "message.received",
              PresetSamples::uuid,
              f ->
                  "{\"data\":{\"event_type\":\""
                      + f.eventType()
                      + "\",\"id\":\""
                      + f.id()
                      + "\",\"payload\":{\"text\":\"grüß\"},\"record_type\":\"event\"}}",
              Headers.NONE,
              SecretKind.ED25519_BASE64,
              Map.of(),
              false),
          new PresetSample(
              "telegram",
              "application/json",
              null,
              () -> Long.toString(ThreadLocalRandom.current().nextLong(1, 1L << 52)),
              f ->
                  "{\"update_id\":"
                      + f.id()
                      + ",\"message\":{\"message_id\":1,\"text\":\"/start\"}}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "gitea",
              "application/json",
              "push",
              PresetSamples::uuid,
              PresetSamples::pushBody,
              (h, id, type, keys) -> {
                h.put("X-Gitea-Delivery", id);
                putIfSet(h, "X-Gitea-Event", type);
              },
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "forgejo",
              "application/json",
              "push",
              PresetSamples::uuid,
              PresetSamples::pushBody,
              (h, id, type, keys) -> {
                h.put("X-Forgejo-Delivery", id);
                putIfSet(h, "X-Forgejo-Event", type);
              },
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "openai",
              "application/json",
              "response.completed",
              prefixed("msg_"),
              PresetSamples::genericBody,
              Headers.NONE,
              SecretKind.STANDARD_WEBHOOKS,
              Map.of(),
              false),
          new PresetSample(
              "replicate",
              "application/json",
              null,
              prefixed("msg_"),
              f -> "{\"id\":\"p_1\",\"status\":\"succeeded\",\"output\":[\"Grüße\"]}",
              Headers.NONE,
              SecretKind.STANDARD_WEBHOOKS,
              Map.of(),
              false),
          new PresetSample(
              "brex",
              "application/json",
              "TRANSFER_PROCESSED",
              prefixed("msg_"),
              f -> "{\"event_type\":\"" + f.eventType() + "\",\"transfer_id\":\"tr_1\"}",
              Headers.NONE,
              SecretKind.STANDARD_WEBHOOKS,
              Map.of(),
              false),
          new PresetSample(
              "lithic",
              "application/json",
              "card_transaction.updated",
              prefixed("msg_"),
              f -> "{\"event_type\":\"" + f.eventType() + "\",\"token\":\"t_1\"}",
              Headers.NONE,
              SecretKind.STANDARD_WEBHOOKS,
              Map.of(),
              false),
          new PresetSample(
              "checkout",
              "application/json",
              "payment_approved",
              prefixed("evt_"),
              f ->
                  "{\"id\":\""
                      + f.id()
                      + "\",\"type\":\""
                      + f.eventType()
                      + "\",\"data\":{\"amount\":6540}}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "circleci",
              "application/json",
              "workflow-completed",
              PresetSamples::uuid,
              f ->
                  "{\"id\":\""
                      + f.id()
                      + "\",\"type\":\""
                      + f.eventType()
                      + "\",\"happened_at\":\"2026-12-07T12:00:00Z\"}",
              (h, id, type, keys) -> putIfSet(h, "circleci-event-type", type),
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "buildkite",
              "application/json",
              "build.finished",
              PresetSamples::uuid,
              f -> "{\"event\":\"build.finished\",\"build\":{\"id\":\"" + f.id() + "\"}}",
              (h, id, type, keys) -> putIfSet(h, "X-Buildkite-Event", type),
              SecretKind.TEXT,
              Map.of(),
              true),
          new PresetSample(
              "customerio",
              "application/json",
              "opened",
              prefixed("01E"),
              f ->
                  "{\"event_id\":\""
                      + f.id()
                      + "\",\"object_type\":\"email\",\"metric\":\""
                      + f.eventType()
                      + "\"}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "frameio",
              "application/json",
              "asset.created",
              PresetSamples::uuid,
              f ->
                  "{\"type\":\""
                      + f.eventType()
                      + "\",\"resource\":{\"type\":\"asset\",\"id\":\""
                      + f.id()
                      + "\"}}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              true),
          new PresetSample(
              "alchemy",
              "application/json",
              "ADDRESS_ACTIVITY",
              prefixed("whevt_"),
              f ->
                  "{\"webhookId\":\"wh_1\",\"id\":\""
                      + f.id()
                      + "\",\"type\":\""
                      + f.eventType()
                      + "\",\"event\":{}}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "heroku",
              "application/json",
              "release",
              PresetSamples::uuid,
              f ->
                  "{\"action\":\"update\",\"resource\":\""
                      + f.eventType()
                      + "\",\"data\":{\"version\":42}}",
              (h, id, type, keys) -> h.put("Heroku-Webhook-Id", id),
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "segment",
              "application/json",
              "track",
              prefixed("api-"),
              f ->
                  "{\"messageId\":\""
                      + f.id()
                      + "\",\"type\":\""
                      + f.eventType()
                      + "\",\"event\":\"Order Completed\"}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "docusign",
              "application/json",
              "envelope-completed",
              PresetSamples::uuid,
              f ->
                  "{\"event\":\""
                      + f.eventType()
                      + "\",\"apiVersion\":\"v2.1\",\"data\":{\"envelopeId\":\""
                      + f.id()
                      + "\"}}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              true),
          new PresetSample(
              "clickup",
              "application/json",
              "taskCreated",
              PresetSamples::uuid,
              f ->
                  "{\"webhook_id\":\""
                      + f.id()
                      + "\",\"event\":\""
                      + f.eventType()
                      + "\",\"task_id\":\"c0j\"}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              true),
          new PresetSample(
              "netlify",
              "application/json",
              "deploy_created",
              PresetSamples::uuid,
              f -> "{\"id\":\"" + f.id() + "\",\"state\":\"ready\",\"name\":\"grüße-site\"}",
              (h, id, type, keys) -> putIfSet(h, "X-Netlify-Event", type),
              SecretKind.TEXT,
              Map.of(),
              true),
          new PresetSample(
              "tally",
              "application/json",
              "FORM_RESPONSE",
              PresetSamples::uuid,
              f ->
                  "{\"eventId\":\""
                      + f.id()
                      + "\",\"eventType\":\""
                      + f.eventType()
                      + "\",\"data\":{}}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "msteams",
              "application/json",
              "message",
              PresetSamples::uuid,
              f ->
                  "{\"type\":\""
                      + f.eventType()
                      + "\",\"id\":\""
                      + f.id()
                      + "\",\"text\":\"grüß\"}",
              Headers.NONE,
              SecretKind.BASE64,
              Map.of(),
              false),
          new PresetSample(
              "helpscout",
              "application/json",
              "convo.created",
              PresetSamples::uuid,
              f -> "{\"id\":\"" + f.id() + "\",\"type\":\"email\"}",
              (h, id, type, keys) -> putIfSet(h, "X-HelpScout-Event", type),
              SecretKind.TEXT,
              Map.of(),
              true),
          new PresetSample(
              "onfido",
              "application/json",
              "check.completed",
              PresetSamples::uuid,
              f ->
                  "{\"payload\":{\"resource_type\":\"check\",\"action\":\""
                      + f.eventType()
                      + "\",\"object\":{\"id\":\""
                      + f.id()
                      + "\"}}}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              true),
          new PresetSample(
              "dwolla",
              "application/json",
              "customer_created",
              PresetSamples::uuid,
              f -> "{\"id\":\"" + f.id() + "\",\"topic\":\"" + f.eventType() + "\"}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "pusher",
              "application/json",
              null,
              PresetSamples::uuid,
              f ->
                  "{\"time_ms\":1327078148132,\"events\":[{\"name\":\"channel_occupied\",\"channel\":\""
                      + f.id()
                      + "\"}]}",
              (h, id, type, keys) -> h.put("X-Pusher-Key", "app-key"),
              SecretKind.TEXT,
              Map.of(),
              true),
          new PresetSample(
              "sendbird",
              "application/json",
              "group_channel:message_send",
              PresetSamples::uuid,
              f ->
                  "{\"category\":\""
                      + f.eventType()
                      + "\",\"payload\":{\"message_id\":\""
                      + f.id()
                      + "\"}}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              true),
          new PresetSample(
              "nylas",
              "application/json",
              "message.created",
              PresetSamples::uuid,
              f ->
                  "{\"specversion\":\"1.0\",\"type\":\""
                      + f.eventType()
                      + "\",\"id\":\""
                      + f.id()
                      + "\",\"data\":{}}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "stream",
              "application/json",
              "message.new",
              PresetSamples::uuid,
              f -> "{\"type\":\"" + f.eventType() + "\",\"message\":{\"text\":\"grüß\"}}",
              (h, id, type, keys) -> h.put("X-Webhook-Id", id),
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "elevenlabs",
              "application/json",
              "post_call_transcription",
              PresetSamples::uuid,
              f ->
                  "{\"type\":\""
                      + f.eventType()
                      + "\",\"data\":{\"conversation_id\":\""
                      + f.id()
                      + "\"}}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              true),
          new PresetSample(
              "veriff",
              "application/json",
              "submitted",
              PresetSamples::uuid,
              f ->
                  "{\"id\":\""
                      + f.id()
                      + "\",\"action\":\""
                      + f.eventType()
                      + "\",\"feature\":\"selfid\"}",
              (h, id, type, keys) -> h.put("X-AUTH-CLIENT", "api-key"),
              SecretKind.TEXT,
              Map.of(),
              true),
          new PresetSample(
              "hookdeck",
              "application/json",
              null,
              prefixed("evt_"),
              f -> "{\"any\":\"payload\",\"n\":\"" + f.id() + "\"}",
              (h, id, type, keys) -> h.put("x-hookdeck-eventid", id),
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "xendit",
              "application/json",
              null,
              prefixed("x"),
              f -> "{\"id\":\"" + f.id() + "\",\"status\":\"PAID\"}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "flutterwave",
              "application/json",
              "charge.completed",
              () -> Long.toString(ThreadLocalRandom.current().nextLong(1, 1L << 52)),
              f -> "{\"event\":\"" + f.eventType() + "\",\"data\":{\"id\":" + f.id() + "}}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "vapi",
              "application/json",
              "end-of-call-report",
              PresetSamples::uuid,
              f ->
                  "{\"message\":{\"type\":\""
                      + f.eventType()
                      + "\",\"call\":{\"id\":\""
                      + f.id()
                      + "\"}}}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              true),
          new PresetSample(
              "chargebee",
              "application/json",
              "subscription_created",
              prefixed("ev_"),
              f -> "{\"id\":\"" + f.id() + "\",\"event_type\":\"" + f.eventType() + "\"}",
              Headers.NONE,
              SecretKind.PAIR,
              Map.of(),
              false),
          new PresetSample(
              "postmark",
              "application/json",
              "Delivery",
              PresetSamples::uuid,
              f -> "{\"RecordType\":\"" + f.eventType() + "\",\"MessageID\":\"" + f.id() + "\"}",
              Headers.NONE,
              SecretKind.PAIR,
              Map.of(),
              true),
          new PresetSample(
              "mercadopago",
              "application/json",
              "payment.updated",
              () -> Long.toString(ThreadLocalRandom.current().nextLong(1, 1L << 52)),
              f ->
                  "{\"id\":"
                      + f.id()
                      + ",\"action\":\""
                      + f.eventType()
                      + "\",\"type\":\"payment\",\"data\":{\"id\":\"123456\"}}",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              false),
          new PresetSample(
              "adyen",
              "application/json",
              null,
              prefixed("psp"),
              PresetSamples::adyenBody,
              Headers.NONE,
              SecretKind.HEX,
              Map.of(),
              true),
          new PresetSample(
              "braintree",
              "application/x-www-form-urlencoded",
              null,
              PresetSamples::uuid,
              PresetSamples::braintreeBody,
              Headers.NONE,
              SecretKind.PAIR,
              Map.of(),
              true),
          new PresetSample(
              "auth0",
              "application/json",
              null,
              PresetSamples::uuid,
              f -> "[{\"log_id\":\"" + f.id() + "\",\"data\":{\"type\":\"s\"}}]",
              Headers.NONE,
              SecretKind.TEXT,
              Map.of(),
              true),
          new PresetSample(
              "woocommerce",
              "application/json",
              "order.created",
              PresetSamples::uuid,
              f ->
                  "{\"id\":"
                      + Math.floorMod(f.id().hashCode(), 1_000_000)
                      + ",\"status\":\"processing\",\"total\":\"29.90\","
                      + "\"line_items\":[{\"name\":\"Caf\u00e9 cr\u00e8me\",\"quantity\":2}]}",
              (h, id, type, keys) -> {
                h.put("X-WC-Webhook-Source", "https://shop.example/");
                putIfSet(h, "X-WC-Webhook-Topic", type);
                h.put("X-WC-Webhook-Delivery-ID", "3f2b9c1d5e6a7b8c9d0e1f2a3b4c5d6e");
              },
              SecretKind.TEXT,
              Map.of(),
              true));

  private static final Map<String, PresetSample> BY_NAME = byName();

  private PresetSamples() {}

  private static Map<String, PresetSample> byName() {
    Map<String, PresetSample> map = new LinkedHashMap<>();
    ALL.forEach(s -> map.put(s.preset(), s));
    return map;
  }

  /** Every sample, in the table's order. */
  public static List<PresetSample> all() {
    return ALL;
  }

  /** The sample of a preset, if the kit has one. */
  public static Optional<PresetSample> find(String preset) {
    return Optional.ofNullable(BY_NAME.get(preset));
  }

  /**
   * The sample of a preset.
   *
   * @throws IllegalArgumentException when the kit has none
   */
  public static PresetSample of(String preset) {
    return find(preset)
        .orElseThrow(() -> new IllegalArgumentException("no sample delivery for preset " + preset));
  }

  static String uuid() {
    return UUID.randomUUID().toString();
  }

  private static Supplier<String> prefixed(String prefix) {
    return () -> prefix + UUID.randomUUID().toString().replace("-", "");
  }

  static void putIfSet(Map<String, String> headers, @Nullable String name, @Nullable String v) {
    if (name != null && v != null) {
      headers.put(name, v);
    }
  }

  private static String genericBody(Fields f) {
    return "{\"type\":\""
        + f.eventType()
        + "\",\"timestamp\":\"2026-11-26T12:00:00Z\",\"data\":{\"id\":1}}";
  }

  private static String pushBody(Fields f) {
    return "{\"object_kind\":\"push\",\"ref\":\"refs/heads/main\",\"checkout_sha\":\"1a2b3c\"}";
  }

  private static String slackBody(Fields f) {
    return "{\"type\":\"event_callback\",\"event_id\":\""
        + f.id()
        + "\",\"event\":{\"type\":\""
        + f.eventType()
        + "\",\"text\":\"hi\"}}";
  }

  /** Mailgun signs fields inside the body: timestamp and token, keyed with the signing key. */
  private static String mailgunBody(Fields f) {
    String ts = Long.toString(f.time().getEpochSecond());
    String token = "tok" + f.id().replace("-", "");
    String sig = BodySignatureSchemes.mailgunSignature(Secret.of("signer", f.secret()), ts, token);
    return "{\"signature\":{\"timestamp\":\""
        + ts
        + "\",\"token\":\""
        + token
        + "\",\"signature\":\""
        + sig
        + "\"},\"event-data\":{\"id\":\""
        + f.id()
        + "\",\"event\":\""
        + f.eventType()
        + "\"}}";
  }

  /** Adyen signs each item's fields with the hex-decoded key: one item, its pspReference the id. */
  private static String adyenBody(Fields f) {
    String data = f.id() + "::ConformanceMerchant:order-1:1000:EUR:AUTHORISATION:true";
    String signature =
        Base64.getEncoder()
            .encodeToString(hmac("HmacSHA256", HexFormat.of().parseHex(f.secret()), data));
    return "{\"live\":\"false\",\"notificationItems\":[{\"NotificationRequestItem\":"
        + "{\"additionalData\":{\"hmacSignature\":\""
        + signature
        + "\"},\"amount\":{\"currency\":\"EUR\",\"value\":1000},\"eventCode\":"
        + "\"AUTHORISATION\",\"merchantAccountCode\":\"ConformanceMerchant\","
        + "\"merchantReference\":\"order-1\",\"pspReference\":\""
        + f.id()
        + "\",\"success\":\"true\"}}]}";
  }

  /** Braintree posts a form: the base64 payload and public key|HMAC-SHA1(SHA-1(private), it). */
  private static String braintreeBody(Fields f) {
    String[] pair = f.secret().split(":", 2);
    String payload =
        Base64.getEncoder()
                .encodeToString(
                    ("<notification><kind>check</kind><id>" + f.id() + "</id></notification>")
                        .getBytes(StandardCharsets.UTF_8))
            + "\n";
    byte[] key;
    try {
      key = MessageDigest.getInstance("SHA-1").digest(pair[1].getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has SHA-1", e);
    }
    String signature = pair[0] + "|" + HexFormat.of().formatHex(hmac("HmacSHA1", key, payload));
    return "bt_signature="
        + URLEncoder.encode(signature, StandardCharsets.UTF_8)
        + "&bt_payload="
        + URLEncoder.encode(payload, StandardCharsets.UTF_8);
  }

  private static byte[] hmac(String algorithm, byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has " + algorithm, e);
    }
  }
}
