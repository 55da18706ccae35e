package io.siteroll.enforcement.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.siteroll.campaign.Contact;
import io.siteroll.campaign.DepartmentContacts;
import io.siteroll.enforcement.OrderDocument;
import io.siteroll.enforcement.RectificationOrder;
import io.siteroll.enforcement.RectificationOrders;
import io.siteroll.enterprise.Enterprises;
import io.siteroll.identity.Accounts;
import io.siteroll.platform.Messages;
import io.siteroll.platform.OfficialDocument;
import io.siteroll.platform.OfficialDocuments;
import io.siteroll.region.Region;
import io.siteroll.region.Regions;
import org.springframework.stereotype.Service;

/**
 * 责令限期整改通知书: the order as the document an officer prints and serves. Issued in the name of the issuing
 * officer's department (the province's department or a region's housing bureau), numbered in that department's
 * series, addressed to the enterprise by its full name, with the facts in sentences, the legal basis and the
 * deadline, and the department's current contact (明确1名同志负责实名制管理工作) when it has named one. Official documents
 * are in Chinese whatever the reader's language.
 */
@Service
class OrderDocuments implements OrderDocument {

	/** The province: the issuer when the issuing account is not an officer of a region (the nightly system). */
	private static final String PROVINCE = "220000";

	private final RectificationOrders orders;

	private final Accounts accounts;

	private final Regions regions;

	private final Enterprises enterprises;

	private final DocumentSeries series;

	private final OfficialDocuments documents;

	private final Messages messages;

	private final DepartmentContacts contacts;

	private final Clock clock;

	OrderDocuments(RectificationOrders orders, Accounts accounts, Regions regions, Enterprises enterprises,
			DocumentSeries series, OfficialDocuments documents, Messages messages, DepartmentContacts contacts,
			Clock clock) {
		this.contacts = contacts;
		this.orders = orders;
		this.accounts = accounts;
		this.regions = regions;
		this.enterprises = enterprises;
		this.series = series;
		this.documents = documents;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public OfficialDocument document(long orderId) {
		RectificationOrder order = orders.require(orderId);
		Region issuer = issuer(order);
		String department = DocumentSeries.department(issuer);
		String number = series.numberOf(DocumentSeries.Kind.RECTIFICATION_ORDER, order.id(), issuer,
				order.issuedOn().getYear(), clock.instant());
		String addressee = enterprises.require(order.addresseeEnterpriseId()).name();
		String office = issuer.level() == Region.Level.PROVINCE ? "厅" : "局";
		List<OfficialDocument.Particular> particulars = new ArrayList<>(List.of(
				new OfficialDocument.Particular(text("document.order.project"), order.projectName()),
				new OfficialDocument.Particular(text("document.order.deadline"), date(order.deadline()))));
		contacts.of(issuer.code())
			.ifPresent(c -> particulars.add(new OfficialDocument.Particular(text("document.order.contact"),
					text("document.order.contact-value", c.name(), c.post(), c.phone()))));
		return new OfficialDocument(department, number, text("document.order.title"), addressee,
				List.of(text("document.order.facts", order.projectName(), order.items()),
						text("document.order.demand", order.legalBasis(), date(order.deadline()), office)),
				particulars, order.issuedOn(), List.of(), text("document.order.reference", order.id()));
	}

	@Override
	public Optional<Contact> issuingContact(long orderId) {
		return contacts.of(issuer(orders.require(orderId)).code());
	}

	/** The issuing officer's department; the province's when the issuing account has no region (the nightly system). */
	private Region issuer(RectificationOrder order) {
		return regions.require(accounts.find(order.issuedBy())
			.map(Accounts.AccountView::regionCode)
			.filter(code -> code != null && !code.isBlank())
			.orElse(PROVINCE));
	}

	@Override
	public byte[] pdf(long orderId) {
		return documents.pdf(document(orderId));
	}

	private String text(String key, Object... args) {
		return messages.get(Messages.CHINESE, key, args);
	}

	/** A date as the evidence sentences write it in Chinese (2026年12月9日), from the same bundle pattern. */
	private String date(LocalDate day) {
		return DateTimeFormatter.ofPattern(text("evidence.format.day"), Messages.CHINESE).format(day);
	}
}
