package org.vividly.chat;

import java.util.List;
import org.vividly.lessons.Lesson;

/** Receives an answer as it is made, for streaming. Every method has a do-nothing default. */
public interface ChatListener {

  /** The question is stored. */
  default void question(ChatMessage question) {}

  /** Passages were retrieved; the answer will cite these numbers. */
  default void citations(List<Lesson.CitedSource> citations) {}

  /** The next piece of the answer's text (a sentence, with its citation markers). */
  default void delta(String text) {}

  /** The answer is stored. */
  default void answer(ChatMessage answer) {}

  ChatListener NONE = new ChatListener() {};
}
