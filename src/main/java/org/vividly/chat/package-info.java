/**
 * Chat: conversations over chosen sources, videos or a collection. Retrieval is limited to them,
 * the last turns are context, and every answer cites its passages (a section, or a lecture's
 * start-end time) with relevance scores and snippets. Answers come from the lessons module's
 * composition port and can be streamed as Server-Sent Events.
 */
package org.vividly.chat;
