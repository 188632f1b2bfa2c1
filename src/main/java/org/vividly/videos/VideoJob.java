package org.vividly.videos;

import org.springframework.stereotype.Component;
import org.vividly.jobs.Job;
import org.vividly.jobs.JobHandler;
import org.vividly.jobs.JobProgress;
import org.vividly.jobs.Jobs;

/** Fetches, transcribes and indexes one lecture recording, on the media queue. */
@Component
class VideoJob implements JobHandler {

  static final String KIND = "video";

  private final Videos videos;

  VideoJob(Videos videos) {
    this.videos = videos;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String queue() {
    return Jobs.MEDIA;
  }

  @Override
  public void run(Job job, JobProgress progress) {
    videos.runJob(job, progress);
  }
}
