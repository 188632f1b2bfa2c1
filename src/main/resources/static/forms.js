// Form behaviour for every page, kept out of the markup so that the Content-Security-Policy can
// forbid inline script: a form with data-confirm="question" is sent only when the person agrees;
// a field with data-autosubmit sends its form when it changes. Listening on the document covers
// forms that htmx swaps in later (the videos table).
document.addEventListener('submit', (event) => {
  const form = event.target.closest('form[data-confirm]');
  if (form && !window.confirm(form.dataset.confirm)) event.preventDefault();
});
document.addEventListener('change', (event) => {
  const field = event.target.closest('[data-autosubmit]');
  if (field && field.form) field.form.requestSubmit();
});
