package io.siteroll.support;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Sends a test's HTTP request to the application under test. A failed exchange with a local server is a broken
 * test run, not something a test handles, so the checked exceptions become unchecked (keeping the interrupt).
 */
public final class Exchanges {

	private Exchanges() {
	}

	public static <T> HttpResponse<T> send(HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> body) {
		try {
			return http.send(request, body);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
