package io.siteroll.enterprise.web;

import io.siteroll.enterprise.Enterprise;
import io.siteroll.enterprise.Enterprises;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/enterprises")
@Tag(name = "Enterprises 企业")
class EnterpriseApi {

	private final Enterprises enterprises;

	EnterpriseApi(Enterprises enterprises) {
		this.enterprises = enterprises;
	}

	@GetMapping
	@Operation(summary = "Search enterprises by name or credit code")
	Page<Enterprise> search(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return enterprises.search(q, Page.number(page), Page.size(size));
	}

	@GetMapping("/{id}")
	Enterprise one(@PathVariable long id) {
		return enterprises.require(id);
	}

	@GetMapping("/by-credit-code/{code}")
	Enterprise byCreditCode(@PathVariable String code) {
		return enterprises.findByCreditCode(code).orElseThrow(() -> new NotFound("enterprise", code));
	}

	@PostMapping
	@Operation(summary = "Register an enterprise (the credit code must pass the GB 32100 check; 一数一源: 201 with a new "
			+ "enterprise, 200 with the one already registered under the credit code)")
	org.springframework.http.ResponseEntity<Enterprise> register(@RequestBody Enterprises.Registration registration) {
		Enterprises.Registered registered = enterprises.register(registration);
		return org.springframework.http.ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(registered.enterprise());
	}

	@PutMapping("/{id}")
	Enterprise update(@PathVariable long id, @RequestBody Enterprises.Registration registration) {
		return enterprises.update(id, registration);
	}
}
