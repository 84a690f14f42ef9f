// The site's own behaviour, shared by every page. A deferred classic script,
// listed before the elements' modules, so it runs after the page is parsed
// and before the elements start (no inline script: the pages' CSP forbids it).

// The language the directory's elements speak on this visit: ?lang=cy or
// ?lang=es, else the page's own. Only the elements change: the charity's own
// words around them stay in English, and say so with the page's lang.
const LANGUAGES = ['en', 'cy', 'es'];
const asked = new URLSearchParams(window.location.search).get('lang');
const lang = LANGUAGES.includes(asked) ? asked : undefined;
if (lang) {
  for (const element of document.querySelectorAll('peer-finder, peer-group-form, peer-checklist, peer-review-queue')) {
    element.setAttribute('lang', lang);
  }
}

// The language switch keeps the rest of the address, and marks the language in use;
// the site's other links keep the language chosen.
for (const link of document.querySelectorAll('nav.languages a')) {
  const url = new URL(window.location.href);
  url.searchParams.set('lang', link.hreflang);
  link.href = url.href;
  if (link.hreflang === (lang ?? 'en')) link.setAttribute('aria-current', 'true');
}
if (lang) {
  for (const link of document.querySelectorAll('header.site nav.site a, footer.site a, a.brand')) {
    const url = new URL(link.href);
    if (url.origin === window.location.origin && (url.pathname.endsWith('.html') || url.pathname === '/')) {
      url.searchParams.set('lang', lang);
      link.href = url.href;
    }
  }
}
