package io.siteroll.attendance;

import java.util.Locale;

/**
 * The evidence of fraud signals in words, from the message bundles ({@code signal.*}), for the pages that list
 * signals: {@code ${@fraudSignalSentences.describe(s, #locale)}}.
 */
public interface FraudSignalSentences {

	/** What made the signal look like fraud, as a sentence in the given language. */
	String describe(FraudSignal signal, Locale locale);
}
