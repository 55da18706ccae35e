package io.siteroll.attendance;

import java.util.Locale;
import java.util.Map;

/**
 * The evidence of fraud signals in words, from the message bundles ({@code signal.*}), for the pages that list
 * signals: {@code ${@fraudSignalSentences.describe(s, #locale, gates)}}.
 */
public interface FraudSignalSentences {

	/**
	 * What made the signal look like fraud, as a sentence in the given language.
	 * @param gates the names of the gates the page knows (its project's), by device id; a gate not among them is
	 *     named as another project's gate
	 */
	String describe(FraudSignal signal, Locale locale, Map<Long, String> gates);
}
