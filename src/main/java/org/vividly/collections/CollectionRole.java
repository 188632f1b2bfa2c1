package org.vividly.collections;

import java.util.Locale;
import org.vividly.common.InvalidRequest;

/** What a member may do with a collection: each role may do everything the ones below it may. */
public enum CollectionRole {
  /** Read it and hold conversations over it. */
  VIEWER,
  /** Also rename it, change its metadata and add or remove items. */
  EDITOR,
  /** Also share it, change members' roles and delete it. */
  OWNER;

  @com.fasterxml.jackson.annotation.JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean allows(CollectionRole needed) {
    return compareTo(needed) >= 0;
  }

  /** @throws InvalidRequest for anything but owner, editor or viewer */
  @com.fasterxml.jackson.annotation.JsonCreator
  public static CollectionRole of(String code) {
    if (code == null) throw new InvalidRequest("A member's role is missing: owner, editor or viewer.");
    try {
      return valueOf(code.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest("'" + code + "' is not a collection role: owner, editor or viewer.");
    }
  }
}
