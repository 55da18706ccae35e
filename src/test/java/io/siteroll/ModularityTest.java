package io.siteroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

	static final ApplicationModules MODULES = ApplicationModules.of(SiteRollApplication.class);

	/** Where the module documentation is written; docs/modules/README.md says how to copy it. */
	static final Path DOCS = Path.of("target", "spring-modulith-docs");

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	/**
	 * Writes the module documentation from the code as it is, so that the diagram under docs/modules
	 * can be refreshed from the real dependency graph: all modules as one PlantUML component diagram,
	 * each module on its own, and a canvas per module (its API, services, events and properties).
	 */
	@Test
	void writesTheModuleDocumentation() throws IOException {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();

		assertThat(DOCS.resolve("components.puml")).exists();
		assertThat(Files.readString(DOCS.resolve("components.puml"))).contains("Compliance", "Attendance", "Device");
		MODULES.forEach(module -> assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".adoc"))
			.as("the canvas of %s", module.getIdentifier()).exists());
	}
}
