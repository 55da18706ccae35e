package io.siteroll.national.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import org.springframework.web.bind.annotation.PostMapping;

import io.siteroll.national.NationalInbound;
import io.siteroll.national.NationalReport;
import io.siteroll.national.NationalReporting;
import io.siteroll.project.ProjectAccess;

/**
 * 全国平台上报: a project's reports to the national platform, what is accepted, waiting and refused (with the
 * platform's own reason), for everyone who sees the project. The same as JSON at
 * {@code /api/projects/{id}/national-reports}.
 */
@Controller
class NationalPages {

	private static final int SHOWN = 200;

	private final NationalReporting reporting;

	private final ProjectAccess access;

	private final NationalInbound inbound;

	NationalPages(NationalReporting reporting, ProjectAccess access, NationalInbound inbound) {
		this.reporting = reporting;
		this.access = access;
		this.inbound = inbound;
	}

	@GetMapping("/projects/{id}/national")
	String project(@PathVariable long id, Model model) {
		model.addAttribute("project", access.requireVisible(id));
		model.addAttribute("connection", reporting.connection());
		model.addAttribute("tally", reporting.tally(id));
		model.addAttribute("reports", reporting.reports(id, SHOWN));
		model.addAttribute("shown", SHOWN);
		model.addAttribute("manages", access.canManage(id));
		model.addAttribute("keyIssuedAt", inbound.keyIssuedAt(id).orElse(null));
		return "national/project";
	}

	/**
	 * Issues the project's interface key for its labour system; the answer is the page with the secret, shown this once
	 * (not a redirect: the secret is never stored where a later request could show it again).
	 */
	@PostMapping("/projects/{id}/national/key")
	String issueKey(@PathVariable long id, Model model) {
		NationalInbound.IssuedKey issued = inbound.issueKey(id);
		model.addAttribute("issuedKey", issued);
		return project(id, model);
	}

	/** The enterprise's own key for its labour system (an enterprise administrator's page). */
	@GetMapping("/national/key")
	String enterpriseKey(Model model) {
		model.addAttribute("keyIssuedAt", inbound.enterpriseKeyIssuedAt().orElse(null));
		return "national/enterprise-key";
	}

	/** Issues the enterprise's key; the answer shows the secret this once. */
	@PostMapping("/national/key")
	String issueEnterpriseKey(Model model) {
		model.addAttribute("issuedKey", inbound.issueEnterpriseKey());
		return enterpriseKey(model);
	}

	/** A project's reporting status. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "NationalReportingStatus")
	record Status(NationalReporting.Tally tally, List<NationalReport> reports) {
	}

	@GetMapping("/api/projects/{id}/national-reports")
	@ResponseBody
	Status api(@PathVariable long id) {
		return new Status(reporting.tally(id), reporting.reports(id, 500));
	}
}
