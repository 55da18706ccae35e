package io.siteroll.compliance;

import java.util.Locale;

/**
 * The evidence of findings and warnings in words: what the platform observed, as a sentence a person reads on a
 * page, and as the items (整改事项) of an official rectification order, which are written in Chinese.
 */
public interface EvidenceSentences {

	/** 整改事项 of an order issued from the finding. */
	String orderItems(Finding finding);

	/** 整改事项 of an order issued from the warning. */
	String orderItems(Warning warning);

	/** The finding's evidence as one or more sentences in the given language. */
	String describe(Finding finding, Locale locale);

	/** The warning's evidence as a sentence in the given language. */
	String describe(Warning warning, Locale locale);
}
