package io.siteroll.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.siteroll.demo.SyntheticIdentities;
import io.siteroll.support.IntegrationTest.Site;

/** Builds enterprises and projects through the HTTP API, as an enterprise or officer would. */
public final class Sites {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private Sites() {
	}

	public static long enterprise(ApiClient client, SyntheticIdentities ids, String region) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("creditCode", ids.creditCode(region));
		body.put("name", "测试企业" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000 + "有限公司");
		body.put("registrationRegion", region);
		body.put("legalRepresentative", ids.name());
		body.put("contactPerson", ids.name());
		body.put("contactPhone", ids.phone());
		ApiClient.Response r = client.post("/api/enterprises", body);
		if (r.status() != 201) {
			throw new IllegalStateException(r.body());
		}
		return r.id();
	}

	/**
	 * A project's registration as {@code POST /api/projects} takes it: a housing project (category 01) of new
	 * construction (nature 001) at an address of the test town; a mutable map, so that a test can change a field.
	 */
	public static Map<String, Object> registration(String name, String regionCode, long contractorId, LocalDate start) {
		Map<String, Object> project = new LinkedHashMap<>();
		project.put("name", name);
		project.put("regionCode", regionCode);
		project.put("address", "测试路1号");
		project.put("category", "01");
		project.put("constructionNature", "001");
		project.put("contractorId", contractorId);
		project.put("startDate", start);
		return project;
	}

	/** A started project with a general contractor, a supervision company, a labour subcontractor and one team. */
	public static Site site(ApiClient province, SyntheticIdentities ids, String regionCode, LocalDate start) {
		long contractor = enterprise(province, ids, "220102");
		long supervision = enterprise(province, ids, "220102");
		long labour = enterprise(province, ids, "220102");
		String name = "测试项目" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
		Map<String, Object> project = registration(name, regionCode, contractor, start);
		ApiClient.Response p = province.post("/api/projects", project);
		if (p.status() != 201) {
			throw new IllegalStateException(p.body());
		}
		long projectId = p.id();
		long gcUnit = province.get("/api/projects/" + projectId + "/units").json().get(0).get("id").asLong();
		long supervisionUnit = province.post("/api/projects/" + projectId + "/units",
				Map.of("enterpriseId", supervision, "unitType", "007", "entryDate", start)).id();
		long labourUnit = province.post("/api/projects/" + projectId + "/units",
				Map.of("enterpriseId", labour, "unitType", "006", "entryDate", start)).id();
		long team = province.post("/api/projects/" + projectId + "/teams",
				Map.of("unitId", labourUnit, "name", "钢筋班组", "entryDate", start)).id();
		return new Site(projectId, name, contractor, gcUnit, supervisionUnit, labourUnit, team, regionCode);
	}
}
