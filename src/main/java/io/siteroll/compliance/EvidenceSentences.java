package io.siteroll.compliance;

import java.util.Locale;

/**
 * The evidence of findings and warnings in words: what the platform observed, as a sentence a person reads on a
 * page, and as the items (整改事项) of an official rectification order, which are written in Chinese. Sentences
 * come from the message bundles ({@code evidence.*}) with the evidence's numbers as arguments, never from codes or
 * the evidence's raw properties.
 */
public interface EvidenceSentences {

	/** 整改事项 of an order issued from the finding: the facts, then the measures the checklist prescribes. */
	String orderItems(Finding finding);

	/** 整改事项 of an order issued from the warning: what was watched and the facts. */
	String orderItems(Warning warning);

	/** The finding's evidence as one or more sentences in the given language. */
	String describe(Finding finding, Locale locale);

	/** The evidence of one revision of the finding (the finding as an evaluation left it) in the given language. */
	String describe(Finding finding, Finding.Revision revision, Locale locale);

	/** The warning's evidence as a sentence in the given language. */
	String describe(Warning warning, Locale locale);

	/** What a re-check after a rectification deadline found, in the given language. */
	String describe(Recheck.Evidence evidence, Locale locale);
}
