// Small behaviours of every page; no build step. The CSRF token comes from the page's meta tags.
(function () {
  'use strict';
  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }
  window.edmCsrf = csrf;

  // htmx requests carry the CSRF token as a header
  document.addEventListener('htmx:configRequest', function (event) {
    var c = csrf();
    if (c) { event.detail.headers[c.header] = c.token; }
  });

  // "/" focuses the search box (unless typing in a field)
  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) { return; }
    var box = document.getElementById('q');
    if (box) { event.preventDefault(); box.focus(); box.select(); }
  });

  // forms that destroy something ask first
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });

  // copy a permalink
  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('[data-copy]') : null;
    if (!button) { return; }
    var input = document.getElementById(button.dataset.copy);
    var done = function () {
      var status = document.getElementById(button.dataset.copy + '-status');
      if (status) { status.textContent = 'Copied.'; }
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done);
    } else {
      input.select();
      document.execCommand('copy');
      done();
    }
  });
})();
