package org.vividly.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubtitlesTests {

  @Test
  void readsWebVttWithVoicesMarkupNotesAndShortTimestamps() {
    List<Cue> cues = Subtitles.parse("""
        \uFEFFWEBVTT Lecture 5

        NOTE a comment
        spanning lines

        intro
        00:01.500 --> 00:04.000 align:start
        <v Prof. Drennan>Today: <i>hydrogen</i> &amp; light.</v>

        1:02:03.250 --> 1:02:05.000
        PROFESSOR: OK, <c.yellow>ten</c> more <00:01:02.500>seconds.
        """, "lecture.vtt");
    assertThat(cues).hasSize(2);
    assertThat(cues.get(0)).isEqualTo(new Cue(1, 1.5, 4.0, "Prof. Drennan", "Prof. Drennan: Today: hydrogen & light."));
    assertThat(cues.get(1).startSeconds()).isEqualTo(3723.25);
    assertThat(cues.get(1).speaker()).isEqualTo("PROFESSOR");
    assertThat(cues.get(1).text()).isEqualTo("PROFESSOR: OK, ten more seconds.");
  }

  @Test
  void readsSrtWithCommasAndPositionCodes() {
    List<Cue> cues = Subtitles.parse("1\r\n00:00:01,000 --> 00:00:04,000\r\n{\\an8}First line\r\nsecond line\r\n\r\n2\r\n00:00:04,000 --> 00:00:06,500\r\n<i>Next</i>\r\n", "talk.srt");
    assertThat(cues).extracting(Cue::text).containsExactly("First line second line", "Next");
    assertThat(cues.get(1).endSeconds()).isEqualTo(6.5);
  }

  @Test
  void refusesOverlappingReversedAndMalformedCuesWithLineNumbers() {
    assertThatThrownBy(() -> Subtitles.parse("WEBVTT\n\n00:00:01.000 --> 00:00:05.000\nA\n\n00:00:03.000 --> 00:00:06.000\nB\n", "a.vtt"))
        .isInstanceOfSatisfying(InvalidSubtitles.class, e -> assertThat(e.problems()).containsExactly("line 6: the cue starts at 00:00:03.000, before the previous cue ends at 00:00:05.000 (overlapping cues)"));
    assertThatThrownBy(() -> Subtitles.parse("WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nA\n", "b.vtt"))
        .isInstanceOfSatisfying(InvalidSubtitles.class, e -> assertThat(e.problems().getFirst()).startsWith("line 3: the cue ends (00:00:01.000) before it starts"));
    assertThatThrownBy(() -> Subtitles.parse("1\n00:00:01,000 -> 00:00:02,000\nA\n", "c.srt"))
        .isInstanceOfSatisfying(InvalidSubtitles.class, e -> assertThat(e.problems().getFirst()).startsWith("line 2: malformed timing"));
    assertThatThrownBy(() -> Subtitles.parse("just some text\n", "d.vtt"))
        .isInstanceOf(InvalidSubtitles.class).hasMessageContaining("d.vtt is not a usable subtitle file");
  }

  @Test
  void toleratesRoundingOverlapsOfHalfASecond() {
    assertThat(Subtitles.parse("WEBVTT\n\n00:00:01.000 --> 00:00:05.000\nA\n\n00:00:04.600 --> 00:00:06.000\nB\n", "e.vtt")).hasSize(2);
  }
}
