package io.siteroll.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.siteroll.SiteRollApplication;
import io.siteroll.attendance.AttendanceReadModel;
import io.siteroll.device.DeviceReadModel;
import io.siteroll.payroll.PayrollReadModel;
import io.siteroll.personnel.PersonnelReadModel;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Compliance's set-based SQL reads facts the device, attendance, personnel and payroll modules own; it reads them through
 * the read models those modules declare, so the module graph shows the dependencies the SQL has.
 */
class ReadModelDependenciesTest {

	@Test
	void complianceDependsOnTheReadModelsOfTheModulesWhoseFactsItsSqlReads() {
		ApplicationModules modules = ApplicationModules.of(SiteRollApplication.class);
		ApplicationModule compliance = modules.getModuleByName("compliance").orElseThrow();
		List<String> targets = compliance.getDirectDependencies(modules).stream()
			.map(ApplicationModuleDependency::getTargetType)
			.map(t -> t.getName())
			.distinct()
			.toList();
		assertThat(targets).contains(DeviceReadModel.class.getName(), AttendanceReadModel.class.getName(),
				PersonnelReadModel.class.getName(), PayrollReadModel.class.getName());
		assertThat(compliance.getDirectDependencies(modules).containsModuleNamed("device")).isTrue();
	}
}
