/**
 * Identity: people (accounts with a role in one organization), passwords (bcrypt, cost 12), sign-in
 * with lockout, JWT access tokens (15 minutes) and rotating refresh tokens (7 days) for the API, a
 * session cookie for the web, invitations and password resets by one-time tokens, and the
 * security rules that stand in front of every endpoint.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.vividly.identity;
