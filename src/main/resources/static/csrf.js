// Sends the page's CSRF token with every htmx request (Spring Security's X-CSRF-TOKEN header).
document.addEventListener('htmx:configRequest', (event) => {
  const meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) event.detail.headers['X-CSRF-TOKEN'] = meta.content;
});
