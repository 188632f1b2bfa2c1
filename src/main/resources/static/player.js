// The lesson player: Plyr on the video (or audio), resume from the last position, and a
// transcript beside the video that follows the narration and seeks on click.
(() => {
  const media = document.getElementById('player') || document.getElementById('narration');
  if (!media) return;
  const storageKey = 'vividly.position.' + media.dataset.request + '.' + media.id;
  const player = window.Plyr ? new Plyr(media, {
    iconUrl: '/vendor/plyr/plyr.svg',
    blankVideo: '',
    captions: { active: true, update: true },
    speed: { selected: 1, options: [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] },
    keyboard: { focused: true, global: true },
    controls: ['play-large', 'play', 'progress', 'current-time', 'duration', 'mute', 'volume', 'captions', 'settings', 'pip', 'download', 'fullscreen'],
  }) : null;
  window.vividlyPlayer = player;

  // Resume where this viewer stopped, saved every few seconds and on leaving.
  media.addEventListener('loadedmetadata', () => {
    const saved = parseFloat(localStorage.getItem(storageKey) || '0');
    if (saved > 1 && saved < media.duration - 2) media.currentTime = saved;
  }, { once: true });
  let lastSave = 0;
  media.addEventListener('timeupdate', () => {
    if (Math.abs(media.currentTime - lastSave) >= 3) { lastSave = media.currentTime; localStorage.setItem(storageKey, String(media.currentTime)); }
  });
  media.addEventListener('ended', () => localStorage.removeItem(storageKey));

  // Transcript from the caption track's cues.
  const list = document.getElementById('transcript');
  const track = media.querySelector('track');
  if (!list || !track) return;
  const render = (cues) => {
    list.innerHTML = '';
    Array.from(cues).forEach((cue, i) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'cue';
      button.dataset.start = cue.startTime;
      button.dataset.index = i;
      const time = document.createElement('span');
      time.className = 'muted';
      time.textContent = new Date(cue.startTime * 1000).toISOString().substring(14, 19) + ' ';
      button.append(time, document.createTextNode(cue.text.replace(/\n/g, ' ')));
      button.addEventListener('click', () => { media.currentTime = cue.startTime + 0.01; media.play().catch(() => {}); });
      li.append(button);
      list.append(li);
    });
  };
  const textTrack = Array.from(media.textTracks).find(t => t.kind === 'captions' || t.kind === 'subtitles');
  if (!textTrack) return;
  if (textTrack.mode === 'disabled') textTrack.mode = 'hidden';
  const ready = () => { if (textTrack.cues && textTrack.cues.length) render(textTrack.cues); };
  track.addEventListener('load', ready);
  ready();
  const highlight = () => {
    const now = media.currentTime;
    let current = null;
    list.querySelectorAll('button.cue').forEach(b => {
      const cue = textTrack.cues[b.dataset.index];
      const active = cue && now >= cue.startTime && now < cue.endTime;
      b.classList.toggle('current', active);
      b.setAttribute('aria-current', active ? 'true' : 'false');
      if (active) current = b;
    });
    if (current && !media.paused) current.scrollIntoView({ block: 'nearest' });
  };
  media.addEventListener('timeupdate', highlight);
  textTrack.addEventListener('cuechange', highlight);
})();
