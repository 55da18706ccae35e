package io.siteroll.identity.web;

import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in actor into every page's model (the navigation bar shows it). */
@ControllerAdvice(annotations = Controller.class)
class ActorModel {

	private final CurrentActor actors;

	ActorModel(CurrentActor actors) {
		this.actors = actors;
	}

	@ModelAttribute("actor")
	Actor actor() {
		return actors.get();
	}
}
