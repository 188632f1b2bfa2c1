package org.vividly.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionsTests {

  @Test
  void writesWebVttAndSrtWithTheSameCues() {
    Captions captions = new Captions(List.of(new Captions.Cue(0, 2.5, "Hello."), new Captions.Cue(2.75, 3661.002, "Later.")));
    assertThat(captions.webVtt()).isEqualTo("WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.500\nHello.\n\n2\n00:00:02.750 --> 01:01:01.002\nLater.\n\n");
    assertThat(captions.srt()).isEqualTo("1\n00:00:00,000 --> 00:00:02,500\nHello.\n\n2\n00:00:02,750 --> 01:01:01,002\nLater.\n\n");
  }

  @Test
  void splitsLongSentencesIntoCuesOfAtMostTwoShortLinesCoveringTheSentence() {
    String sentence = "Photosynthesis is the process plants, algae and some bacteria use to turn light energy into chemical energy stored in sugar molecules that feed them.";
    List<Captions.Cue> cues = Captions.forSentence(sentence, 10.0, 19.0);
    assertThat(cues).hasSizeGreaterThan(1);
    assertThat(cues.getFirst().start()).isEqualTo(10.0);
    assertThat(cues.getLast().end()).isEqualTo(19.0);
    for (int i = 1; i < cues.size(); i++) assertThat(cues.get(i).start()).isEqualTo(cues.get(i - 1).end());
    List<String> words = new ArrayList<>();
    for (Captions.Cue c : cues) {
      List<String> lines = c.text().lines().toList();
      assertThat(lines).hasSizeLessThanOrEqualTo(2);
      lines.forEach(l -> assertThat(l.length()).isLessThanOrEqualTo(Captions.LINE + 6));
      words.addAll(List.of(c.text().split("\\s+")));
    }
    assertThat(String.join(" ", words)).isEqualTo(sentence);
  }

  @Test
  void rejectsCuesThatEndBeforeTheyStart() {
    assertThatThrownBy(() -> new Captions.Cue(2, 1, "x")).isInstanceOf(IllegalArgumentException.class);
  }
}
