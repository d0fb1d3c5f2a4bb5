/*
 * ctcl: runtime check, written in ES5 on purpose (no let/const, arrows, classes or template strings) so
 * that Internet Explorer 11 — the web view of old Word versions — can run it. The pane itself is loaded
 * with <script type="module">, which such runtimes skip. When a feature the pane needs is missing, this
 * replaces the loading message with an explanation in Vietnamese and marks <html data-ctcl-too-old> so
 * the pane does not start.
 *
 * Who gets here: volume-licensed Word 2016 and 2019 always run add-ins in Internet Explorer 11 (Trident),
 * retail 2016/2019 without WebView2 in Edge Legacy (EdgeHTML), older Microsoft 365 builds too
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins).
 * Microsoft recommends a graceful message there
 * (https://learn.microsoft.com/office/dev/add-ins/develop/support-ie-11). Inside Word this also loads
 * office.js and sets Office.initialize, or Word reports the add-in as broken instead of showing the pane;
 * the message gives the standalone page's address (this page, opened in a modern browser) and a button
 * that opens it outside Word.
 */
/* global document, window, DOMParser */
(function () {
  'use strict';

  var OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
  /** The add-in's own copy (webpack.config.js), for when the CDN does not load (as src/word/host.ts). */
  var OFFICE_JS_LOCAL_URL = 'office-js/office.js';

  var IN_WORD =
    'Word trên máy này chạy phần bổ trợ bằng trình duyệt cũ (Internet Explorer hoặc Edge đời cũ — thường gặp ở ' +
    'Word 2016, 2019 bản cấp phép theo số lượng), nên «Cải tiến chất lượng» không chạy được trong Word. ' +
    'Hãy mở trang ctcl bằng trình duyệt mới (Microsoft Edge, Google Chrome, Firefox) để làm việc trên tệp ' +
    '.docx rồi tải về. Muốn dùng ngay trong Word: cập nhật lên Microsoft 365 hoặc Word 2021 trở lên, ' +
    'hoặc (Word 2016, 2019 bản bán lẻ) cài Microsoft Edge WebView2.';
  var IN_BROWSER =
    'Trình duyệt này quá cũ nên không chạy được «Cải tiến chất lượng». Hãy mở trang này bằng ' +
    'Microsoft Edge, Google Chrome, Firefox hay Safari bản mới.';

  var FROM_DISK =
    'Trang đang được mở thẳng từ tệp trên máy (địa chỉ bắt đầu bằng file://). Trình duyệt không cho trang ' +
    'chạy theo cách này, nên trang phải được mở qua địa chỉ web của nó.';
  var FROM_DISK_HOW =
    'Cách mở: trong thư mục ctcl, chạy lệnh «npm start»; lệnh sẽ in ra địa chỉ của trang (dạng ' +
    'http://localhost:3000/taskpane.html hoặc https://localhost:3000/taskpane.html). Chép địa chỉ đó vào ' +
    'thanh địa chỉ của trình duyệt (Edge, Chrome, Firefox) rồi nhấn Enter.';
  var FROM_DISK_ELSE = 'Nếu trang đã được đưa lên mạng, hãy mở bằng địa chỉ web mà đơn vị cung cấp.';

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

  // Opened from disk (file://): browsers refuse the pane's module scripts there, so «Đang mở…» would
  // stay for ever. Say how to open the page through its web address instead.
  var fromDisk = has(function () {
    return String(window.location.protocol).toLowerCase() === 'file:';
  });
  if (fromDisk) {
    showFromDisk();
    return;
  }

  if (ok) return;

  var href = '';
  try {
    href = String(window.location.href);
  } catch (e) {
    void e;
  }
  // Signs of Office, as src/word/host.ts hasOfficeHint: the query string Office adds, the Windows
  // host object of Internet Explorer/EdgeHTML, or a frame (Word on the web).
  var inOffice =
    /_host_info/i.test(href) ||
    has(function () {
      return /_host_info/i.test(window.name);
    }) ||
    has(function () {
      return window.external && typeof window.external === 'object' && 'GetContext' in window.external;
    }) ||
    has(function () {
      return window.top !== window.self;
    });
  // The standalone page: this page without Office's query string.
  var address = /^https?:\/\//i.test(href) ? href.replace(/[?#].*$/, '') : '';

  document.documentElement.setAttribute('data-ctcl-too-old', '');

  if (inOffice) loadOffice();

  var boot = document.getElementById('boot');
  if (!boot) return;
  boot.className += ' boot-old';
  var alert = document.createElement('div');
  alert.setAttribute('role', 'alert');
  alert.setAttribute('data-ctcl-legacy', '');
  var p = document.createElement('p');
  p.appendChild(document.createTextNode(inOffice ? IN_WORD : IN_BROWSER));
  alert.appendChild(p);
  if (address) {
    var where = document.createElement('p');
    where.appendChild(document.createTextNode('Địa chỉ trang: '));
    var strong = document.createElement('strong');
    strong.setAttribute('data-ctcl-address', '');
    strong.appendChild(document.createTextNode(address));
    where.appendChild(strong);
    alert.appendChild(where);
    if (inOffice) {
      var button = document.createElement('button');
      button.setAttribute('type', 'button');
      button.appendChild(document.createTextNode('Mở trong trình duyệt'));
      var hint = document.createElement('p');
      button.onclick = function () {
        if (!openOutside(address) && !hint.firstChild) {
          hint.appendChild(document.createTextNode('Không mở được: hãy chép địa chỉ trên vào trình duyệt.'));
        }
      };
      alert.appendChild(button);
      alert.appendChild(hint);
    }
  }
  boot.appendChild(alert);

  /** The page was opened as a file: explain, and stop the pane from starting. */
  function showFromDisk() {
    document.documentElement.setAttribute('data-ctcl-too-old', '');
    var box = document.getElementById('boot');
    if (!box) return;
    box.className += ' boot-old';
    var note = document.createElement('div');
    note.setAttribute('role', 'alert');
    note.setAttribute('data-ctcl-from-disk', '');
    var lines = [FROM_DISK, FROM_DISK_HOW, FROM_DISK_ELSE];
    for (var i = 0; i < lines.length; i++) {
      var line = document.createElement('p');
      line.appendChild(document.createTextNode(lines[i]));
      note.appendChild(line);
    }
    box.appendChild(note);
  }

  /** office.js, then Office.initialize: Word shows the pane (with this message) instead of an add-in error. */
  function loadOffice() {
    var w = window;
    function ready() {
      try {
        if (w.Office && !w.Office.initialize) w.Office.initialize = function () {};
      } catch (e) {
        void e;
      }
    }
    if (w.Office) {
      ready();
      return;
    }
    var head = document.getElementsByTagName('head')[0] || document.documentElement;
    function load(url, next) {
      var script = document.createElement('script');
      script.onload = ready;
      script.onerror = next;
      script.src = url;
      head.appendChild(script);
    }
    // The CDN first, then the copy on the add-in's own server.
    load(OFFICE_JS_URL, function () {
      load(OFFICE_JS_LOCAL_URL, null);
    });
  }

  /** Office.context.ui.openBrowserWindow (OpenBrowserWindowApi 1.1) when there, else window.open. */
  function openOutside(url) {
    try {
      var ctx = window.Office && window.Office.context;
      if (
        ctx &&
        ctx.ui &&
        typeof ctx.ui.openBrowserWindow === 'function' &&
        ctx.requirements &&
        ctx.requirements.isSetSupported('OpenBrowserWindowApi', '1.1')
      ) {
        ctx.ui.openBrowserWindow(url);
        return true;
      }
    } catch (e) {
      void e;
    }
    try {
      return !!window.open(url, '_blank');
    } catch (e) {
      void e;
      return false;
    }
  }
})();
