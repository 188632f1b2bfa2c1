package org.vividly.identity;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Tokens as in OAuth 2.0 (RFC 6749 §5.1): a JWT access token (RFC 7519, HS256) and an opaque
 * refresh token that can be used once.
 *
 * @param expiresIn access-token lifetime in seconds
 * @param refreshExpiresIn refresh-token lifetime in seconds
 */
public record TokenPair(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("expires_in") long expiresIn,
    @JsonProperty("refresh_token") String refreshToken,
    @JsonProperty("refresh_expires_in") long refreshExpiresIn) {}
