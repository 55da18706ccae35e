package io.siteroll.enforcement.internal;

import java.util.List;

import io.siteroll.region.Region;
import io.siteroll.region.Regions;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** No two departments' document numbers can read alike: the province and the cities that share its initial. */
class DocumentSeriesTest extends IntegrationTest {

	@Autowired
	DocumentSeries series;

	@Autowired
	Regions regions;

	@Test
	void everyDepartmentAtProvinceAndCityLevelHasItsOwnPrefix() {
		List<String> prefixes = regions.all().stream()
			.filter(r -> r.level() == Region.Level.PROVINCE || r.level() == Region.Level.CITY)
			.map(series::prefix)
			.toList();
		assertThat(prefixes).doesNotHaveDuplicates();
		assertThat(series.prefix(regions.require("220000"))).isEqualTo("吉");
		assertThat(series.prefix(regions.require("220200"))).isEqualTo("吉林");
		assertThat(series.prefix(regions.require("220100"))).isEqualTo("长");
		assertThat(series.prefix(regions.require("220102"))).isEqualTo("南关");
	}
}
