package org.vividly.lessons.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What kind of answer a question wants, and what a sentence that gives it tends to look like:
 * definitions for "what is", causes for "why", mechanisms and steps for "how", contrasts for "what is
 * the difference".
 */
enum QuestionKind {
  DEFINITION(Pattern.compile("(?i)\\b(is|are) (a|an|the|defined|called|known)\\b|\\b(is|are) (any|one|how|what|when|where)\\b|\\brefers? to\\b|\\bmeans?\\b|\\bcalled\\b|\\bdefined as\\b|\\bknown as\\b|\\bterm\\b")),
  CAUSE(Pattern.compile("(?i)\\bbecause\\b|\\bdue to\\b|\\bso that\\b|\\bcaus(e|es|ed|ing)\\b|\\bresults? (in|from)\\b|\\bleads? to\\b|\\bsince\\b|\\breason\\b|\\btherefore\\b|\\bthus\\b|\\bas a result\\b|\\bthat is why\\b|\\bthis is why\\b|\\bexplains?\\b|\\bmakes?\\b|\\bproduces?\\b")),
  PROCESS(Pattern.compile("(?i)\\bby\\b|\\bwhen\\b|\\bthrough\\b|\\ballows?\\b|\\buses?\\b|\\bfirst\\b|\\bthen\\b|\\bwhich\\b|\\bmakes?\\b|\\bcan\\b|\\bworks?\\b|\\bdepends? on\\b|\\bproportional\\b|\\bincreases?\\b|\\bdecreases?\\b")),
  CONTRAST(Pattern.compile("(?i)\\bwhereas\\b|\\bwhile\\b|\\bunlike\\b|\\bdiffer(s|ence|ent)?\\b|\\bbut\\b|\\bhowever\\b|\\bboth\\b|\\bon the other hand\\b|\\brather than\\b|\\binstead\\b|\\bcompared\\b")),
  GENERAL(Pattern.compile("(?i)\\b(is|are)\\b"));

  /** What a sentence that answers this kind of question tends to contain. */
  final Pattern cue;

  /** The clearest signs of such an answer: "because" for a why, "is defined as" for a what. */
  final Pattern strongCue;

  QuestionKind(Pattern cue) {
    this.cue = cue;
    this.strongCue = switch (name()) {
      case "DEFINITION" -> Pattern.compile("(?i)^\\S+( \\S+){0,3} (is|are) (a|an|the|defined|called)\\b|\\bis defined as\\b|\\b(is|are) called\\b|\\brefers to\\b");
      case "CAUSE" -> Pattern.compile("(?i)\\bbecause\\b|\\bdue to\\b|\\bso that\\b|\\bcaus(e|es|ed)\\b|\\bresults? (in|from)\\b|\\bthe reason\\b|\\bthis is why\\b");
      case "CONTRAST" -> Pattern.compile("(?i)\\bwhereas\\b|\\bunlike\\b|\\bdiffer(s|ence)\\b|\\bon the other hand\\b|\\bin contrast\\b");
      default -> cue;
    };
  }

  static QuestionKind of(String question) {
    String q = question.toLowerCase(Locale.ROOT).strip();
    if (q.matches("(?s).*\\b(difference|differences|differ|different|compare|versus|vs\\.?|distinguish)\\b.*")) return CONTRAST;
    if (q.matches("(?s)^(why|how come|what makes|what causes|what is the reason|what's the reason)\\b.*") || q.matches("(?s).*\\bwhy\\b.*")) return CAUSE;
    if (q.matches("(?s)^(how|what happens|in what way|explain how)\\b.*")) return PROCESS;
    if (q.matches("(?s)^(what|what's|whats|define|who|which)\\b.*|.*\\b(mean|meaning|definition)\\b.*")) return DEFINITION;
    return GENERAL;
  }
}
