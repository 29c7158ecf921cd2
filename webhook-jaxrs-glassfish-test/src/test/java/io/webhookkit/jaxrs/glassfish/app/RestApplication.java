package io.webhookkit.jaxrs.glassfish.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The application: every resource and provider found by scanning, the kit's included. */
@ApplicationPath("/")
public class RestApplication extends Application {}
