package io.siteroll.identity;

/** The actor of the current request (or {@link Actor#SYSTEM} for platform jobs). */
public interface CurrentActor {

	Actor get();
}
