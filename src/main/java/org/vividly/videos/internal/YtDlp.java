package org.vividly.videos.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.vividly.media.MediaFailed;
import org.vividly.media.Processes;

/**
 * Optional adapter: fetches a recording, and its subtitles when the site has them, with yt-dlp
 * (https://github.com/yt-dlp/yt-dlp). Vividly works without it; adding by address then answers
 * with a clear message.
 */
@Component
public class YtDlp {

  private final VideosProperties properties;
  private final Redirects redirects;
  private final AddressRule rule;

  YtDlp(VideosProperties properties, Redirects redirects, AddressRule rule) {
    this.properties = properties;
    this.redirects = redirects;
    this.rule = rule;
  }

  public boolean installed() {
    return Processes.installed(properties.ytDlp());
  }

  public String program() {
    return properties.ytDlp();
  }

  /**
   * What was fetched.
   *
   * @param subtitles a WebVTT file in the language asked for, when the site had one
   */
  public record Download(Path media, Optional<Path> subtitles, String title) {}

  /**
   * Downloads at most 720p (or audio alone when there is no video), into {@code dir}. The address's
   * redirects are followed and checked first, and yt-dlp is given where they end; every connection
   * yt-dlp then makes goes through an {@link EgressProxy} that checks it again.
   *
   * @throws MediaFailed when yt-dlp is missing, the address cannot be fetched, or nothing came down
   * @throws org.vividly.videos.AddressNotAllowed when the address redirects to one Vividly does not fetch from
   */
  public Download fetch(String address, String language, Path dir) {
    String url = redirects.follow(address).toString();
    Processes.Result r;
    try (EgressProxy proxy = EgressProxy.start(rule)) {
      r = download(url, language, dir, proxy.address());
    } catch (IOException e) {
      throw MediaFailed.of("the egress proxy for yt-dlp", e);
    }
    return downloaded(dir, url, r);
  }

  private Processes.Result download(String url, String language, Path dir, String proxy) {
    return Processes.run(List.of(properties.ytDlp(), "--proxy", proxy, "--no-playlist", "--no-progress", "--restrict-filenames",
        "-f", "bv*[height<=720][ext=mp4]+ba[ext=m4a]/b[height<=720]/bv*[height<=720]+ba/b/ba",
        "--merge-output-format", "mp4",
        "--write-subs", "--sub-langs", language + ".*," + language, "--sub-format", "vtt", "--convert-subs", "vtt",
        "--print", "after_move:title",
        "-o", dir.resolve("media.%(ext)s").toString(), url), null, properties.downloadTimeout(), dir);
  }

  private static Download downloaded(Path dir, String url, Processes.Result r) {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> all = files.sorted().toList();
      Optional<Path> media = all.stream().filter(p -> p.getFileName().toString().startsWith("media.") && !p.getFileName().toString().endsWith(".vtt") && !p.getFileName().toString().endsWith(".part")).findFirst();
      if (media.isEmpty()) throw new MediaFailed("yt-dlp finished but downloaded no recording from " + url + ".", false);
      Optional<Path> subtitles = all.stream().filter(p -> p.getFileName().toString().endsWith(".vtt")).findFirst();
      String title = r.stdout().strip().lines().reduce((a, b) -> b).orElse("").strip();
      return new Download(media.get(), subtitles, title.isEmpty() ? url : title);
    } catch (IOException e) {
      throw MediaFailed.of("the downloaded recording", e);
    }
  }
}
