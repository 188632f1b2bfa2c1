package org.vividly.lessons;

import java.util.UUID;
import org.vividly.common.NotFound;

/** No lesson with this id in the caller's organization. */
public class LessonNotFound extends NotFound {

  public LessonNotFound(UUID id) {
    super("Lesson", id);
  }
}
