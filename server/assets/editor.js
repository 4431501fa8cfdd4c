/* xxgk serve — the editor's one script: totals added up as the clerk
   types, and the server's check of the form shown at each cell a moment
   later. The page works without it: the server computes blank totals and
   checks on every save. Which cells are totals of which comes from the
   page (data-parts, written from the format's sum rules). */
'use strict';
(function () {
  var form = document.getElementById('editor');
  if (!form) { return; }
  function cell(key) { return document.getElementById('c-' + key); }
  function parse(text) {
    var v = text.trim();
    if (v === '') { return null; }
    if (!/^-?\d+(\.\d+)?$/.test(v)) { return NaN; }
    return v;
  }
  /* exact decimal sum of strings: scaled to the most decimals */
  function add(values) {
    var scale = 0;
    values.forEach(function (v) {
      var d = v.indexOf('.');
      if (d >= 0) { scale = Math.max(scale, v.length - d - 1); }
    });
    var sum = 0;
    values.forEach(function (v) { sum += Math.round(Number(v) * Math.pow(10, scale)); });
    return scale ? (sum / Math.pow(10, scale)).toFixed(scale) : String(sum);
  }
  function sumOf(total) {
    var keys = total.getAttribute('data-parts').split(' ');
    var values = [];
    for (var i = 0; i < keys.length; i++) {
      var c = cell(keys[i]);
      var v = c ? parse(c.value) : null;
      if (v === null || (typeof v === 'number' && isNaN(v))) { return null; }
      values.push(v);
    }
    return add(values);
  }
  var totals = Array.prototype.slice.call(form.querySelectorAll('input[data-parts]'));
  totals.forEach(function (t) {
    var s = sumOf(t);
    t.setAttribute('data-auto', t.value.trim() === '' || (s !== null && s === t.value.trim()) ? '1' : '0');
    t.addEventListener('input', function () { t.setAttribute('data-auto', t.value.trim() === '' ? '1' : '0'); });
  });
  /* totals the clerk has not typed follow their parts; the cell being
     typed into is left alone until it is left (a total cleared to be
     typed again is not refilled under the cursor) */
  function recompute(typing) {
    for (var pass = 0; pass < 6; pass++) {
      var changed = false;
      totals.forEach(function (t) {
        if (t === typing || t.getAttribute('data-auto') !== '1') { return; }
        var s = sumOf(t);
        var text = s === null ? '' : s;
        if (t.value !== text) { t.value = text; changed = true; }
      });
      if (!changed) { break; }
    }
  }
  var live = document.getElementById('live');
  function show(result) {
    Array.prototype.forEach.call(form.querySelectorAll('.marks'), function (m) { m.textContent = ''; });
    Array.prototype.forEach.call(form.querySelectorAll('td.flagged'), function (td) { td.classList.remove('flagged'); });
    var list = document.createElement('ul');
    result.findings.forEach(function (f) {
      var item = document.createElement('li');
      item.textContent = f.text + f.n + '：' + f.message + '（' + f.rule + '）';
      list.appendChild(item);
      if (!f.cell) { return; }
      var marks = document.getElementById('m-' + f.cell);
      if (!marks) { return; }
      var mark = document.createElement('span');
      mark.className = 'mark live ' + f.severity;
      mark.textContent = f.text + f.n;
      mark.title = f.message;
      marks.appendChild(mark);
      if (f.severity !== 'note') { marks.parentNode.classList.add('flagged'); }
    });
    live.textContent = '';
    var head = document.createElement('p');
    head.textContent = '当前检查：错误 ' + result.errors + ' 个，警告 ' + result.warnings + ' 个';
    live.appendChild(head);
    live.appendChild(list);
  }
  var timer = null, seq = 0;
  function check() {
    var mine = ++seq;
    var body = new URLSearchParams(new FormData(form));
    fetch(form.getAttribute('data-check'), {
      method: 'POST', body: body, credentials: 'same-origin',
      headers: { 'Accept': 'application/json' }
    }).then(function (r) { return r.json(); })
      .then(function (result) { if (mine === seq && result.findings) { show(result); } })
      .catch(function () { /* the save still checks */ });
  }
  form.addEventListener('input', function (e) {
    if (e.target.tagName === 'INPUT' && e.target.name.indexOf('c.') === 0) { recompute(e.target); }
    clearTimeout(timer);
    timer = setTimeout(check, 350);
  });
  form.addEventListener('change', function () { recompute(null); });
  form.setAttribute('data-ready', '1');
}());
