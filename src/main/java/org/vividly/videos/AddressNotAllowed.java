package org.vividly.videos;

import org.springframework.http.HttpStatus;
import org.vividly.common.VividlyException;

/**
 * A recording's address, or one it redirects to, is one Vividly does not fetch from: not http(s),
 * carrying a user name or password, or a host that is or resolves to a loopback, private,
 * link-local, unique-local, multicast, reserved or cloud metadata address. Fetching from there
 * would let anyone who may add a video reach the server's own network (server-side request
 * forgery). Answered as 400 Problem Details (type {@code address-not-allowed}).
 */
public class AddressNotAllowed extends VividlyException {

  public AddressNotAllowed(String message) {
    super(HttpStatus.BAD_REQUEST, "address-not-allowed", message);
  }
}
