package org.vividly.videos.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lecture video settings.
 *
 * @param ytDlp the yt-dlp program for adding videos by address; optional
 * @param downloadTimeout how long fetching one address may take
 * @param maxDuration longest recording accepted
 */
@ConfigurationProperties("vividly.videos")
public record VideosProperties(@DefaultValue("yt-dlp") String ytDlp, @DefaultValue("30m") Duration downloadTimeout, @DefaultValue("6h") Duration maxDuration) {}
