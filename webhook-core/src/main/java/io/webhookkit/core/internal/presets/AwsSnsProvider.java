package io.webhookkit.core.internal.presets;

import io.webhookkit.core.internal.keys.SnsConfirmation;
import io.webhookkit.core.internal.keys.SnsScheme;
import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.PayloadFormat;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderKey;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import java.util.List;

/**
 * Amazon SNS HTTP/S subscriptions: the message (JSON, sent as {@code text/plain}) is signed by AWS
 * — SignatureVersion 1 (SHA1withRSA) or 2 (SHA256withRSA) over the string built from its fields —
 * with the certificate at {@code SigningCertURL}, fetched only from {@code
 * https://sns.<region>.amazonaws.com[.cn]/SimpleNotificationService-….pem} of the topic's region
 * and accepted only when it names that region's signer ({@code sns.amazonaws.com} in most) and is
 * valid. Only messages of the {@code topic-arns} are accepted (required: AWS's advice is to reject
 * any unexpected {@code TopicArn}). Delivery id: the signed {@code MessageId} (kept on SNS's
 * retries); event type: the {@code TopicArn}; attributes {@code message-type} and {@code subject}.
 * {@code SubscriptionConfirmation}: verified, then confirmed by fetching its {@code SubscribeURL}
 * (same host rule) when {@code auto-confirm=true}, else the link is logged for the operator. With
 * raw message delivery SNS sends the bare message unsigned: this preset refuses it.
 *
 * @see <a href="https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html">
 *     AWS: verifying the signatures of Amazon SNS messages</a>
 */
public final class AwsSnsProvider implements Provider {
  private static final ProviderKey TOPIC_ARNS =
      new ProviderKey(
          "topic-arns",
          "The SNS topics (ARNs, comma-separated) whose messages this endpoint accepts. Required.");
  private static final ProviderKey AUTO_CONFIRM =
      new ProviderKey(
          "auto-confirm",
          "true: confirm a verified SubscriptionConfirmation by fetching its SubscribeURL (on the"
              + " topic's regional SNS host only). Default false: the link is logged.");

  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public AwsSnsProvider() {}

  @Override
  public String name() {
    return "aws-sns";
  }

  @Override
  public List<ProviderKey> keys() {
    return List.of(TOPIC_ARNS, AUTO_CONFIRM);
  }

  @Override
  public boolean usesSecrets() {
    return false;
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    List<String> topics = settings.list("topic-arns");
    if (topics.isEmpty()) {
      throw settings.invalid("topic-arns", "is required by this provider (the topics' ARNs)");
    }
    for (String arn : topics) {
      if (SnsScheme.region(arn) == null) {
        throw settings.invalid(
            "topic-arns", "must be SNS topic ARNs (arn:aws:sns:<region>:<account>:<name>)");
      }
    }
    boolean autoConfirm = settings.flag("auto-confirm", false);
    return ProviderRules.builder()
        .signatureScheme(new SnsScheme(topics, settings.remoteKeys()))
        .payloadFormat(PayloadFormat.JSON)
        .deliveryId(Locator.json("MessageId"))
        .eventType(Locator.json("TopicArn"))
        .attribute("message-type", Locator.json("Type"))
        .attribute("subject", Locator.json("Subject"))
        .handshake(new SnsConfirmation(settings.endpoint(), autoConfirm, settings.remoteKeys()))
        .build();
  }
}
