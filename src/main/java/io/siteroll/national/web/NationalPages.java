package io.siteroll.national.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

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

	NationalPages(NationalReporting reporting, ProjectAccess access) {
		this.reporting = reporting;
		this.access = access;
	}

	@GetMapping("/projects/{id}/national")
	String project(@PathVariable long id, Model model) {
		model.addAttribute("project", access.requireVisible(id));
		model.addAttribute("connection", reporting.connection());
		model.addAttribute("tally", reporting.tally(id));
		model.addAttribute("reports", reporting.reports(id, SHOWN));
		model.addAttribute("shown", SHOWN);
		return "national/project";
	}

	/** A project's reporting status. */
	record Status(NationalReporting.Tally tally, List<NationalReport> reports) {
	}

	@GetMapping("/api/projects/{id}/national-reports")
	@ResponseBody
	Status api(@PathVariable long id) {
		return new Status(reporting.tally(id), reporting.reports(id, 500));
	}
}
