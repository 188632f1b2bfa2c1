// The lesson page, kept out of the markup for the Content-Security-Policy. Everything listens on
// the document, so lessons that htmx swaps in later (the ask page) work the same.
//
// A citation link (a[data-passage-dialog]) opens its passage in the page's <dialog> instead of
// leaving the page: the passage is fetched as a fragment, the cited sentences (<mark>) scroll into
// view, focus moves to the dialog's heading and returns to the link on close; Escape closes (the
// browser's own behaviour for a modal dialog). Without script, or with a modifier key, the link
// opens the passage page as before.
(() => {
  let opener = null;

  document.addEventListener('click', async (event) => {
    const link = event.target.closest('a[data-passage-dialog]');
    if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const dialog = document.getElementById('passage-dialog');
    if (!dialog || typeof dialog.showModal !== 'function') return;
    event.preventDefault();
    const title = dialog.querySelector('#passage-dialog-title');
    const body = dialog.querySelector('#passage-dialog-body');
    opener = link;
    title.textContent = link.dataset.title || link.textContent;
    body.replaceChildren(Object.assign(document.createElement('p'), {textContent: 'Opening the passage…', className: 'muted'}));
    if (!dialog.open) dialog.showModal();
    title.focus();
    try {
      const response = await fetch(link.href, {headers: {'HX-Request': 'true'}, credentials: 'same-origin'});
      if (!response.ok) throw new Error('HTTP ' + response.status);
      // Server-rendered and escaped by Thymeleaf, like every htmx swap.
      body.innerHTML = await response.text();
    } catch (e) {
      const fallback = Object.assign(document.createElement('a'), {href: link.href, textContent: 'Open the passage on its own page'});
      body.replaceChildren(Object.assign(document.createElement('p'), {textContent: 'The passage could not be loaded. '}), fallback);
    }
    const mark = body.querySelector('mark');
    if (mark) mark.scrollIntoView({block: 'center'});
  });

  document.addEventListener('click', (event) => {
    const close = event.target.closest('[data-close-dialog]');
    if (close) {
      close.closest('dialog').close();
      return;
    }
    // A tap on the backdrop (the dialog itself, outside its card) closes it too.
    if (event.target.id === 'passage-dialog') event.target.close();
  });

  // 'close' does not bubble; a capturing listener still sees it.
  document.addEventListener('close', (event) => {
    if (event.target.id !== 'passage-dialog') return;
    if (opener && opener.isConnected) opener.focus();
    opener = null;
  }, true);

  // Key terms: a tap shows the definition on touch screens that do not focus on tap; Escape hides it.
  document.addEventListener('click', (event) => {
    const term = event.target.closest('.term');
    document.querySelectorAll('.term.shown').forEach(t => { if (t !== term) t.classList.remove('shown'); });
    if (term) term.classList.toggle('shown');
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') document.querySelectorAll('.term.shown').forEach(t => t.classList.remove('shown'));
  });

  // After an answer's feedback swaps in, move focus to it, so that the keyboard goes on from there.
  document.addEventListener('htmx:afterSwap', (event) => {
    const target = event.detail.target;
    if (target && target.classList && target.classList.contains('feedback')) target.focus();
  });
})();
