package io.siteroll.payroll.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.siteroll.campaign.Contact;
import io.siteroll.campaign.DepartmentContacts;
import io.siteroll.payroll.RightsBoards;
import io.siteroll.payroll.WageAccounts;
import io.siteroll.personnel.ManagerPost;
import io.siteroll.personnel.ManagerPosts;
import io.siteroll.personnel.Persons;
import io.siteroll.personnel.Post;
import io.siteroll.platform.NotFound;
import io.siteroll.project.ParticipatingUnit;
import io.siteroll.project.Project;
import io.siteroll.project.ProjectAccess;
import io.siteroll.project.Projects;
import io.siteroll.region.Region;
import io.siteroll.region.Regions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the rights board from the records the platform keeps; nothing on it is typed for the board. The competent
 * department is the housing department of the project's county (or of the nearest division above it that named a
 * contact through the campaign's contacts).
 */
@Service
@Transactional(readOnly = true)
class RightsBoardBook implements RightsBoards {

	private final ProjectAccess access;

	private final Projects projects;

	private final ManagerPosts managers;

	private final Persons persons;

	private final WageAccounts accounts;

	private final DepartmentContacts contacts;

	private final Regions regions;

	private final PayrollSettings settings;

	private final Clock clock;

	RightsBoardBook(ProjectAccess access, Projects projects, ManagerPosts managers, Persons persons,
			WageAccounts accounts, DepartmentContacts contacts, Regions regions, PayrollSettings settings, Clock clock) {
		this.access = access;
		this.projects = projects;
		this.managers = managers;
		this.persons = persons;
		this.accounts = accounts;
		this.contacts = contacts;
		this.regions = regions;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public RightsBoard of(long projectId) {
		Project project = access.requireVisible(projectId);
		LocalDate today = LocalDate.now(clock);
		List<ParticipatingUnit> units = projects.units(projectId).stream().filter(u -> u.exitDate() == null
				|| !u.exitDate().isBefore(today)).toList();
		List<ParticipatingUnit> owners = units.stream().filter(u -> u.unitType() == ParticipatingUnit.Type.OWNER).toList();
		List<ParticipatingUnit> subcontractors = units.stream()
			.filter(u -> u.unitType() != ParticipatingUnit.Type.OWNER
					&& u.unitType() != ParticipatingUnit.Type.GENERAL_CONTRACTOR
					&& u.unitType() != ParticipatingUnit.Type.SUPERVISION && u.unitType().keepsTeams())
			.toList();
		List<ManagerPost> posts = managers.posts(projectId);
		List<WageAccounts.Guarantee> guarantees = accounts.guarantees(projectId);
		return new RightsBoard(project, owners, project.contractorName(), subcontractors,
				holder(posts, Post.PROJECT_MANAGER), holder(posts, Post.LABOUR_OFFICER),
				accounts.find(projectId).orElse(null), settings.payDay(), guarantees.isEmpty() ? null : guarantees.get(0),
				settings.minimumWage(), department(project.regionCode()), settings.complaintLine(),
				settings.legalAidLine(), today);
	}

	/** The current holder of a post (the newest tenure), with the phone on the person's record. */
	private RightsBoards.Person holder(List<ManagerPost> posts, Post post) {
		Optional<ManagerPost> held = posts.stream().filter(p -> p.post() == post && p.active())
			.max(Comparator.comparing(ManagerPost::tenureFrom));
		if (held.isEmpty()) {
			return null;
		}
		String phone;
		try {
			phone = persons.require(held.get().personId()).phone();
		}
		catch (NotFound unseen) {
			phone = null;
		}
		return new RightsBoards.Person(held.get().personName(), phone);
	}

	/** The project's county department, with the contact of the nearest division up the tree that named one. */
	private Department department(String regionCode) {
		Region county = regions.require(regionCode);
		Region at = county;
		while (at != null) {
			Optional<Contact> contact = contacts.of(at.code());
			if (contact.isPresent()) {
				Contact c = contact.get();
				return new Department(at.department(), c.name(), c.post(), c.phone());
			}
			at = at.parentCode() == null ? null : regions.find(at.parentCode()).orElse(null);
		}
		return new Department(county.department(), null, null, null);
	}
}
