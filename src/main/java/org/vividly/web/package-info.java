/**
 * Web pages (Thymeleaf + htmx): ask for a lesson, search, browse sources and passages, upload
 * documents and watch ingestion progress. Pages call the same module APIs as the REST endpoints.
 */
package org.vividly.web;
