package org.vividly.videos.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lecture video settings.
 *
 * @param ytDlp the yt-dlp program for adding videos by address; optional
 * @param downloadTimeout how long fetching one address may take
 * @param maxDuration longest recording accepted
 * @param allowedHosts hosts that videos may be fetched from by address although they are not public
 *     (a school's own media server): host names, matched exactly ({@code media.school.internal}),
 *     and addresses or CIDR ranges ({@code 10.20.0.5}, {@code 10.20.0.0/16}, {@code fd12:3456::/32}).
 *     Every other address must resolve only to public addresses; loopback, private, link-local and
 *     similar ones are refused with 400 (type {@code address-not-allowed}). Cloud metadata services
 *     (169.254.169.254, fd00:ec2::254, metadata.google.internal) are refused even when listed here.
 *     Empty by default.
 */
@ConfigurationProperties("vividly.videos")
public record VideosProperties(
    @DefaultValue("yt-dlp") String ytDlp,
    @DefaultValue("30m") Duration downloadTimeout,
    @DefaultValue("6h") Duration maxDuration,
    @DefaultValue List<String> allowedHosts) {

  public VideosProperties {
    allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
  }
}
