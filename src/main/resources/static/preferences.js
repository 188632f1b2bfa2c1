// Remembers the student's modality, language and size choices in this browser.
(() => {
  const key = 'vividly.preferences';
  const saved = JSON.parse(localStorage.getItem(key) || '{}');
  const fields = document.querySelectorAll('[data-preference]');
  fields.forEach(f => {
    if (!(f.id in saved)) return;
    if (f.type === 'checkbox') f.checked = saved[f.id]; else f.value = saved[f.id];
  });
  const save = () => {
    const now = {};
    fields.forEach(f => { now[f.id] = f.type === 'checkbox' ? f.checked : f.value; });
    localStorage.setItem(key, JSON.stringify(now));
  };
  fields.forEach(f => f.addEventListener('change', save));
})();
