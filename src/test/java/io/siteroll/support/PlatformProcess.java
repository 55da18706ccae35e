package io.siteroll.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The platform as a separate process on a database the test owns, for the tests that kill it with SIGKILL and start it
 * again: the test's classpath, the demo province of 2 projects and 20 workers (its accounts sign in with the demo
 * password), fixed personal-data keys so a restart reads what the first run wrote, the log under the work folder.
 */
public final class PlatformProcess {

	private static final String DATA_KEY = "00112233445566778899aabbccddeeff";

	private static final String INDEX_KEY = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

	private PlatformProcess() {
	}

	/** Starts the platform on the port and database, with any further {@code --name=value} arguments. */
	public static Process start(int port, String jdbcUrl, Path work, String... arguments) throws IOException {
		return start(port, jdbcUrl, "postgres", "", work, arguments);
	}

	/** Starts the platform on the port and a database reached as {@code username}, with any further arguments. */
	public static Process start(int port, String jdbcUrl, String username, String password, Path work, String... arguments)
			throws IOException {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx1g", "-Dfile.encoding=UTF-8", "-cp", classpath, "io.siteroll.SiteRollApplication",
				"--server.port=" + port, "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + username,
				"--spring.datasource.password=" + password, "--siteroll.data-dir=" + work.resolve("data"), "--siteroll.demo.enabled=true",
				"--siteroll.demo.projects=2", "--siteroll.demo.workers=20", "--siteroll.privacy.data-key=" + DATA_KEY,
				"--siteroll.privacy.index-key=" + INDEX_KEY, "--logging.level.root=WARN"));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(new File(work.toFile(), "platform.log")));
		builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_DATASOURCE"));
		return builder.start();
	}

	/**
	 * Ends what a test started, either may be null: the platform killed (SIGKILL) and waited for at most 30 s, then
	 * the database it used.
	 */
	public static void stop(Process platform, EmbeddedPostgres postgres) throws IOException, InterruptedException {
		if (platform != null) {
			platform.destroyForcibly();
			Waits.exit(platform, Duration.ofSeconds(30), "the platform at the end of the test");
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	/** Waits until the process answers its health check (at most 240 s), failing if it dies first. */
	public static void awaitReady(Process platform, String base, Path work) throws InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(platform.isAlive()).as("platform process running (see %s)", work.resolve("platform.log")).isTrue();
			try {
				HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
					.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() == 200) {
					return;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new AssertionError("platform did not start within 240 s");
	}
}
