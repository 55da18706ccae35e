package io.siteroll.notice.web;

import io.siteroll.notice.Notices;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Issued notices as the public reads them, without signing in (通报 are published): the document, its PDF and its
 * attached tables. A draft or an unknown id is not found.
 */
@Controller
class PublicNoticePages {

	private final Notices notices;

	private final NoticeRendering rendering;

	PublicNoticePages(Notices notices, NoticeRendering rendering) {
		this.notices = notices;
		this.rendering = rendering;
	}

	@GetMapping("/public/notices/{id}")
	String one(@PathVariable long id, Model model) {
		Notices.Drafted issued = notices.published(id);
		model.addAttribute("n", issued.notice());
		model.addAttribute("text", rendering.text(issued));
		return "notice/public";
	}

	@GetMapping("/public/notices/{id}/document.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id) {
		return rendering.pdf(notices.published(id));
	}

	@GetMapping("/public/notices/{id}/annex.xlsx")
	void annex(@PathVariable long id, HttpServletResponse response) {
		rendering.annex(notices.published(id), response);
	}
}
