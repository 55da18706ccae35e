package io.siteroll.region.web;

import java.util.List;

import io.siteroll.platform.NotFound;
import io.siteroll.region.Region;
import io.siteroll.region.Regions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/regions")
@Tag(name = "Regions 行政区划")
class RegionApi {

	private final Regions regions;

	RegionApi(Regions regions) {
		this.regions = regions;
	}

	@GetMapping
	@Operation(summary = "All regions, or the children of one region")
	List<Region> list(@RequestParam(required = false) String parent) {
		String code = regions.filter("parent", parent);
		return code == null ? regions.all() : regions.children(code);
	}

	@GetMapping("/{code}")
	Region one(@PathVariable String code) {
		return regions.find(code).orElseThrow(() -> new NotFound("region", code));
	}
}
