// The upload panel: drop or pick PDFs, edit title and version (guessed from the file name as FileNames.java
// does), then each file is posted on its own with a progress bar and its outcome in words next to it.
(function () {
  'use strict';
  var panel = document.getElementById('upload-panel');
  if (!panel) { return; }
  var form = document.getElementById('upload-form');
  var input = document.getElementById('files');
  var zone = document.getElementById('dropzone');
  var list = document.getElementById('uploads');
  var template = document.getElementById('upload-row');
  var startAll = document.getElementById('upload-all');
  var counter = 0;

  function guess(fileName) {
    var name = fileName.replace(/.*[\/\\]/, '').trim().replace(/\.pdf$/i, '');
    var marked = /^(.+?)[\s._-]+(?:v|ver|version)[\s._-]?(\d+(?:[._]\d+)*[a-z]?)$/i.exec(name);
    var dotted = /^(.+?)[\s_-]+(\d+(?:\.\d+)+)$/.exec(name);
    var match = marked || dotted;
    var trim = function (t) { return t.replace(/^[\s._-]+|[\s._-]+$/g, ''); };
    return match ? { title: trim(match[1]), version: match[2].replace(/_/g, '.') } : { title: trim(name), version: '' };
  }

  function add(files) {
    Array.prototype.forEach.call(files, function (file) {
      counter += 1;
      var row = template.content.firstElementChild.cloneNode(true);
      var g = guess(file.name);
      row.querySelector('.file-name').textContent = file.name;
      ['title', 'version'].forEach(function (field) {
        var id = 'upload-' + counter + '-' + field;
        row.querySelector('.' + field + ' label').htmlFor = id;
        var box = row.querySelector('.' + field + ' input');
        box.id = id;
        box.value = g[field];
      });
      row.querySelector('progress').id = 'upload-' + counter + '-progress';
      row.querySelector('.progress label').htmlFor = 'upload-' + counter + '-progress';
      row.file = file;
      list.appendChild(row);
    });
    startAll.hidden = list.children.length === 0;
  }

  function send(row) {
    if (row.dataset.state) { return; }
    var title = row.querySelector('.title input').value.trim();
    var version = row.querySelector('.version input').value.trim();
    var outcome = row.querySelector('.outcome');
    if (!version) {
      outcome.className = 'outcome problem';
      outcome.textContent = 'Enter a version for this file.';
      row.querySelector('.version input').focus();
      return;
    }
    row.dataset.state = 'sending';
    var data = new FormData();
    data.append('file', row.file, row.file.name);
    data.append('title', title);
    data.append('version', version);
    var xhr = new XMLHttpRequest();
    var bar = row.querySelector('progress');
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) { bar.max = e.total; bar.value = e.loaded; }
    });
    xhr.addEventListener('load', function () {
      var body = null;
      try { body = JSON.parse(xhr.responseText); } catch (ignored) { body = null; }
      row.dataset.state = body ? body.outcome : 'rejected';
      bar.value = bar.max;
      outcome.className = 'outcome ' + (row.dataset.state === 'rejected' ? 'problem' : 'notice');
      outcome.textContent = body ? body.message + ' ' : 'The upload failed (' + xhr.status + ').';
      if (body && body.documentUrl) {
        var link = document.createElement('a');
        link.href = body.documentUrl;
        link.textContent = body.outcome === 'duplicate' ? 'Open the existing document' : 'Open the document';
        outcome.appendChild(link);
      }
      if (row.dataset.state !== 'rejected' && window.htmx) {
        window.htmx.trigger(document.getElementById('library-rows'), 'refresh');
      }
    });
    xhr.addEventListener('error', function () {
      row.dataset.state = 'rejected';
      outcome.className = 'outcome problem';
      outcome.textContent = 'The connection broke off; try again.';
    });
    xhr.open('POST', form.action);
    xhr.setRequestHeader('Accept', 'application/json');
    var c = window.edmCsrf && window.edmCsrf();
    if (c) { xhr.setRequestHeader(c.header, c.token); }
    xhr.send(data);
  }

  input.addEventListener('change', function () { add(input.files); input.value = ''; });
  ['dragenter', 'dragover'].forEach(function (type) {
    zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add('over'); });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    zone.addEventListener(type, function () { zone.classList.remove('over'); });
  });
  zone.addEventListener('drop', function (e) {
    e.preventDefault();
    add(Array.prototype.filter.call(e.dataTransfer.files, function () { return true; }));
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    Array.prototype.forEach.call(list.children, send);
  });
  list.addEventListener('click', function (e) {
    if (e.target.matches('.send')) { send(e.target.closest('li')); }
    if (e.target.matches('.remove')) {
      e.target.closest('li').remove();
      startAll.hidden = list.children.length === 0;
    }
  });
  startAll.hidden = true;
  panel.classList.add('enhanced');
})();
