package org.vividly.lessons.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Opening lines that tie a topic to what the student cares about. Interests are matched to a
 * family of templates (team sports, music, games, ...); anything else gets a general template
 * that still names the interest. {@code {interest}} and {@code {topic}} are filled in.
 */
final class InterestHooks {

  private static final Map<String, List<String>> FAMILIES =
      Map.ofEntries(
          Map.entry("basketball", List.of("Think about a basketball leaving your hands on a jump shot: where it goes next is all about {topic}.")),
          Map.entry("soccer", List.of("Every soccer ball you strike, from a short pass to a long goal kick, follows the rules of {topic}.")),
          Map.entry("football", List.of("When a quarterback launches a pass downfield, {topic} decides where that football comes down.")),
          Map.entry("baseball", List.of("From the pitcher's mound to a home run over the fence, baseball is a game of {topic}.")),
          Map.entry("tennis", List.of("Every serve and volley on a tennis court puts {topic} to work.")),
          Map.entry("sports", List.of("Whatever sport you play, {topic} is at work in every move you make.")),
          Map.entry("skateboarding", List.of("Landing a trick on a skateboard means trusting {topic}, whether you know it or not.")),
          Map.entry("swimming", List.of("Every stroke in the pool is a small experiment in {topic}.")),
          Map.entry("music", List.of("Next time you put on your favorite song, remember that music and {topic} have more in common than you might think.")),
          Map.entry("video games", List.of("Game designers have to get {topic} right, or the worlds you play in would feel wrong.")),
          Map.entry("cooking", List.of("Anyone who cooks runs experiments every day, and {topic} is part of what happens in the kitchen.")),
          Map.entry("art", List.of("Artists notice the world closely, and {topic} is one more way of seeing it.")),
          Map.entry("space", List.of("Astronauts and rocket engineers rely on {topic} every single day.")),
          Map.entry("animals", List.of("Animals deal with {topic} all the time, from a cheetah's sprint to a bird's landing.")),
          Map.entry("cars", List.of("Every car on the road, from a family van to a race car, is shaped by {topic}.")),
          Map.entry("dance", List.of("A dancer's leaps and spins are {topic} you can watch.")),
          Map.entry("nature", List.of("Step outside and you will find {topic} everywhere: in falling leaves, running water and the weather.")),
          Map.entry("technology", List.of("The phones and computers you use every day were built by people who understood {topic}.")),
          Map.entry("cycling", List.of("Every ride on a bike, uphill or down, is a lesson in {topic}.")));

  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("nba", "basketball"), Map.entry("hoops", "basketball"), Map.entry("futbol", "soccer"), Map.entry("fútbol", "soccer"),
          Map.entry("hockey", "sports"), Map.entry("volleyball", "sports"), Map.entry("track", "sports"), Map.entry("running", "sports"),
          Map.entry("gymnastics", "sports"), Map.entry("gaming", "video games"), Map.entry("games", "video games"), Map.entry("minecraft", "video games"),
          Map.entry("piano", "music"), Map.entry("guitar", "music"), Map.entry("singing", "music"), Map.entry("baking", "cooking"),
          Map.entry("drawing", "art"), Map.entry("painting", "art"), Map.entry("astronomy", "space"), Map.entry("rockets", "space"),
          Map.entry("pets", "animals"), Map.entry("dogs", "animals"), Map.entry("horses", "animals"), Map.entry("racing", "cars"),
          Map.entry("coding", "technology"), Map.entry("computers", "technology"), Map.entry("robotics", "technology"), Map.entry("biking", "cycling"),
          Map.entry("hiking", "nature"), Map.entry("camping", "nature"), Map.entry("ballet", "dance"));

  private InterestHooks() {}

  static String hook(List<String> interests, String topic) {
    String t = topic;
    for (String interest : interests) {
      String key = interest.toLowerCase(Locale.ROOT).strip();
      List<String> templates = FAMILIES.get(ALIASES.getOrDefault(key, key));
      if (templates != null) return fill(templates.get(Math.floorMod(t.toLowerCase(Locale.ROOT).hashCode(), templates.size())), interest, t);
    }
    if (!interests.isEmpty()) return fill("You might not expect it, but {interest} and {topic} have more in common than you think.", interests.getFirst(), t);
    return fill("Here is a question worth asking about {topic}.", "", t);
  }

  private static String fill(String template, String interest, String topic) {
    return template.replace("{interest}", interest).replace("{topic}", topic);
  }
}
