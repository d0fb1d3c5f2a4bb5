/*
 * ctcl: runtime check, written in ES5 on purpose (no let/const, arrows, classes or template strings) so
 * that Internet Explorer 11 — the web view of old Word versions — can run it. The pane itself is loaded
 * with <script type="module">, which such runtimes skip. When a feature the pane needs is missing,
 * this replaces the loading message with an explanation in Vietnamese and marks
 * <html data-ctcl-too-old> so the pane does not start.
 */
/* global document, DOMParser */
(function () {
  'use strict';

  var MESSAGE =
    'Trình duyệt/Word này quá cũ nên không chạy được «Cải tiến chất lượng». ' +
    'Hãy cập nhật Word (Microsoft 365, Word 2021 trở lên) và Windows, hoặc mở trang này bằng ' +
    'Microsoft Edge, Google Chrome, Firefox hay Safari bản mới.';

  function has(test) {
    try {
      return !!test();
    } catch (e) {
      void e;
      return false;
    }
  }

  var ok =
    has(function () {
      return 'noModule' in document.createElement('script');
    }) &&
    has(function () {
      return typeof Promise !== 'undefined' && typeof Promise.prototype['finally'] === 'function';
    }) &&
    has(function () {
      return typeof Symbol === 'function' && typeof Map === 'function' && typeof WeakMap === 'function';
    }) &&
    has(function () {
      return typeof Array.prototype.flatMap === 'function' && typeof Object.fromEntries === 'function';
    }) &&
    has(function () {
      return typeof globalThis === 'object';
    }) &&
    has(function () {
      return typeof String.prototype.normalize === 'function' && typeof String.prototype.matchAll === 'function';
    }) &&
    has(function () {
      // Look-behind and named groups in regular expressions (Safari 16.4 and later).
      return new RegExp('(?<!a)(?<n>b)').test('cb');
    }) &&
    has(function () {
      return typeof DOMParser === 'function' && typeof Blob === 'function' && typeof TextDecoder === 'function';
    });

  if (ok) return;

  document.documentElement.setAttribute('data-ctcl-too-old', '');
  var boot = document.getElementById('boot');
  if (!boot) return;
  boot.className += ' boot-old';
  var p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.appendChild(document.createTextNode(MESSAGE));
  boot.appendChild(p);
})();
