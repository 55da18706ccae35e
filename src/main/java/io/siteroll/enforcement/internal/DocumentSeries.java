package io.siteroll.enforcement.internal;

import java.time.Instant;
import java.sql.Timestamp;

import io.siteroll.enforcement.DocumentPrefixes;
import io.siteroll.region.Region;
import io.siteroll.region.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The document numbers (文号) of a department: one series per issuing region, kind of document and year, e.g.
 * 长住建整改〔2026〕12号. A document's number is given once and kept; concurrent numbering in one series waits on a
 * transaction-scoped advisory lock, so serials never repeat or skip.
 */
@Component
class DocumentSeries implements DocumentPrefixes {

	/** Kinds of numbered documents, with the word of the series (整改: rectification orders, 罚: penalty decisions). */
	enum Kind {
		RECTIFICATION_ORDER("整改"), PENALTY_DECISION("罚");

		final String word;

		Kind(String word) {
			this.word = word;
		}
	}

	private final JdbcClient jdbc;

	private final Regions regions;

	DocumentSeries(JdbcClient jdbc, Regions regions) {
		this.regions = regions;
		this.jdbc = jdbc;
	}

	/** The document's number, given now in the issuer's series if it has none yet. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public String numberOf(Kind kind, long sourceId, Region issuer, int year, Instant now) {
		String existing = existing(kind, sourceId);
		if (existing != null) {
			return existing;
		}
		lock(kind, issuer, year);
		existing = existing(kind, sourceId);
		if (existing != null) {
			return existing;
		}
		Number number = next(kind, issuer, year);
		record(kind, sourceId, issuer, year, number, now);
		return number.text();
	}

	/** A number of a series: its serial and how it is written. */
	record Number(int serial, String text) {
	}

	/**
	 * The next number of the series, held for the caller's transaction: a document numbered when it is decided (a
	 * penalty decision) takes it with {@link #record} in the same transaction, so a refused decision leaves no gap.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Number take(Kind kind, Region issuer, int year) {
		lock(kind, issuer, year);
		return next(kind, issuer, year);
	}

	/** The number the next document of the series would take, for a form to announce; not held. */
	public String preview(Kind kind, Region issuer, int year) {
		return next(kind, issuer, year).text();
	}

	private void lock(Kind kind, Region issuer, int year) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('document-series:' || :region || :kind), :year)")
			.param("region", issuer.code())
			.param("kind", kind.name())
			.param("year", year)
			.query()
			.singleValue();
	}

	private Number next(Kind kind, Region issuer, int year) {
		int serial = jdbc.sql("""
				select coalesce(max(serial), 0) + 1 from document_number
				where issuer_region_code = :region and kind = :kind and year = :year""")
			.param("region", issuer.code())
			.param("kind", kind.name())
			.param("year", year)
			.query(Integer.class)
			.single();
		return new Number(serial, prefix(issuer) + "住建" + kind.word + "〔" + year + "〕" + serial + "号");
	}

	/** Gives the document {@code sourceId} its number in the series. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(Kind kind, long sourceId, Region issuer, int year, Number number, Instant now) {
		jdbc.sql("""
				insert into document_number (kind, source_id, issuer_region_code, year, serial, number, assigned_at)
				values (:kind, :source, :region, :year, :serial, :number, :at)""")
			.param("kind", kind.name())
			.param("source", sourceId)
			.param("region", issuer.code())
			.param("year", year)
			.param("serial", number.serial())
			.param("number", number.text())
			.param("at", Timestamp.from(now))
			.update();
	}

	private String existing(Kind kind, long sourceId) {
		return jdbc.sql("select number from document_number where kind = :kind and source_id = :source")
			.param("kind", kind.name())
			.param("source", sourceId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	@Override
	public String of(Region issuer) {
		return prefix(issuer);
	}

	/**
	 * The department's short name in a document number: the province 吉, a city by its first character (长春市 → 长)
	 * or, where the province or another city begins with the same character, its first two (吉林市 → 吉林, 白山市 → 白山,
	 * 白城市 → 白城), so that no two departments' numbers can read alike; any other region by its name without the
	 * administrative suffix (南关区 → 南关, 长白山管委会 → 长白山).
	 */
	String prefix(Region region) {
		String name = region.name();
		return switch (region.level()) {
			case PROVINCE -> name.substring(0, 1);
			case CITY -> sharesInitial(region) ? name.substring(0, 2) : name.substring(0, 1);
			default -> name.replaceAll("(自治县|自治州|管委会|新区|区|县|市)$", "");
		};
	}

	private boolean sharesInitial(Region city) {
		char initial = city.name().charAt(0);
		return regions.all().stream()
			.filter(r -> r.level() == Region.Level.PROVINCE || r.level() == Region.Level.CITY)
			.anyMatch(r -> !r.code().equals(city.code()) && r.name().charAt(0) == initial);
	}

	/** The issuing department's full name: the province's department (厅) or a region's bureau (局). */
	static String department(Region region) {
		return region.department();
	}
}
