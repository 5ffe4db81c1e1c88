'use strict';
// The search page. Everything from the API goes into the page as text nodes; the only markup taken from the
// server is <mark> in snippets, rebuilt element by element (no innerHTML anywhere), so index content can never
// run script even if the CSP were relaxed.
(() => {
  const DEBOUNCE_MS = 120;
  const PAGE_SIZE = 20;
  const SUGGEST_LIMIT = 6;
  const LAST_SEARCH_KEY = 'monosearch:last-search';

  const byId = (id) => document.getElementById(id);
  const main = byId('main');
  const form = byId('search-form');
  const input = byId('q');
  const listbox = byId('suggestions');
  const alertBox = byId('alert');
  const hint = byId('hint');
  const summary = byId('summary');
  const statusLine = byId('status');
  // Screen readers hear the count once typing has paused, not once per keystroke.
  const announcer = byId('announcer');
  const ANNOUNCE_AFTER_MS = 1000;
  let announceTimer = 0;

  function announce(text) {
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      if (announcer.textContent !== text) announcer.textContent = text;
    }, ANNOUNCE_AFTER_MS);
  }
  const didYouMean = byId('did-you-mean');
  const didYouMeanButton = byId('did-you-mean-button');
  const filtersBox = byId('filters');
  const empty = byId('empty');
  const emptyText = byId('empty-text');
  const clearFiltersButton = byId('clear-filters');
  const resultsRegion = byId('results');
  const resultList = byId('result-list');
  const moreButton = byId('more');

  let filters = [];          // active section filters, in the order they were chosen
  let shown = null;          // the last response on screen: {query, sections, total, hits, facets, suggestion, partial}
  let debounceTimer = 0;
  let searchSeq = 0;         // a response is only used if no newer search started since its request
  let searchAbort = null;
  let suggestSeq = 0;
  let suggestAbort = null;
  let typingEntry = false;   // true while the current history entry belongs to ongoing typing

  // ---- URL and history ----

  function readUrl() {
    const params = new URLSearchParams(location.search);
    return { q: (params.get('q') || '').trim(), sections: params.getAll('section').filter((s) => s.trim()) };
  }

  function pageUrl(q, sections) {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (q) sections.forEach((s) => params.append('section', s));
    const search = params.toString();
    return search ? '/?' + search : '/';
  }

  // Typing replaces its own history entry, so Back goes to the previous search rather than to every prefix.
  function syncUrl(kind) {
    const q = input.value.trim();
    const url = pageUrl(q, filters);
    document.title = q ? q + ' — monosearch' : 'monosearch — drug monograph search';
    if (q) sessionStorage.setItem(LAST_SEARCH_KEY, url);
    if (url !== location.pathname + location.search) {
      if (kind === 'typing' && typingEntry) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
    }
    typingEntry = kind === 'typing';
  }

  // ---- searching ----

  function scheduleSearch() {
    clearTimeout(debounceTimer);
    debounceTimer = setTimeout(() => {
      syncUrl('typing');
      search();
      suggest();
    }, DEBOUNCE_MS);
  }

  function searchNow(kind) {
    clearTimeout(debounceTimer);
    syncUrl(kind);
    search();
  }

  // A new search reads the box and the chips; "more" continues the search on screen.
  async function search(append = false) {
    const q = append ? shown.query : input.value.trim();
    const sections = append ? shown.sections : filters.slice();
    const seq = ++searchSeq;
    if (searchAbort) searchAbort.abort();
    searchAbort = null;
    if (!q) {
      showHint();
      return;
    }
    const controller = new AbortController();
    searchAbort = controller;
    const offset = append ? shown.hits.length : 0;
    const params = new URLSearchParams({ q, limit: String(PAGE_SIZE), offset: String(offset) });
    sections.forEach((s) => params.append('section', s));
    let response;
    let body;
    try {
      response = await fetch('/api/search?' + params, {
        signal: controller.signal,
        headers: { Accept: 'application/json' },
      });
      body = await response.json().catch(() => null);
    } catch (error) {
      if (seq === searchSeq && error.name !== 'AbortError') showAlert('Cannot reach the search server.');
      return;
    } finally {
      if (searchAbort === controller) searchAbort = null;
    }
    if (seq !== searchSeq) return;
    if (!response.ok || !body || !Array.isArray(body.hits)) {
      const reason = body && typeof body.error === 'string' ? body.error : 'unexpected answer from the server';
      showAlert('The search failed (HTTP ' + response.status + '): ' + reason + '.');
      return;
    }
    hideAlert();
    render({
      query: q,
      sections,
      total: body.total,
      hits: append ? shown.hits.concat(body.hits) : body.hits,
      facets: (body.facets && body.facets.section) || [],
      suggestion: body.suggestion || null,
      partial: body.partial === true,
    });
    if (append) focusHit(offset);
  }

  async function suggest() {
    const q = input.value.trim();
    const seq = ++suggestSeq;
    if (suggestAbort) suggestAbort.abort();
    if (q.length < 2) {
      renderSuggestions([]);
      return;
    }
    const controller = new AbortController();
    suggestAbort = controller;
    try {
      const params = new URLSearchParams({ q, limit: String(SUGGEST_LIMIT) });
      const response = await fetch('/api/suggest?' + params, { signal: controller.signal });
      const body = await response.json();
      if (seq !== suggestSeq) return;
      renderSuggestions(response.ok && Array.isArray(body.suggestions) ? body.suggestions : []);
    } catch (error) {
      // Suggestions are a convenience; the search request reports a failing server.
      if (seq === suggestSeq) renderSuggestions([]);
    }
  }

  // ---- rendering ----

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The server escapes snippet text and adds only <mark> and </mark>; rebuild exactly that and nothing else.
  function snippetNodes(snippet) {
    const fragment = document.createDocumentFragment();
    let inMark = false;
    for (const part of String(snippet || '').split(/(<mark>|<\/mark>)/)) {
      if (part === '<mark>') inMark = true;
      else if (part === '</mark>') inMark = false;
      else if (part) fragment.append(inMark ? el('mark', '', decodeEntities(part)) : decodeEntities(part));
    }
    return fragment;
  }

  const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'" };

  function decodeEntities(text) {
    return text.replace(/&(lt|gt|amp|quot|#39);/g, (_, name) => ENTITIES[name]);
  }

  // Only links the server could legitimately produce: a path on this site or an http(s) address.
  function isSafeUrl(url) {
    return typeof url === 'string' && /^(\/(?![/\\])|https?:\/\/)/i.test(url);
  }

  // Our own monograph pages mark the query terms when they know the query.
  function hitHref(url, query) {
    if (!url.startsWith('/monographs/')) return url;
    const hashAt = url.indexOf('#');
    const path = hashAt < 0 ? url : url.slice(0, hashAt);
    const hash = hashAt < 0 ? '' : url.slice(hashAt);
    return path + (path.includes('?') ? '&' : '?') + new URLSearchParams({ q: query }) + hash;
  }

  function groupByDrug(hits) {
    const groups = new Map();
    hits.forEach((hit, index) => {
      const key = hit.slug || hit.drug;
      if (!groups.has(key)) groups.set(key, { drug: hit.drug, hits: [] });
      groups.get(key).hits.push({ hit, index });
    });
    return [...groups.values()];
  }

  function hitItem(hit, index, query) {
    const item = el('li', 'hit');
    const title = el('h3', 'hit-title');
    const path = Array.isArray(hit.path) && hit.path.length > 1 ? hit.path.join(' › ') : (hit.heading || hit.section);
    const label = [el('span', 'visually-hidden', hit.drug + ': '), el('span', 'hit-label', path)];
    if (isSafeUrl(hit.url)) {
      const link = el('a', 'hit-link');
      link.href = hitHref(hit.url, query);
      link.dataset.index = String(index);
      link.append(...label);
      title.append(link);
    } else {
      title.append(...label);
    }
    // An alias heading ("Adverse Effects") also shows the standard section it counts as.
    if (hit.section && Array.isArray(hit.path) && !hit.path.includes(hit.section)) {
      title.append(' ', el('span', 'hit-section', hit.section));
    }
    item.append(title);
    const snippet = el('p', 'snippet');
    snippet.append(snippetNodes(hit.snippet));
    item.append(snippet);
    return item;
  }

  function render(data) {
    shown = data;
    hint.hidden = true;
    summary.hidden = false;
    resultsRegion.hidden = false;

    const count = data.total === 1 ? '1 result' : data.total + ' results';
    const where = data.sections.length ? ' in ' + data.sections.join(', ') : '';
    statusLine.textContent = data.total === 0
      ? 'No results for “' + data.query + '”' + where + '.'
      : count + ' for “' + data.query + '”' + where
        + (data.hits.length < data.total ? ' — showing ' + data.hits.length + '.' : '.');
    if (data.partial) {
      statusLine.textContent += ' The search ran out of time: these are the results found so far.';
    }
    statusLine.classList.toggle('is-partial', Boolean(data.partial));
    announce(statusLine.textContent);

    didYouMean.hidden = !data.suggestion;
    didYouMeanButton.textContent = data.suggestion || '';

    renderFilters(data);

    empty.hidden = data.total !== 0;
    emptyText.textContent = data.sections.length
      ? 'Nothing matches in the chosen sections. Clear the filters, check the spelling or try other words.'
      : 'Check the spelling or try fewer or other words.';
    clearFiltersButton.hidden = data.sections.length === 0;

    const groups = groupByDrug(data.hits).map((group) => {
      const item = el('li', 'group');
      item.append(el('h2', 'group-title', group.drug));
      const list = el('ol', 'hits');
      group.hits.forEach(({ hit, index }) => list.append(hitItem(hit, index, data.query)));
      item.append(list);
      return item;
    });
    resultList.replaceChildren(...groups);
    moreButton.hidden = data.hits.length >= data.total;
  }

  function renderFilters(data) {
    const chips = data.facets.map((f) => ({ value: f.value, count: f.count }));
    // An active filter stays visible (and removable) even when the answer has no facet for it.
    data.sections.forEach((s) => {
      if (!chips.some((c) => c.value === s)) chips.unshift({ value: s, count: null });
    });
    filtersBox.hidden = chips.length === 0;
    filtersBox.replaceChildren(...chips.map((chip) => {
      const pressed = filters.includes(chip.value);
      const button = el('button', 'chip');
      button.type = 'button';
      button.dataset.section = chip.value;
      button.setAttribute('aria-pressed', String(pressed));
      button.append(el('span', 'chip-label', chip.value));
      if (chip.count !== null) {
        button.append(el('span', 'chip-count', String(chip.count)));
        button.title = chip.count + (chip.count === 1 ? ' result in ' : ' results in ') + chip.value;
      }
      return button;
    }));
  }

  function renderSuggestions(items) {
    const options = items.filter((s) => s && s.slug && s.drug).map((s, i) => {
      const option = el('li', 'suggestion');
      option.id = 'suggestion-' + i;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.dataset.slug = s.slug;
      option.append(el('span', 'suggestion-drug', s.drug), el('span', 'suggestion-kind', 'Monograph'));
      return option;
    });
    listbox.replaceChildren(...options);
    setSuggestionsOpen(options.length > 0);
  }

  function setSuggestionsOpen(open) {
    listbox.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (!open) setActiveOption(null);
  }

  function showHint() {
    shown = null;
    hint.hidden = false;
    summary.hidden = true;
    filtersBox.hidden = true;
    empty.hidden = true;
    resultsRegion.hidden = true;
    resultList.replaceChildren();
    statusLine.textContent = '';
    hideAlert();
  }

  function showAlert(message) {
    const kept = shown ? ' The results below are from your last successful search.' : '';
    alertBox.replaceChildren(el('span', 'alert-text', message + kept + ' '));
    const retry = el('button', 'button alert-retry', 'Try again');
    retry.type = 'button';
    retry.addEventListener('click', () => searchNow('action'));
    alertBox.append(retry);
    alertBox.hidden = false;
  }

  function hideAlert() {
    alertBox.hidden = true;
    alertBox.replaceChildren();
  }

  function focusHit(index) {
    const link = resultList.querySelector('a.hit-link[data-index="' + index + '"]');
    if (link) link.focus();
  }

  // ---- keyboard: one path through the suggestions, then the results ----

  function navItems() {
    const options = listbox.hidden ? [] : [...listbox.querySelectorAll('[role=option]')];
    return options.concat([...resultList.querySelectorAll('a.hit-link')]);
  }

  function activeOption() {
    const id = input.getAttribute('aria-activedescendant');
    return id ? byId(id) : null;
  }

  function setActiveOption(option) {
    listbox.querySelectorAll('[role=option]').forEach((o) => {
      o.setAttribute('aria-selected', String(o === option));
      o.classList.toggle('is-active', o === option);
    });
    if (option) input.setAttribute('aria-activedescendant', option.id);
    else input.removeAttribute('aria-activedescendant');
  }

  function position(items) {
    const current = document.activeElement === input ? activeOption() : document.activeElement;
    return current ? items.indexOf(current) : -1;
  }

  function moveTo(items, index) {
    const target = items[Math.max(-1, Math.min(index, items.length - 1))];
    if (!target) {
      setActiveOption(null);
      input.focus();
    } else if (target.getAttribute('role') === 'option') {
      setActiveOption(target);
      input.focus();
      target.scrollIntoView({ block: 'nearest' });
    } else {
      setActiveOption(null);
      target.focus();
    }
  }

  function openSuggestion(option) {
    location.assign('/monographs/' + encodeURIComponent(option.dataset.slug));
  }

  function clearAll() {
    input.value = '';
    filters = [];
    clearTimeout(debounceTimer);
    renderSuggestions([]);
    searchNow('action');
    input.focus();
  }

  // Which queries' results get opened, for the operator's search analytics (off unless the server was started
  // with --analytics): the query alone, as the body of a beacon; no cookie, no identifier.
  function reportOpened(event) {
    const link = event.target.closest && event.target.closest('a.hit-link');
    if (!link || !shown || !navigator.sendBeacon) return;
    navigator.sendBeacon('/api/opened', shown.query);
  }
  resultList.addEventListener('click', reportOpened);
  resultList.addEventListener('auxclick', reportOpened);

  main.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const inBox = event.target === input;
    const onHit = event.target.classList && event.target.classList.contains('hit-link');
    if (!inBox && !onHit) return;
    const items = navItems();
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        moveTo(items, position(items) + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        moveTo(items, position(items) - 1);
        break;
      case 'Enter':
        if (inBox) {
          event.preventDefault();
          const option = activeOption();
          if (option) openSuggestion(option);
          else searchNow('action');
        }
        break;
      case 'Escape':
        event.preventDefault(); // a search input would otherwise clear itself
        if (onHit) moveTo(items, -1);
        else if (!listbox.hidden) setSuggestionsOpen(false);
        else if (input.value) clearAll();
        break;
      default:
    }
  });

  // ---- wiring ----

  input.addEventListener('input', () => {
    setActiveOption(null);
    scheduleSearch();
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    searchNow('action');
  });

  listbox.addEventListener('mousedown', (event) => event.preventDefault()); // keep focus in the box
  listbox.addEventListener('click', (event) => {
    const option = event.target.closest('[role=option]');
    if (option) openSuggestion(option);
  });

  filtersBox.addEventListener('click', (event) => {
    const chip = event.target.closest('button.chip');
    if (!chip) return;
    const section = chip.dataset.section;
    filters = filters.includes(section) ? filters.filter((s) => s !== section) : filters.concat(section);
    searchNow('action');
  });

  clearFiltersButton.addEventListener('click', () => {
    filters = [];
    searchNow('action');
    input.focus();
  });

  didYouMeanButton.addEventListener('click', () => {
    input.value = didYouMeanButton.textContent;
    renderSuggestions([]);
    searchNow('action');
    input.focus();
  });

  hint.addEventListener('click', (event) => {
    const example = event.target.closest('a.example');
    if (!example) return;
    event.preventDefault();
    input.value = example.textContent.trim();
    filters = [];
    searchNow('action');
    input.focus();
  });

  moreButton.addEventListener('click', () => {
    if (shown) search(true);
  });

  function restoreFromUrl() {
    const { q, sections } = readUrl();
    clearTimeout(debounceTimer);
    input.value = q;
    filters = q ? sections : [];
    typingEntry = false;
    renderSuggestions([]);
    document.title = q ? q + ' — monosearch' : 'monosearch — drug monograph search';
    search();
  }

  window.addEventListener('popstate', restoreFromUrl);

  restoreFromUrl();
  input.focus();
  input.setSelectionRange(input.value.length, input.value.length);
})();
