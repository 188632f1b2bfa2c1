/**
 * Content requests: a student's question turned into the modalities asked for (a cited text
 * lesson, narrated audio, a narrated slide video with captions) through recorded stages:
 * received, retrieval, script, audio synthesis, slide rendering, video rendering, format
 * conversion. Text is answered at once; audio and video render on a durable job (db-scheduler on
 * the database) that survives restarts and retries engine failures with backoff. Each stage records
 * its duration, attempts, error and measured use, priced into a cost per request and per modality.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Content requests")
package org.vividly.requests;
