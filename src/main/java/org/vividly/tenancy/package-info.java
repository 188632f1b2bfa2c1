/**
 * Tenancy: organizations (of eight types, each with a default settings profile), their schools,
 * classes and enrollments, and who may see whose work. Every query and every retrieval request
 * carries an {@link org.vividly.tenancy.OrganizationId}; it comes from the signed-in
 * {@link org.vividly.tenancy.Caller}, never from what a client claims.
 */
package org.vividly.tenancy;
