/**
 * Billing: a payment provider's webhook moves a person or an organization between plans. Each
 * delivery is signed (HMAC-SHA256 over {@code <timestamp>.<body>} with the shared secret, in the
 * {@code Vividly-Signature: t=<unix seconds>,v1=<hex>} header, the scheme Stripe documents for its
 * webhooks), refused when older than the tolerance (replay), and handled once per event id however
 * often it is delivered. No provider is called from here; tests sign payloads locally.
 */
package org.vividly.billing;
