package io.webhookkit.jaxrs.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The application's DataSource bean; added only by the test that selects the JDBC store. */
public class DataSources {
  @Produces
  @ApplicationScoped
  DataSource dataSource() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:jaxrs-store;DB_CLOSE_DELAY=-1");
    return h2;
  }
}
