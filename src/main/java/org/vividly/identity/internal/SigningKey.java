package org.vividly.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The HS256 key: configured, or generated once and kept in {@code signing_key}. */
final class SigningKey {

  private SigningKey() {}

  static SecretKey load(JdbcClient jdbc, String configured) {
    if (configured != null && !configured.isBlank()) {
      byte[] secret = Base64.getDecoder().decode(configured.strip());
      if (secret.length < 32) throw new IllegalStateException("vividly.security.jwt-secret must be at least 32 bytes (base64 of 32 random bytes)");
      return new SecretKeySpec(secret, "HmacSHA256");
    }
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    jdbc.sql("INSERT INTO signing_key (id, secret) VALUES ('jwt-hs256', ?) ON CONFLICT (id) DO NOTHING").param(fresh).update();
    byte[] secret = jdbc.sql("SELECT secret FROM signing_key WHERE id = 'jwt-hs256'").query(byte[].class).single();
    return new SecretKeySpec(secret, "HmacSHA256");
  }
}
