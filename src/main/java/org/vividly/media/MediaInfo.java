package org.vividly.media;

/**
 * What ffprobe says about a media file.
 *
 * @param formatName the container, for example {@code mov,mp4,m4a,3gp,3g2,mj2} or {@code flac}
 * @param durationSeconds length in seconds
 * @param hasAudio whether it has an audio stream
 * @param hasVideo whether it has a video stream (cover art does not count)
 * @param title the container's title tag, or null
 */
public record MediaInfo(String formatName, double durationSeconds, boolean hasAudio, boolean hasVideo, String title) {}
