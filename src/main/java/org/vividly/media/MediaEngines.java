package org.vividly.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.vividly.media.internal.MediaProperties;
import org.vividly.media.Processes;

/**
 * Which media engines this machine has, checked when asked (a package installed while the server
 * runs counts at once). The text modality never depends on them; audio needs a voice for the
 * narration language and ffmpeg, and so does video.
 */
@Component
public class MediaEngines {

  private final SpeechSynthesizer speech;
  private final MediaProperties properties;

  MediaEngines(SpeechSynthesizer speech, MediaProperties properties) {
    this.speech = speech;
    this.properties = properties;
  }

  /**
   * Why narration in this language (and so audio and video, which both need ffmpeg and a voice)
   * cannot be made here, or empty when it can.
   */
  public Optional<String> narrationUnavailable(String language) {
    List<String> missing = new ArrayList<>();
    if (!Processes.installed(properties.video().ffmpeg())) missing.add("ffmpeg is not installed (apt-get install ffmpeg)");
    if (!speech.supports(language)) missing.add("no voice speaks '" + language + "' (apt-get install festival festvox-us-slt-hts espeak-ng)");
    return missing.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", missing));
  }

  public String speechEngine() {
    return speech.name();
  }
}
