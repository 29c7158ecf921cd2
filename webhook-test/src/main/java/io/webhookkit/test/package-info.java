/**
 * The test kit: {@link io.webhookkit.test.Signer} and {@link io.webhookkit.test.TestDelivery} to
 * produce what providers send (valid, or broken in exactly one way), {@link
 * io.webhookkit.test.ProviderSimulator} to deliver and retry like real providers, {@link
 * io.webhookkit.test.RawHttp} for byte-exact HTTP/1.1, and {@link
 * io.webhookkit.test.WebhookAdapterConformanceKit}, the one suite every adapter passes.
 */
@NullMarked
package io.webhookkit.test;

import org.jspecify.annotations.NullMarked;
