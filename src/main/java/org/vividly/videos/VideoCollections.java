package org.vividly.videos;

import java.util.List;
import java.util.UUID;
import org.vividly.tenancy.Caller;

/**
 * The collections a video may be filed into, as this module needs them: the upload checks the
 * caller may edit the chosen collection, and the upload page offers the collections they edit.
 * Implemented by the collections module, which also files each video when it hears
 * {@link VideoIndexed}; this module does not depend on collections.
 */
public interface VideoCollections {

  /** A collection offered on the upload form. */
  record Choice(UUID id, String name) {}

  /**
   * @throws org.vividly.common.NotFound when the collection does not exist in the caller's
   *     organization or they are not a member
   * @throws org.vividly.common.Forbidden when they may only view it
   */
  void requireEditor(Caller caller, UUID collectionId);

  /** The collections the caller may add videos to, their default one first. */
  List<Choice> editable(Caller caller);
}
