package org.vividly.sources.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.vividly.sources.Cue;
import org.vividly.sources.Subtitles;
import org.vividly.sources.TranscriptDocument;

/** A transcript as a source: one section, titled after the lecture, whose blocks are its cues. */
final class TranscriptSource {

  private TranscriptSource() {}

  static ParsedSource of(TranscriptDocument transcript) {
    List<Block> blocks = transcript.cues().stream().filter(c -> !c.text().isBlank()).map(TranscriptSource::block).toList();
    ParsedSection section = new ParsedSection("transcript", transcript.title(), List.of(transcript.title()), blocks);
    return new ParsedSource(transcript.externalKey(), transcript.title(), transcript.format(), transcript.origin(), List.of(section), List.of());
  }

  /** Reads a WebVTT or SRT file found in an uploaded folder; the title comes from the file name. */
  static ParsedSource read(Path file, String relativeName) throws IOException {
    String name = file.getFileName().toString();
    List<Cue> cues = Subtitles.parse(Files.readString(file, StandardCharsets.UTF_8), relativeName);
    String format = name.toLowerCase(Locale.ROOT).endsWith(".srt") ? "srt" : "webvtt";
    return of(new TranscriptDocument(relativeName, Subtitles.titleOf(name), format, relativeName, cues));
  }

  private static Block block(Cue cue) {
    return new Block(BlockKind.CUE, cue.text(), List.of(), cue.speaker(), cue.startSeconds(), cue.endSeconds());
  }
}
