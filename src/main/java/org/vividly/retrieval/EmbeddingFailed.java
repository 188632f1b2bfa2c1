package org.vividly.retrieval;

import org.springframework.http.HttpStatus;
import org.vividly.common.VividlyException;

/** The embedding model could not embed the input. Retriable: the engine may be busy or down. */
public class EmbeddingFailed extends VividlyException {

  public EmbeddingFailed(String message, Throwable cause) {
    super(HttpStatus.SERVICE_UNAVAILABLE, "embedding-failed", message, cause);
  }
}
