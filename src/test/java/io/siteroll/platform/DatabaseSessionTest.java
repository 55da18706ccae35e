package io.siteroll.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Every pooled session has room for the temporary tables of the evaluation, the tally and the warnings in memory
 * (application.yml, {@code connection-init-sql}): PostgreSQL's default of 8 MB sends a province month's construction
 * days to disk. Holds on the embedded database and on a PostgreSQL server alike (both CI passes).
 */
class DatabaseSessionTest extends IntegrationTest {

	@Test
	void pooledSessionsKeepTemporaryTablesInMemory() {
		assertThat(jdbc.sql("show temp_buffers").query(String.class).single()).isEqualTo("128MB");
	}
}
