/**
 * Audit events: one {@link vn.kyso.api.event.SigningEvent} per signing act, delivered to {@link vn.kyso.api.event.SigningListener}s.
 * Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package vn.kyso.api.event;

import org.jspecify.annotations.NullMarked;
