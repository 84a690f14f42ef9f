const finder = document.querySelector('peer-finder');
const status = document.querySelector('#status');

// Every event bubbles out of the element and carries its data in `detail`.
finder.addEventListener('peer-results', (event) => {
  status.textContent = `${event.detail.groups.length} groups found`;
});
finder.addEventListener('peer-select', (event) => {
  status.textContent = `Chosen: ${event.detail.group.name}`;
});
