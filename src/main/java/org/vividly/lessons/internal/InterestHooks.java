package org.vividly.lessons.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The opening line that ties a lesson to what the student cares about. An interest is matched to a
 * category (sports, music, games, art, animals, cooking, space, technology, nature, vehicles,
 * dance, reading, movies); each category's sentences read well for any topic because they compare
 * habits of mind (practice, noticing, asking why), never claim that the topic is part of the
 * interest. An interest outside every category is named in a general sentence.
 */
final class InterestHooks {

  private static final Map<String, List<String>> CATEGORIES =
      Map.ofEntries(
          Map.entry("sports", List.of("Anyone who loves {interest} knows you get better by studying why a play worked, not just that it did. Let's do that with {topic}.", "Anyone who loves {interest} knows the basics matter most. {Topic} is one of the basics of science.")),
          Map.entry("music", List.of("Anyone who loves {interest} knows a song makes sense once you hear the pattern under it. {Topic} has a pattern too.", "Anyone who loves {interest} practices one idea at a time until it sticks. Here is one idea to practice: {topic}.")),
          Map.entry("games", List.of("Anyone who loves {interest} knows you win by learning how the rules work. Nature has rules too, and this lesson is about {topic}.", "Anyone who loves {interest} knows a hard level gets easier once you see how it works. Let's see what makes {topic} tick.")),
          Map.entry("art", List.of("Anyone who loves {interest} knows you look closely before you make anything. Let's look closely at {topic}.")),
          Map.entry("animals", List.of("Anyone who loves {interest} learns by watching carefully. Let's look just as carefully at {topic}.")),
          Map.entry("cooking", List.of("Anyone who loves {interest} knows a recipe works because each step has a reason. This lesson gives the reasons behind {topic}.")),
          Map.entry("space", List.of("Anyone who loves {interest} keeps asking how the universe works. Let's ask that about {topic}.")),
          Map.entry("technology", List.of("Anyone who loves {interest} knows you build on ideas you understand well. {Topic} is worth understanding well.")),
          Map.entry("nature", List.of("Anyone who loves {interest} learns to notice how the world works. Let's notice something new about {topic}.")),
          Map.entry("vehicles", List.of("Anyone who loves {interest} wants to know how each part does its job. Let's take {topic} apart the same way.")),
          Map.entry("dance", List.of("Anyone who loves {interest} breaks a routine into steps until each one makes sense. Let's break {topic} into steps.")),
          Map.entry("reading", List.of("Anyone who loves {interest} asks why things happen the way they do. Let's ask why about {topic}.")),
          Map.entry("movies", List.of("Anyone who loves {interest} wonders how a scene was made. Let's look behind the scenes of {topic}.")));

