/**
 * Tenancy: organizations own everything. Every query and every retrieval request carries an
 * {@link org.vividly.tenancy.OrganizationId}. Until sign-in exists the caller's organization comes
 * from the {@code X-Vividly-Organization} header (a slug) and defaults to {@code default}.
 */
package org.vividly.tenancy;
