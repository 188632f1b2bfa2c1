package org.vividly.media;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.AbstractResource;
import org.vividly.media.internal.MediaObjects;

/**
 * A stored media file as a Spring resource. Spring MVC serves a range request ({@code Range:
 * bytes=N-M}) by opening the resource and skipping {@code N} bytes; this resource's stream turns a
 * skip before the first read into the offset it opens the content at, so a seek costs a ranged
 * read of the store rather than reading (or, from object storage, downloading) what comes before.
 */
public final class MediaResource extends AbstractResource {

  private final StoredMedia media;
  private final MediaObjects objects;

  MediaResource(StoredMedia media, MediaObjects objects) {
    this.media = media;
    this.objects = objects;
  }

  public StoredMedia media() {
    return media;
  }

  @Override
  public boolean exists() {
    try {
      return objects.exists(media.sha256());
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public long contentLength() {
    return media.sizeBytes();
  }

  @Override
  public String getFilename() {
    return media.name();
  }

  @Override
  public String getDescription() {
    return "media " + media.name() + " (" + media.sha256() + ") in " + objects.location();
  }

  @Override
  public InputStream getInputStream() {
    return new OffsetStream();
  }

  /** Opens the content lazily, at the offset that skips before the first read add up to. */
  private final class OffsetStream extends InputStream {
    private long offset;
    private InputStream in;

    private InputStream in() throws IOException {
      if (in == null) in = offset >= media.sizeBytes() ? InputStream.nullInputStream() : objects.open(media.sha256(), offset);
      return in;
    }

    @Override
    public long skip(long n) throws IOException {
      if (in != null) return in.skip(n);
      long skipped = Math.max(0, Math.min(n, media.sizeBytes() - offset));
      offset += skipped;
      return skipped;
    }

    @Override
    public int read() throws IOException {
      return in().read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return in().read(b, off, len);
    }

    @Override
    public void close() throws IOException {
      if (in != null) in.close();
    }
  }
}
