// The chat page: asks over Server-Sent Events and shows the answer as it arrives; a timestamp
// citation sends the player to that moment of the lecture.
(() => {
  const main = document.querySelector('main.chat');
  if (!main) return;
  const conversation = main.dataset.conversation;
  const thread = document.getElementById('thread');
  const player = document.getElementById('player');
  const choice = document.getElementById('player-choice');
  const playableNode = document.getElementById('playable');
  const playable = {};
  if (playableNode) for (const p of JSON.parse(playableNode.textContent)) playable[p.sourceId] = p;

  function load(sourceId) {
    const p = playable[sourceId];
    if (!p || !player || player.dataset.source === sourceId) return;
    player.dataset.source = sourceId;
    player.src = p.mediaUrl;
    const track = player.querySelector('track');
    if (track) track.src = p.captionsUrl;
    if (choice) choice.value = sourceId;
  }

  function seek(sourceId, seconds) {
    if (!player || !playable[sourceId] || Number.isNaN(seconds)) return false;
    load(sourceId);
    const go = () => {
      player.currentTime = seconds;
      player.play().catch(() => {});
    };
    if (player.readyState >= 1) go();
    else player.addEventListener('loadedmetadata', go, { once: true });
    return true;
  }

  if (choice) choice.addEventListener('change', () => load(choice.value));

  thread.addEventListener('click', (event) => {
    const citation = event.target.closest('button.citation');
    if (citation) {
      const start = parseFloat(citation.dataset.start);
      if (!seek(citation.dataset.source, start)) window.location.href = '/passages/' + citation.dataset.passage;
      return;
    }
    const marker = event.target.closest('button.cite');
    if (marker) {
      const target = marker.closest('article').querySelector('ol.citations li[value="' + marker.dataset.n + '"] button.citation');
      if (target) target.click();
    }
  });

  function clock(seconds) {
    const s = Math.floor(seconds);
    const pad = (n) => String(n).padStart(2, '0');
    return s >= 3600 ? `${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}` : `${Math.floor(s / 60)}:${pad(s % 60)}`;
  }

  function article(role) {
    const a = document.createElement('article');
    a.className = 'message ' + role;
    thread.appendChild(a);
    return a;
  }

  function render(a, message) {
    a.replaceChildren();
    for (const p of message.paragraphs) {
      const para = document.createElement('p');
      const span = document.createElement('span');
      span.textContent = p.text;
      para.appendChild(span);
      for (const n of p.citations) {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'cite';
        b.dataset.n = n;
        b.textContent = `[${n}]`;
        para.append(' ', b);
      }
      a.appendChild(para);
    }
    if (message.citations.length) {
      const list = document.createElement('ol');
      list.className = 'citations';
      for (const c of message.citations) {
        const li = document.createElement('li');
        li.value = c.number;
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'citation';
        b.dataset.source = c.sourceId;
        b.dataset.passage = c.passageId;
        if (c.startSeconds !== null && c.startSeconds !== undefined) b.dataset.start = c.startSeconds;
        b.textContent = c.sourceTitle + (c.startSeconds !== null && c.startSeconds !== undefined ? ' @ ' + clock(c.startSeconds) : ' > ' + c.headingPath[c.headingPath.length - 1]);
        const small = document.createElement('small');
        small.className = 'muted';
        small.textContent = ` score ${c.similarity} · ${c.snippet || ''}`;
        li.append(b, small);
        list.appendChild(li);
      }
      a.appendChild(list);
    }
    if (message.role === 'assistant') {
      const meta = document.createElement('small');
      meta.className = 'muted';
      meta.textContent = `${message.latencyMs} ms · ${message.promptTokens} + ${message.completionTokens} tokens · ${message.composer}`;
      a.appendChild(meta);
    }
  }

  const form = document.getElementById('ask');
  const busy = document.getElementById('answering');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const question = form.question.value.trim();
    if (!question) return;
    form.send.disabled = true;
    busy.hidden = false;
    const headers = { 'Content-Type': 'application/json', Accept: 'text/event-stream' };
    const csrf = document.querySelector('meta[name="csrf-token"]');
    if (csrf) headers['X-CSRF-TOKEN'] = csrf.content;
    let answer = null;
    try {
      const response = await fetch(`/api/v1/conversations/${conversation}/messages`, { method: 'POST', headers, body: JSON.stringify({ question }) });
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        throw new Error(problem.detail || `The server answered ${response.status}.`);
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let name = 'message';
          const data = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) name = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
          }
          const payload = data.length ? JSON.parse(data.join('\n')) : null;
          if (name === 'question') {
            render(article('user'), payload);
            answer = article('assistant');
            answer.appendChild(document.createElement('p'));
          } else if (name === 'delta' && answer) {
            answer.querySelector('p').textContent += payload.text;
          } else if (name === 'answer' && answer) {
            render(answer, payload);
          } else if (name === 'error') {
            throw new Error(payload.detail || 'The answer could not be made.');
          }
        }
      }
      form.question.value = '';
    } catch (e) {
      const a = answer || article('assistant');
      a.replaceChildren();
      const p = document.createElement('p');
      p.className = 'error';
      p.setAttribute('role', 'alert');
      p.textContent = e.message;
      a.appendChild(p);
    } finally {
      form.send.disabled = false;
      busy.hidden = true;
    }
  });
})();
