package org.vividly.requests;

import java.util.Locale;

/** The pipeline stages of a content request, in order, each charged to one modality. */
public enum Stage {
  RECEIVED(Modality.TEXT),
  RETRIEVAL(Modality.TEXT),
  SCRIPT(Modality.TEXT),
  AUDIO_SYNTHESIS(Modality.AUDIO),
  SLIDE_RENDERING(Modality.VIDEO),
  VIDEO_RENDERING(Modality.VIDEO),
  FORMAT_CONVERSION(Modality.VIDEO);

  public final Modality modality;

  Stage(Modality modality) {
    this.modality = modality;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A readable name, for example "Audio synthesis". */
  public String label() {
    String s = name().replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  public static Stage parse(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
