// Filters the full publication list in place when a filter chip is clicked. Without this script
// each chip is a link to a static page of that filter, so nothing depends on it. The address gets
// `?filter=…` rather than the filter page's path: the page's links are relative to its own path.
(() => {
  const nav = document.querySelector('.pub-filters');
  const list = document.querySelector('[data-pub-list="all"]');
  if (!nav || !list) return;
  const chips = [...nav.querySelectorAll('a[data-filter]')];
  const entries = [...list.querySelectorAll('.pub')];
  const groups = [...list.querySelectorAll('.pub-group')];
  const status = document.createElement('p');
  status.className = 'filter-status';
  status.setAttribute('role', 'status');
  nav.after(status);

  const show = (filter) => {
    const chip = chips.find((c) => c.dataset.filter === filter) ?? chips[0];
    filter = chip.dataset.filter;
    for (const c of chips) {
      if (c === chip) c.setAttribute('aria-current', 'page');
      else c.removeAttribute('aria-current');
    }
    let shown = 0;
    for (const entry of entries) {
      entry.hidden = filter !== '' && !(entry.dataset.filters ?? '').split(' ').includes(filter);
      if (!entry.hidden) shown++;
    }
    for (const group of groups) group.hidden = !group.querySelector('.pub:not([hidden])');
    // The table of contents links only groups still shown.
    for (const link of document.querySelectorAll('.toc a[href^="#group-"]')) {
      const target = document.getElementById(link.getAttribute('href').slice(1));
      link.parentElement.hidden = Boolean(target?.closest('.pub-group')?.hidden);
    }
    status.textContent = filter === '' ? '' : `Showing ${shown} of ${entries.length}: ${chip.firstChild.textContent.trim()}.`;
  };

  nav.addEventListener('click', (event) => {
    const chip = event.target.closest('a[data-filter]');
    if (!chip || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const filter = chip.dataset.filter;
    show(filter);
    const url = new URL(location.href);
    if (filter) url.searchParams.set('filter', filter);
    else url.searchParams.delete('filter');
    history.pushState({ filter }, '', url);
  });
  addEventListener('popstate', () => show(new URL(location.href).searchParams.get('filter') ?? ''));
  const initial = new URL(location.href).searchParams.get('filter');
  if (initial) show(initial);
})();
