/** Demo: loads a small library of documents written for Vividly when {@code vividly.demo.enabled} is set. */
package org.vividly.demo;
