package org.vividly.pages;

import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Chromium's console, for the browser tests: what the Content-Security-Policy refused ("Refused to
 * execute inline script because it violates the following Content Security Policy directive ...")
 * shows there, on whichever page it happened, so a test that reads it after each step fails on any
 * refusal.
 */
final class BrowserConsole {

  private BrowserConsole() {}

  /** Asks chromedriver to keep the console; call before starting the browser. */
  static ChromeOptions recorded(ChromeOptions options) {
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    return options;
  }

  /** The policy refusals logged since the last call. */
  static List<String> policyViolations(WebDriver browser) {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
  }
}
