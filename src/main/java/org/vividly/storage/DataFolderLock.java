package org.vividly.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code <data>/vividly.lock}, held by the server that uses the data folder.
 * The operating system releases it when the process ends in any way, kill -9 included, so a lock
 * that cannot be taken means a live server.
 */
final class DataFolderLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private DataFolderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * @throws IllegalStateException when another process holds the folder
   */
  static DataFolderLock acquire(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    Path file = dataDir.resolve("vividly.lock");
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IllegalStateException("Another Vividly server is running on the data folder " + dataDir + ". Stop it first, or start this one with another folder (--data).");
    }
    return new DataFolderLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
