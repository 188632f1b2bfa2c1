/**
 * Plans and monthly quotas. A person's effective plan is their organization's base plan, or their
 * own plan where the organization allows individual upgrades. Usage is counted per meter (text
 * requests; audio and video requests) per calendar month (UTC). A unit is reserved atomically
 * before the expensive work and given back when the request fails, so concurrent requests never
 * overspend.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plans and quotas")
package org.vividly.quota;