  private static final Map<String, String> KEYWORDS =
      Map.<String, String>ofEntries(
          Map.entry("sport", "sports"), Map.entry("basketball", "sports"), Map.entry("nba", "sports"), Map.entry("hoops", "sports"), Map.entry("soccer", "sports"), Map.entry("futbol", "sports"), Map.entry("fútbol", "sports"),
          Map.entry("football", "sports"), Map.entry("baseball", "sports"), Map.entry("softball", "sports"), Map.entry("tennis", "sports"), Map.entry("hockey", "sports"), Map.entry("volleyball", "sports"), Map.entry("track", "sports"),
          Map.entry("running", "sports"), Map.entry("swimming", "sports"), Map.entry("gymnastics", "sports"), Map.entry("skateboarding", "sports"), Map.entry("skating", "sports"), Map.entry("cycling", "sports"), Map.entry("biking", "sports"),
          Map.entry("golf", "sports"), Map.entry("wrestling", "sports"), Map.entry("boxing", "sports"), Map.entry("martial arts", "sports"), Map.entry("karate", "sports"), Map.entry("climbing", "sports"), Map.entry("surfing", "sports"), Map.entry("skiing", "sports"), Map.entry("snowboarding", "sports"), Map.entry("cricket", "sports"), Map.entry("rugby", "sports"), Map.entry("lacrosse", "sports"),
          Map.entry("music", "music"), Map.entry("piano", "music"), Map.entry("guitar", "music"), Map.entry("singing", "music"), Map.entry("drums", "music"), Map.entry("band", "music"), Map.entry("violin", "music"), Map.entry("rap", "music"), Map.entry("choir", "music"), Map.entry("k-pop", "music"),
          Map.entry("games", "games"), Map.entry("video games", "games"), Map.entry("gaming", "games"), Map.entry("minecraft", "games"), Map.entry("fortnite", "games"), Map.entry("roblox", "games"), Map.entry("chess", "games"), Map.entry("board games", "games"), Map.entry("pokemon", "games"),
          Map.entry("art", "art"), Map.entry("drawing", "art"), Map.entry("painting", "art"), Map.entry("design", "art"), Map.entry("photography", "art"), Map.entry("anime", "art"), Map.entry("crafts", "art"), Map.entry("fashion", "art"),
          Map.entry("animals", "animals"), Map.entry("pets", "animals"), Map.entry("dogs", "animals"), Map.entry("cats", "animals"), Map.entry("horses", "animals"), Map.entry("birds", "animals"), Map.entry("dinosaurs", "animals"), Map.entry("fish", "animals"),
          Map.entry("cooking", "cooking"), Map.entry("baking", "cooking"), Map.entry("food", "cooking"),
          Map.entry("space", "space"), Map.entry("astronomy", "space"), Map.entry("rockets", "space"), Map.entry("planets", "space"), Map.entry("stars", "space"),
          Map.entry("technology", "technology"), Map.entry("coding", "technology"), Map.entry("programming", "technology"), Map.entry("computers", "technology"), Map.entry("robotics", "technology"), Map.entry("robots", "technology"), Map.entry("engineering", "technology"), Map.entry("electronics", "technology"),
          Map.entry("nature", "nature"), Map.entry("hiking", "nature"), Map.entry("camping", "nature"), Map.entry("gardening", "nature"), Map.entry("fishing", "nature"), Map.entry("weather", "nature"), Map.entry("ocean", "nature"),
          Map.entry("cars", "vehicles"), Map.entry("racing", "vehicles"), Map.entry("motorcycles", "vehicles"), Map.entry("trucks", "vehicles"), Map.entry("trains", "vehicles"), Map.entry("planes", "vehicles"), Map.entry("airplanes", "vehicles"),
          Map.entry("dance", "dance"), Map.entry("dancing", "dance"), Map.entry("ballet", "dance"), Map.entry("hip hop", "dance"),
          Map.entry("reading", "reading"), Map.entry("books", "reading"), Map.entry("writing", "reading"), Map.entry("poetry", "reading"), Map.entry("comics", "reading"),
          Map.entry("movies", "movies"), Map.entry("film", "movies"), Map.entry("tv", "movies"), Map.entry("youtube", "movies"), Map.entry("theater", "movies"), Map.entry("acting", "movies"));

  private InterestHooks() {}

  /** The category of an interest, by its words ("pickup basketball" is sports); null when none fits. */
  static String category(String interest) {
    String key = interest.toLowerCase(Locale.ROOT).strip();
    if (KEYWORDS.containsKey(key)) return KEYWORDS.get(key);
    String singular = key.endsWith("s") ? key.substring(0, key.length() - 1) : key + "s";
    if (KEYWORDS.containsKey(singular)) return KEYWORDS.get(singular);
    for (String word : key.split("[^\\p{L}-]+")) {
      if (KEYWORDS.containsKey(word)) return KEYWORDS.get(word);
      if (KEYWORDS.containsKey(word + "s")) return KEYWORDS.get(word + "s");
    }
    return null;
  }

  static String hook(List<String> interests, String topic, String question) {
    String lead = lead(question);
    for (String interest : interests) {
      String category = category(interest);
      if (category == null) continue;
      List<String> sentences = CATEGORIES.get(category);
      String template = sentences.get(Math.floorMod(topic.toLowerCase(Locale.ROOT).hashCode(), sentences.size()));
      return fill(template, interest.strip(), topic) + " " + lead;
    }
    if (!interests.isEmpty()) return fill("You told us you like {interest}. Bring the same curiosity to {topic}.", interests.getFirst().strip(), topic) + " " + lead;
    return lead;
  }

  private static String lead(String question) {
    String q = question.strip();
    if (q.endsWith("?")) return "Let's find out: " + LessonText.capitalize(q);
    return "Let's find out: " + LessonText.capitalize(q.replaceAll("[.!]+$", "")) + "?";
  }

  private static String fill(String template, String interest, String topic) {
    return template.replace("{interest}", interest).replace("{Topic}", LessonText.capitalize(topic)).replace("{topic}", topic);
  }
}
