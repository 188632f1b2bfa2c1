/**
 * Public sign-up for families and homeschool groups: an email to verify, then an organization of
 * their own (a homeschool group) with its first person as its admin on a 7-day free trial of the
 * Family plan, which falls back to Free when it ends. Each person gets a referral code; a sign-up
 * with it adds 7 days to both trials.
 */
package org.vividly.signup;
