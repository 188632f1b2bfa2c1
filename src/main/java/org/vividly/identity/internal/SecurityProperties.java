package org.vividly.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings ({@code vividly.security.*}).
 *
 * @param accessTokenLifetime JWT access-token lifetime
 * @param refreshTokenLifetime refresh-token lifetime, renewed at each rotation
 * @param sessionLifetime the longest a sign-in lasts however often it is refreshed; after it the
 *     person signs in again (OWASP Session Management Cheat Sheet, "absolute timeout")
 * @param bcryptStrength bcrypt cost factor (log2 rounds); 12 takes about a quarter second
 * @param jwtSecret base64 HMAC-SHA256 key of at least 32 bytes; empty to use one generated once and
 *     kept in the database (shared by every server on it)
 * @param adminEmail the super admin created on first start when there is no account yet
 * @param adminPassword their password; empty to generate one and print it once in the log
 */
@ConfigurationProperties("vividly.security")
public record SecurityProperties(
    @DefaultValue("15m") Duration accessTokenLifetime,
    @DefaultValue("7d") Duration refreshTokenLifetime,
    @DefaultValue("30d") Duration sessionLifetime,
    @DefaultValue("12") int bcryptStrength,
    @DefaultValue("") String jwtSecret,
    @DefaultValue("admin@vividly.local") String adminEmail,
    @DefaultValue("") String adminPassword) {}
