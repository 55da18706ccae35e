package io.siteroll.attendance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Instant;
import java.util.logging.Logger;

import javax.sql.DataSource;

import io.siteroll.attendance.Gate;
import io.siteroll.attendance.RefusalReason;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The refusal evidence written behind the gate's answer: a long queue is written back in chunks, and while the
 * database cannot be written the queue stops growing at its bound and counts what it could not keep.
 */
class RefusalEvidenceTest extends IntegrationTest {

	private static final Gate GATE = new Gate(-7, -7, "EVIDENCE-TEST", true, Gate.Direction.IN);

	@Test
	void aLongQueueIsWrittenInChunksAndNothingIsLeft() {
		RefusalEvidence evidence = new RefusalEvidence(jdbc);
		String ref = "evidence-" + System.nanoTime();
		int many = RefusalEvidence.CHUNK * 2 + 17;
		for (int i = 0; i < many; i++) {
			evidence.keep(refusal(ref));
		}
		assertThat(evidence.queued()).isEqualTo(many);
		evidence.writeBehind();
		assertThat(evidence.queued()).isZero();
		assertThat(jdbc.sql("select count(*) from gate_refusal where person_ref = ?").param(ref).query(Long.class).single())
			.isEqualTo(many);
		jdbc.sql("delete from gate_refusal where person_ref = ?").param(ref).update();
	}

	@Test
	void whileTheDatabaseRefusesTheQueueIsBoundedAndKeptForTheNextRound() {
		RefusalEvidence evidence = new RefusalEvidence(JdbcClient.create(new UnreachableDatabase()));
		for (int i = 0; i < RefusalEvidence.MAX_QUEUED + 25; i++) {
			evidence.keep(refusal("outage"));
		}
		assertThat(evidence.queued()).isEqualTo(RefusalEvidence.MAX_QUEUED);
		assertThat(evidence.dropped()).isEqualTo(25);
		evidence.writeBehind();
		assertThat(evidence.queued()).as("a failed write keeps its refusals queued").isEqualTo(RefusalEvidence.MAX_QUEUED);
		evidence.destroy();
		assertThat(evidence.queued()).as("nothing was written, nothing pretended written").isEqualTo(RefusalEvidence.MAX_QUEUED);
	}

	private static RefusalEvidence.Refusal refusal(String ref) {
		return new RefusalEvidence.Refusal(GATE, ref, null, RefusalReason.values()[0], Instant.parse("2026-01-05T01:00:00Z"));
	}

	/** A database that cannot be reached: every connection attempt fails. */
	private static final class UnreachableDatabase implements DataSource {

		@Override
		public Connection getConnection() throws SQLException {
			throw new SQLException("connection refused (test)", "08001");
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return getConnection();
		}

		@Override
		public PrintWriter getLogWriter() {
			return null;
		}

		@Override
		public void setLogWriter(PrintWriter out) {
		}

		@Override
		public void setLoginTimeout(int seconds) {
		}

		@Override
		public int getLoginTimeout() {
			return 0;
		}

		@Override
		public Logger getParentLogger() throws SQLFeatureNotSupportedException {
			throw new SQLFeatureNotSupportedException();
		}

		@Override
		public <T> T unwrap(Class<T> iface) throws SQLException {
			throw new SQLException("not a wrapper");
		}

		@Override
		public boolean isWrapperFor(Class<?> iface) {
			return false;
		}
	}
}
