/**
 * Access control of the HTTP services: API keys (and optionally JWTs) mapped onto
 * {@link org.edm.security.Scopes}, per-key rate limits and the rule for actuator
 * endpoints, as one Spring Boot auto-configuration. The key format and its hash
 * ({@link org.edm.security.ApiKeyFormat}) are plain Java, shared with the migration tool.
 */
@NullMarked
package org.edm.security;

import org.jspecify.annotations.NullMarked;
