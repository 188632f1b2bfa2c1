/**
 * Shared kernel: the error model every module uses ({@link org.vividly.common.VividlyException})
 * and its single mapping to RFC 7807 Problem Details.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.vividly.common;
