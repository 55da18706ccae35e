package io.siteroll.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Starts the platform as its own process on its embedded PostgreSQL, as {@code ./mvnw spring-boot:run}
 * does, and treats it like a server: requests during the demo load get 503 (never a wrong 401), a
 * {@code kill -9} leaves the database behind and the next start recovers by itself, and SIGTERM stops
 * the platform and its database quickly.
 */
class PlatformLifecycleTest {

	private static final String DEMO_AUTH = "Basic "
			+ Base64.getEncoder().encodeToString("province:siteroll-demo".getBytes(StandardCharsets.UTF_8));

	/** Bounds each request, so that a platform that accepts connections but never answers fails the test. */
	private static final Duration REQUEST = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Path work = Path.of("target", "lifecycle-test").toAbsolutePath();

	private Process platform;

	@AfterEach
	void stop() throws Exception {
		if (platform != null && platform.isAlive()) {
			platform.destroy();
			if (!platform.waitFor(30, TimeUnit.SECONDS)) {
				platform.destroyForcibly();
			}
		}
		OrphanedPostmaster.stopIfRunning(work.resolve("data").resolve("postgres"));
	}

	@Test
	void answersOnlyWhenReadyRecoversFromKillMinusNineAndStopsQuicklyOnSigterm() throws Exception {
		FileSystemUtils.deleteRecursively(work);
		Files.createDirectories(work);
		Path pgData = work.resolve("data").resolve("postgres");
		int port = freePort();
		String base = "http://localhost:" + port;

		platform = start(port);
		List<Integer> duringStart = pollUntilReady(base);
		System.out.printf("Lifecycle: %d requests while starting, statuses %s%n", duringStart.size(),
				duringStart.stream().distinct().toList());
		assertThat(duringStart).as("a valid account is never refused while the demo loads").doesNotContain(401)
			.allMatch(s -> s == 503 || s == 200);
		assertThat(get(base + "/api/projects")).isEqualTo(200);
		assertThat(OrphanedPostmaster.find(pgData)).as("the embedded postmaster runs").isPresent();

		platform.destroyForcibly();
		assertThat(platform.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(OrphanedPostmaster.find(pgData)).as("kill -9 leaves the database process behind").isPresent();

		platform = start(port);
		pollUntilReady(base);
		assertThat(get(base + "/api/projects")).as("restarted on the same data, demo accounts still there").isEqualTo(200);
		assertThat(Files.readString(work.resolve("platform.log"))).contains("demo data not loaded again");

		long stopping = System.nanoTime();
		platform.destroy();
		boolean exited = platform.waitFor(60, TimeUnit.SECONDS);
		Duration took = Duration.ofNanos(System.nanoTime() - stopping);
		System.out.printf("Lifecycle: SIGTERM to exit in %d ms%n", took.toMillis());
		assertThat(exited).isTrue();
		// each shutdown phase gives up after 3 s (application.yml); 15 s leaves a loaded machine room and still tells a
		// quick stop from Spring's 30 s default or a hang
		assertThat(took).as("SIGTERM to exit").isLessThan(Duration.ofSeconds(15));
		assertThat(OrphanedPostmaster.find(pgData)).as("the database stopped with the platform").isEmpty();
	}

	/** Statuses of an authenticated API call made every 50 ms from the first answer until readiness. */
	private List<Integer> pollUntilReady(String base) throws InterruptedException {
		List<Integer> statuses = new ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(platform.isAlive()).as("platform running (see target/lifecycle-test/platform.log)").isTrue();
			try {
				int api = get(base + "/api/projects");
				statuses.add(api);
				HttpResponse<String> ready = http.send(
						HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).timeout(REQUEST).build(),
						HttpResponse.BodyHandlers.ofString());
				if (ready.statusCode() == 200) {
					return statuses;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			Thread.sleep(50);
		}
		throw new AssertionError("platform not ready within 240 s");
	}

	private int get(String url) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST).header("Authorization", DEMO_AUTH).build(),
				HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private Process start(int port) throws IOException {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
				"-Dfile.encoding=UTF-8", "-cp", classpath, "io.siteroll.SiteRollApplication", "--server.port=" + port,
				"--siteroll.data-dir=" + work.resolve("data"), "--siteroll.demo.projects=6", "--siteroll.demo.workers=600",
				"--siteroll.privacy.data-key=00112233445566778899aabbccddeeff",
				"--siteroll.privacy.index-key=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(new File(work.toFile(), "platform.log")));
		builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("SITEROLL_"));
		return builder.start();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
