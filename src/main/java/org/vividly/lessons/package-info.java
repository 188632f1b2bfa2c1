/**
 * Lessons: the main job. A student's question is answered from retrieved passages as a lesson for
 * their grade and interests: title, hook, explanation, worked example, check-your-understanding
 * questions, with a citation on every paragraph. A question the library cannot answer gets an
 * honest "not in your library" with the closest sections instead of an invented lesson.
 */
package org.vividly.lessons;
