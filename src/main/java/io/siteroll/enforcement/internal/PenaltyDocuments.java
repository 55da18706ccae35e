package io.siteroll.enforcement.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.siteroll.compliance.EvidenceSentences;
import io.siteroll.compliance.Finding;
import io.siteroll.compliance.Findings;
import io.siteroll.compliance.Party;
import io.siteroll.enforcement.OrderDocument;
import io.siteroll.enforcement.Penalties;
import io.siteroll.enforcement.Penalty;
import io.siteroll.enforcement.Penalty.Sanction;
import io.siteroll.enforcement.PenaltyDocument;
import io.siteroll.enforcement.RectificationOrder;
import io.siteroll.enforcement.RectificationOrders;
import io.siteroll.enterprise.Enterprises;
import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import io.siteroll.personnel.Persons;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.Messages;
import io.siteroll.platform.OfficialDocument;
import io.siteroll.platform.OfficialDocuments;
import io.siteroll.project.ProjectAccess;
import io.siteroll.project.Projects;
import io.siteroll.region.Region;
import io.siteroll.region.Regions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 行政处罚决定书: a decision as the document an officer prints and serves, in the name of the department that decided
 * it and under the number it was decided with, addressed to the enterprise or the person by full name; the facts are
 * the order's items and what its re-check found (or the finding's evidence), in sentences, then the legal basis and
 * the measures. Decisions taken on the pages are made in the officer's department's name and numbered in its series
 * (长住建罚〔2026〕3号) in the same transaction, so a refused decision leaves no gap. Official documents are in
 * Chinese whatever the reader's language.
 */
@Service
class PenaltyDocuments implements PenaltyDocument {

	private final Penalties penalties;

	private final RectificationOrders orders;

	private final OrderDocument orderDocuments;

	private final Findings findings;

	private final EvidenceSentences sentences;

	private final Enterprises enterprises;

	private final Persons persons;

	private final Regions regions;

	private final DocumentSeries series;

	private final OfficialDocuments documents;

	private final CurrentActor actors;

	private final ProjectAccess access;

	private final Messages messages;

	private final Clock clock;

	private final Projects projects;

