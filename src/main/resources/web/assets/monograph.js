'use strict';
// The monograph page: highlight the section the link pointed at and mark the words of the search that led
// here. Page text is only ever split into text nodes and <mark> elements, never parsed as HTML.
(() => {
  const article = document.querySelector('article.monograph');
  if (!article) return;
  const LAST_SEARCH_KEY = 'monosearch:last-search';

  function highlightTarget() {
    article.querySelectorAll('.section.is-target').forEach((s) => s.classList.remove('is-target'));
    let id = '';
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch (e) {
      return;
    }
    const target = id && document.getElementById(id);
    const section = target && target.closest('.section');
    if (section) section.classList.add('is-target');
  }

  // The server says which words of this monograph the search matched (synonyms, corrections and completions
  // included), so the page marks what the search found rather than guessing from the query's letters.
  function matchedWords() {
    try {
      const words = JSON.parse(article.dataset.matched || '[]');
      return Array.isArray(words) ? words.filter((w) => typeof w === 'string' && w.trim()) : [];
    } catch (e) {
      return [];
    }
  }

  function termPattern(words) {
    const alternatives = [...words]
      .sort((a, b) => b.length - a.length)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp('(?<![\\p{L}\\p{N}])(?:' + alternatives.join('|') + ')(?![\\p{L}\\p{N}])', 'giu');
  }

  function markTerms(root, pattern) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement.closest('mark, script, style')
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    let count = 0;
    for (const node of nodes) {
      const text = node.nodeValue;
      const fragment = document.createDocumentFragment();
      let last = 0;
      for (const match of text.matchAll(pattern)) {
        fragment.append(text.slice(last, match.index));
        const mark = document.createElement('mark');
        mark.className = 'term';
        mark.textContent = match[0];
        fragment.append(mark);
        last = match.index + match[0].length;
        count++;
      }
      if (last === 0) continue;
      fragment.append(text.slice(last));
      node.replaceWith(fragment);
    }
    return count;
  }

  function clearMarks() {
    article.querySelectorAll('mark.term').forEach((mark) => mark.replaceWith(mark.textContent));
    article.normalize();
  }

  function termNote(query, count) {
    const note = document.createElement('p');
    note.className = 'term-note';
    note.setAttribute('role', 'status');
    note.append(count === 1 ? '1 match' : count + ' matches', ' for “', query, '” marked. ');
    const back = document.createElement('a');
    back.href = sessionStorage.getItem(LAST_SEARCH_KEY) || '/?' + new URLSearchParams({ q: query });
    back.textContent = 'Back to results';
    const clear = document.createElement('button');
    clear.type = 'button';
    clear.className = 'link-button';
    clear.textContent = 'Remove marks';
    clear.addEventListener('click', () => {
      clearMarks();
      note.replaceChildren('Marks removed. ', back);
    });
    note.append(back, ' · ', clear);
    return note;
  }

  const query = (new URLSearchParams(location.search).get('q') || '').trim();
  const terms = matchedWords();
  if (query) {
    const topSearch = document.getElementById('top-q');
    if (topSearch) topSearch.value = query;
    let count = 0;
    if (terms.length) {
      const pattern = termPattern(terms);
      article.querySelectorAll('.section').forEach((section) => {
        count += markTerms(section, pattern);
      });
    }
    (article.querySelector('.source') || article.querySelector('h1')).after(termNote(query, count));
  }
  highlightTarget();
  // The note above pushed the page down after the browser had scrolled to the anchor.
  const target = article.querySelector('.section.is-target');
  if (target && terms.length) target.scrollIntoView();
  window.addEventListener('hashchange', highlightTarget);
})();
