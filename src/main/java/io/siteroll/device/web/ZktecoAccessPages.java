package io.siteroll.device.web;

import java.util.Arrays;
import java.util.List;

import io.siteroll.device.Device;
import io.siteroll.device.Devices;
import io.siteroll.device.ZktecoAccess;
import io.siteroll.platform.FormErrors;
import io.siteroll.platform.Messages;
import io.siteroll.platform.RuleViolation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page where whoever manages a ZKTeco device's project gives it its credentials: a communication
 * key (shown this once) and the source networks it may connect from. Until one is set the device is
 * refused. Post/Redirect/Get: the key travels in the redirect's flash, so reloading never issues another.
 */
@Controller
class ZktecoAccessPages {

	private final Devices devices;

	private final ZktecoAccess access;

	private final Messages messages;

	ZktecoAccessPages(Devices devices, ZktecoAccess access, Messages messages) {
		this.devices = devices;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/devices/{id}/zkteco-access")
	String show(@PathVariable long id, Model model) {
		return page(id, model, null);
	}

	/** A new key, shown once on the page after the redirect (the flash lives for that one request). */
	@PostMapping("/devices/{id}/zkteco-access/key")
	String issueKey(@PathVariable long id, RedirectAttributes flash) {
		try {
			flash.addFlashAttribute("issued", access.issueKey(id));
			flash.addFlashAttribute("notice", messages.get("device.zk-key.notice"));
		}
		catch (RuleViolation e) {
			flash.addFlashAttribute("problem", messages.summary(e));
		}
		return "redirect:/devices/" + id + "/zkteco-access";
	}

	@PostMapping("/devices/{id}/zkteco-access/networks")
	String networks(@PathVariable long id, @RequestParam(defaultValue = "") String networks, RedirectAttributes flash,
			Model model) {
		List<String> list = Arrays.stream(networks.split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
		try {
			access.allowNetworks(id, list);
			flash.addFlashAttribute("notice", messages.get("device.zk-networks.notice"));
			return "redirect:/devices/" + id + "/zkteco-access";
		}
		catch (RuleViolation e) {
			model.addAttribute("errors", FormErrors.of(e, messages));
			return page(id, model, networks);
		}
	}

	private String page(long id, Model model, String typed) {
		Device device = devices.require(id);
		ZktecoAccess.Settings settings = access.settings(id);
		model.addAttribute("device", device);
		model.addAttribute("settings", settings);
		model.addAttribute("networks", typed != null ? typed : String.join("\n", settings.allowedNetworks()));
		return "device/zkteco-access";
	}
}
