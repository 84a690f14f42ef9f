// The register page's own script (a file, so the page's CSP needs no inline script).
// `register.html?group=ID` asks for changes to a published group; after sending,
// the page's title says so, as GOV.UK confirmation pages do.
const form = document.querySelector('peer-group-form');
const group = new URLSearchParams(location.search).get('group');
if (form && group) {
  form.setAttribute('group', group);
  document.querySelector('h1').textContent = 'Update your group’s details';
}
form?.addEventListener('peer-submit', () => {
  document.title = `Registration received – ${document.title.split(' – ').pop()}`;
  document.querySelector('.hero')?.setAttribute('hidden', '');
});
