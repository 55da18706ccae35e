package io.siteroll.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.transaction.annotation.Transactional;

/**
 * Work that only reads (a dashboard, an export of masked lists, a notice shown, the national reporting status): one
 * read-only transaction, which runs on a standby when {@code siteroll.datasource.read-only.url} names one, and on the
 * primary otherwise. Nothing under it may write, not even an audit entry: PostgreSQL refuses the write in a read-only
 * transaction, on the primary as on the standby. Work that reveals personal data (and audits it) is not read-only work.
 * A standby may lag the primary by the time it takes to apply a commit; see docs/operations.md.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Transactional(readOnly = true)
public @interface ReadOnlyWork {
}
