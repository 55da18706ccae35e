/**
 * Shared platform infrastructure used by every module: the database (embedded PostgreSQL when no
 * server is configured), rule violations and their problem+json rendering in Chinese and English,
 * paging. It knows nothing of the domain.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.siteroll.platform;

import org.springframework.modulith.ApplicationModule;
