/**
 * Videos: lecture recordings as knowledge. A recording (MP4, WebM, MP3, WAV, FLAC) with or without
 * subtitles, a subtitle file alone (WebVTT, SRT), or an address yt-dlp can fetch becomes a source
 * whose chunks carry time spans, so a citation can send the player to the moment that answers the
 * question. Subtitles, when given, are used as they are; otherwise the speech-to-text port
 * transcribes the audio.
 */
package org.vividly.videos;