	PenaltyDocuments(Penalties penalties, RectificationOrders orders, OrderDocument orderDocuments, Findings findings,
			EvidenceSentences sentences, Enterprises enterprises, Persons persons, Regions regions, DocumentSeries series,
			OfficialDocuments documents, CurrentActor actors, ProjectAccess access, Messages messages, Clock clock,
			Projects projects) {
		this.projects = projects;
		this.penalties = penalties;
		this.orders = orders;
		this.orderDocuments = orderDocuments;
		this.findings = findings;
		this.sentences = sentences;
		this.enterprises = enterprises;
		this.persons = persons;
		this.regions = regions;
		this.series = series;
		this.documents = documents;
		this.actors = actors;
		this.access = access;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public Numbering numbering() {
		Region department = department();
		return new Numbering(DocumentSeries.department(department),
				series.preview(DocumentSeries.Kind.PENALTY_DECISION, department, LocalDate.now(clock).getYear()));
	}

	@Override
	@Transactional
	public Penalty decide(Penalties.Decision d) {
		Region department = department();
		LocalDate decidedOn = d.decidedOn() == null ? LocalDate.now(clock) : d.decidedOn();
		DocumentSeries.Number number = series.take(DocumentSeries.Kind.PENALTY_DECISION, department, decidedOn.getYear());
		Penalty penalty = penalties.decide(new Penalties.Decision(d.orderId(), d.findingId(), d.party(), d.measures(),
				d.fineYuan(), d.stopWorkFrom(), DocumentSeries.department(department), decidedOn, number.text()));
		series.record(DocumentSeries.Kind.PENALTY_DECISION, penalty.id(), department, decidedOn.getYear(), number,
				clock.instant());
		return penalty;
	}

	/** The caller's region, whose department decides: officers only. */
	private Region department() {
		Actor actor = actors.get();
		if (!actor.isOfficer() || actor.regionCode() == null) {
			throw new Forbidden("project.not-overseen");
		}
		return regions.require(actor.regionCode());
	}

	@Override
	public String addressee(Penalty penalty) {
		if (penalty.party() == Party.PROJECT_MANAGER && penalty.personId() != null) {
			return persons.require(penalty.personId()).name();
		}
		return penalty.enterpriseId() == null ? "" : enterprises.require(penalty.enterpriseId()).name();
	}

	@Override
	public OfficialDocument document(long penaltyId) {
		Penalty penalty = penalties.require(penaltyId);
		String projectName = access.requireVisible(penalty.projectId()).name();
		boolean enterprise = penalty.party() != Party.PROJECT_MANAGER;
		String you = text(enterprise ? "document.penalty.you.enterprise" : "document.penalty.you.person");
		String office = penalty.decisionMaker().endsWith("厅") ? "厅" : "局";
		List<String> paragraphs = new ArrayList<>();
		if (penalty.orderId() != null) {
			RectificationOrder order = orders.require(penalty.orderId());
			OfficialDocument served = orderDocuments.document(order.id());
			paragraphs.add(text("document.penalty.facts.order", you, projectName, sentence(order.items()), served.issuer(),
					date(order.issuedOn()), served.number(), date(order.deadline())) + recheck(order));
		}
		else if (penalty.findingId() != null) {
			Finding finding = findings.require(penalty.findingId());
			paragraphs.add(text("document.penalty.facts.finding", you, projectName,
					sentence(sentences.describe(finding, Messages.CHINESE))));
		}
		paragraphs.add(text("document.penalty.decision", penalty.legalBasis(), office, you, measures(penalty, office)));
		if (penalty.fineYuan() != null) {
			paragraphs.add(text("document.penalty.payment"));
		}
		paragraphs.add(text("document.penalty.remedy", you));
		List<OfficialDocument.Particular> particulars = new ArrayList<>();
		particulars.add(new OfficialDocument.Particular(text("document.penalty.legal-basis"), penalty.legalBasis()));
		particulars.add(new OfficialDocument.Particular(text("document.penalty.measures"), String.join("、",
				penalty.measures().stream().map(m -> messages.label(Messages.CHINESE, m)).toList())));
		if (penalty.fineYuan() != null) {
			particulars.add(new OfficialDocument.Particular(text("document.penalty.fine-amount"),
					text("document.penalty.yuan", yuan(penalty.fineYuan()))));
		}
		return new OfficialDocument(penalty.decisionMaker(), penalty.documentNumber(), text("document.penalty.title"),
				addressee(penalty), paragraphs, particulars, penalty.decidedOn(), List.of(),
				text("document.penalty.reference", String.valueOf(penalty.id())));
	}

	@Override
	public byte[] pdf(long penaltyId) {
		return documents.pdf(document(penaltyId));
	}

	/** What the re-check after the deadline found, in a sentence; nothing when the order has none. */
	private String recheck(RectificationOrder order) {
		RectificationOrder.RecheckResult result = order.recheck();
		if (result == null) {
			return "";
		}
		if (result.evidence() != null) {
			return text("document.penalty.facts.recheck", date(result.from()), date(result.to()),
					sentences.describe(result.evidence(), Messages.CHINESE));
		}
		String note = result.reinspection() == null || result.reinspection().isBlank() ? ""
				: text("document.penalty.facts.note", sentence(result.reinspection()));
		return text("document.penalty.facts.reinspection", note);
	}

	/** The measures as the decision states them: the fine with its amount, the stop-work order with its first day. */
	private String measures(Penalty penalty, String office) {
		List<String> parts = new ArrayList<>();
		for (Sanction m : penalty.measures()) {
			parts.add(switch (m) {
				case FINE -> text("document.penalty.fine", yuan(penalty.fineYuan()));
				case STOP_WORK -> text("document.penalty.stop-work", stopWorkFrom(penalty), office);
				default -> messages.label(Messages.CHINESE, m);
			});
		}
		return String.join(text("document.penalty.separator"), parts);
	}

	/** The stop-work order's first day: the ordered stoppage's. */
	private String stopWorkFrom(Penalty penalty) {
		return projects.stoppages(penalty.projectId()).stream().filter(s -> penalty.stoppageId() != null && s.id() == penalty.stoppageId()).findFirst()
			.map(s -> date(s.firstDay())).orElse(date(penalty.decidedOn()));
	}

	/** 60000.00 → 60000: whole yuan without decimals, fen when there are any. */
	static String yuan(BigDecimal amount) {
		return amount == null ? "" : amount.stripTrailingZeros().toPlainString();
	}

	/** A sentence without its closing stop, so the bundle's pattern closes it once. */
	private static String sentence(String text) {
		String t = text == null ? "" : text.strip();
		while (t.endsWith("。") || t.endsWith("；") || t.endsWith(".")) {
			t = t.substring(0, t.length() - 1);
		}
		return t;
	}

	private String text(String key, Object... args) {
		return messages.get(Messages.CHINESE, key, args);
	}

	/** A date as the evidence sentences write it in Chinese (2026年12月9日), from the same bundle pattern. */
	private String date(LocalDate day) {
		return DateTimeFormatter.ofPattern(text("evidence.format.day"), Messages.CHINESE).format(day);
	}
}
