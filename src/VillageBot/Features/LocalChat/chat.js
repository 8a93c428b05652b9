'use strict';
// The local chat page. Everything the bot or a person wrote is added as text nodes, links as anchor elements;
// nothing is parsed as HTML, so no message can change the page.
(() => {
  const log = document.getElementById('log');
  const input = document.getElementById('t');
  const messages = new Map();
  const elements = new Map();
  let since = 0;
  let page = { lang: '' };

  const browserLang = () => (navigator.language || 'lv').slice(0, 2);

  async function loadTexts(lang) {
    const r = await fetch('/chat/api/texts?lang=' + encodeURIComponent(lang));
    if (!r.ok) return;
    page = await r.json();
    document.documentElement.lang = page.lang;
    document.title = page.title;
    document.getElementById('title').textContent = page.title;
    document.getElementById('subtitle').textContent = page.subtitle;
    input.placeholder = page.placeholder;
    input.setAttribute('aria-label', page.placeholder);
    document.getElementById('send').setAttribute('aria-label', page.send);
    for (const m of messages.values()) render(m);
  }

  // Plain text with every http(s) address as a link; punctuation right after an address stays text.
  function appendText(el, text) {
    const pattern = /https?:\/\/[^\s<>"]+/g;
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      const url = match[0].replace(/[.,;:!?)\]»”]+$/, '');
      el.appendChild(document.createTextNode(text.slice(last, match.index)));
      el.appendChild(link(url, url));
      last = match.index + url.length;
    }
    el.appendChild(document.createTextNode(text.slice(last)));
  }

  function link(href, label) {
    const a = document.createElement('a');
    a.href = href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.textContent = label;
    return a;
  }

  const safeUrl = url => /^https?:\/\//i.test(url);

  function render(m) {
    messages.set(m.id, m);
    let el = elements.get(m.id);
    if (!el) { el = document.createElement('div'); elements.set(m.id, el); log.appendChild(el); }
    el.className = 'msg ' + m.from;
    el.textContent = '';
    if (m.image) { const img = document.createElement('img'); img.src = 'data:image/png;base64,' + m.image; img.alt = ''; el.appendChild(img); }
    if (m.poll) el.appendChild(document.createTextNode('📊 '));
    appendText(el, m.text);
    if (m.file) {
      const a = document.createElement('a');
      a.className = 'file';
      a.href = m.file.url;
      a.download = m.file.name;
      a.textContent = '📎 ' + m.file.name + ' (' + m.file.size + ' B) — ' + (page.download || 'Download');
      el.appendChild(a);
    }
    if (m.poll) el.appendChild(renderPoll(m));
    if (m.buttons) el.appendChild(renderKeyboard(m));
  }

  function renderKeyboard(m) {
    const kb = document.createElement('div');
    kb.className = 'kb';
    for (const row of m.buttons) {
      const r = document.createElement('div');
      r.className = 'row';
      for (const b of row) {
        let btn;
        if (b.url) {
          if (!safeUrl(b.url)) continue;
          btn = link(b.url, b.text);
        } else {
          btn = document.createElement('button');
          btn.type = 'button';
          btn.textContent = b.text;
          btn.dataset.callback = b.data;
          btn.addEventListener('click', () => send('/chat/api/send', { callback: b.data, messageId: m.id }));
        }
        r.appendChild(btn);
      }
      kb.appendChild(r);
    }
    return kb;
  }

  // A poll as Telegram shows it: one button per option; several may be chosen and sent when the poll allows it.
  // A quiz, once answered, marks the right option and the person's own, with the explanation.
  function renderPoll(m) {
    const p = m.poll;
    const box = document.createElement('div');
    box.className = 'poll';
    const answeredQuiz = p.quiz && p.chosen && p.chosen.length > 0;
    const locked = p.closed || answeredQuiz;
    const picked = new Set();
    p.options.forEach((option, i) => {
      const btn = document.createElement('button');
      btn.type = 'button';
      const chosen = p.chosen && p.chosen.includes(i);
      let mark = chosen ? '✓ ' : '';
      if (answeredQuiz) {
        if (i === p.correct) { btn.classList.add('right'); mark = '✅ '; }
        else if (chosen) { btn.classList.add('wrong'); mark = '❌ '; }
      } else if (chosen) {
        btn.classList.add('chosen');
      }
      btn.textContent = mark + option;
      btn.dataset.option = i;
      btn.disabled = locked;
      if (p.multiple) {
        btn.setAttribute('aria-pressed', 'false');
        btn.addEventListener('click', () => {
          if (picked.has(i)) picked.delete(i); else picked.add(i);
          btn.setAttribute('aria-pressed', picked.has(i) ? 'true' : 'false');
        });
      } else {
        btn.addEventListener('click', () => send('/chat/api/vote', { messageId: m.id, options: [i] }));
      }
      box.appendChild(btn);
    });
    if (p.multiple && !locked) {
      const submit = document.createElement('button');
      submit.type = 'button';
      submit.className = 'submit';
      submit.textContent = page.vote || 'Vote';
      submit.addEventListener('click', () => {
        if (picked.size) send('/chat/api/vote', { messageId: m.id, options: [...picked].sort((a, b) => a - b) });
      });
      box.appendChild(submit);
    }
    if (answeredQuiz || p.closed) {
      const feedback = document.createElement('div');
      feedback.className = 'feedback';
      const parts = [];
      if (answeredQuiz) parts.push(p.chosen.includes(p.correct) ? '✅ ' + page.right : '❌ ' + page.wrong);
      if (p.explanation) parts.push(p.explanation);
      if (p.closed) parts.push(page.closed);
      appendText(feedback, parts.join('\n'));
      box.appendChild(feedback);
    }
    return box;
  }

  let timer = 0;
  async function refresh() {
    clearTimeout(timer);
    try {
      const r = await fetch('/chat/api/messages?since=' + since);
      const lang = r.headers.get('Content-Language');
      if (lang && lang !== page.lang) await loadTexts(lang);
      const list = await r.json();
      for (const m of list) { render(m); since = Math.max(since, m.version); }
      if (list.length) log.scrollTop = log.scrollHeight;
    } catch (e) { /* the bot restarts: try again on the next round */ }
    timer = setTimeout(refresh, 600);
  }

  async function send(url, body) {
    body.lang = browserLang();
    const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (r.status === 400) {
      const e = await r.json().catch(() => ({}));
      if (e.error) {
        const el = document.createElement('div');
        el.className = 'msg notice';
        el.textContent = e.error;
        log.appendChild(el);
        log.scrollTop = log.scrollHeight;
      }
    }
    refresh();
  }

  // As in Telegram: Enter sends, Shift+Enter starts a new line.
  input.addEventListener('keydown', e => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      document.getElementById('f').requestSubmit();
    }
  });
  input.addEventListener('input', () => {
    input.style.height = 'auto';
    input.style.height = input.scrollHeight + 'px';
  });
  document.getElementById('f').addEventListener('submit', e => {
    e.preventDefault();
    if (input.value.trim()) send('/chat/api/send', { text: input.value });
    input.value = '';
    input.style.height = 'auto';
  });
  loadTexts(browserLang()).then(refresh);
})();
