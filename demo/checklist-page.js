// Shows a group's answers (?group=ID) or a comparison (?groups=ID1,ID2,ID3)
// from the page's address. An external file, because the page's
// Content-Security-Policy allows no inline script.
const params = new URLSearchParams(window.location.search);
const checklist = document.getElementById('checklist');
const group = params.get('group');
const groups = params.get('groups');

if (checklist && (group || groups)) {
  if (groups) checklist.setAttribute('groups', groups);
  else checklist.setAttribute('group', group);
  document.getElementById('mode-links')?.removeAttribute('hidden');
}

// A group taken out of the comparison leaves the page's address too, so
// reloading or sharing it shows what is compared now.
checklist?.addEventListener('peer-checklist-change', () => {
  if (!groups) return;
  const url = new URL(window.location.href);
  if (checklist.groups) url.searchParams.set('groups', checklist.groups);
  else url.searchParams.delete('groups');
  history.replaceState(history.state, '', url);
});
