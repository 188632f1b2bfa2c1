package org.vividly.billing;

import org.springframework.http.HttpStatus;
import org.vividly.common.VividlyException;

/** A webhook delivery that is not signed right, too old, malformed, or names what does not exist. */
public class BillingRefused extends VividlyException {

  public BillingRefused(HttpStatus status, String message) {
    super(status, "billing-refused", message);
  }
}
