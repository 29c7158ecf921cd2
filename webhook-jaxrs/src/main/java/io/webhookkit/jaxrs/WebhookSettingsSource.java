package io.webhookkit.jaxrs;

import jakarta.enterprise.inject.Instance;

/** Where the settings come from: a producer, else MicroProfile Config, else a properties file. */
final class WebhookSettingsSource {
  private WebhookSettingsSource() {}

  static WebhookSettings resolve(Instance<WebhookSettings> produced) {
    if (produced.isResolvable()) {
      return produced.get();
    }
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = WebhookSettingsSource.class.getClassLoader();
    }
    if (hasMicroProfileConfig(loader)) {
      WebhookSettings fromConfig = MicroProfileSettings.read(loader);
      if (!fromConfig.endpointNames().isEmpty()) {
        return fromConfig;
      }
    }
    return WebhookSettings.fromResource(loader);
  }

  private static boolean hasMicroProfileConfig(ClassLoader loader) {
    try {
      Class.forName("org.eclipse.microprofile.config.ConfigProvider", false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError absent) {
      return false;
    }
  }
}
