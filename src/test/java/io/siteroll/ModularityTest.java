package io.siteroll;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(SiteRollApplication.class).verify();
	}
}
