/**
 * Onboarding: a super admin sets up a new organization in one step (its type's settings template,
 * name and email domains, plan, whether it searches the shared open library, and its first admins,
 * who are invited by email), in one transaction.
 */
package org.vividly.onboarding;
