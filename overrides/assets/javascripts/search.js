/* Search with Pagefind: one index per <html lang>, loaded in small fragments on demand,
   so a reader gets results from their own locale only and downloads little. The box is
   Material's (same markup, same toggle), so it looks and opens the same way. */
(function () {
  "use strict";
  var box = document.querySelector("[data-ct-search]");
  if (!box) return;
  var input = box.querySelector("[data-ct-search-query]");
  var list = box.querySelector("[data-ct-search-results]");
  var meta = box.querySelector("[data-ct-search-meta]");
  var toggle = document.getElementById("__search");
  var S = JSON.parse(document.getElementById("ct-search-strings").textContent);
  var config = JSON.parse(document.getElementById("__config").textContent);
  // The site root, from Material's relative base: right when served from a sub-path too.
  var root = new URL(config.base.replace(/\/?$/, "/"), window.location.href);
  var pagefind = null, loading = null, timer = null, latest = 0;

  function load() {
    if (!loading) {
      loading = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
        pagefind = module;
        return module.options({ baseUrl: root.pathname }).then(function () { return module.init(); });
      });
    }
    return loading;
  }

  function count(n) {
    if (n === 0) return S.none;
    return (n === 1 ? S.one : S.other).replace("#", String(n));
  }

  function render(results, total) {
    list.textContent = "";
    meta.textContent = count(total);
    results.forEach(function (r) {
      var li = document.createElement("li");
      li.className = "md-search-result__item";
      var a = document.createElement("a");
      a.className = "md-search-result__link";
      a.href = r.url;
      a.tabIndex = -1;
      var article = document.createElement("article");
      article.className = "md-search-result__article md-typeset";
      var h = document.createElement("h1");
      h.textContent = (r.meta && r.meta.title) || r.url;
      var p = document.createElement("p");
      // Pagefind's excerpt marks hits with <mark>; rebuild it from text so nothing else gets in
      (r.excerpt || "").split(/(<mark>.*?<\/mark>)/).forEach(function (part) {
        var hit = /^<mark>(.*)<\/mark>$/.exec(part);
        var node = hit ? document.createElement("mark") : document.createTextNode("");
        var text = document.createElement("textarea");
        text.innerHTML = hit ? hit[1] : part;
        node.textContent = text.value;
        p.appendChild(node);
      });
      article.appendChild(h); article.appendChild(p); a.appendChild(article); li.appendChild(a);
      list.appendChild(li);
    });
  }

  // A Chinese query is also looked up in the page's own script and region's words: on zh
  // pages 客戶 and 行銷 find 客户 and 营销, on zh-Hant pages 客户, 营销 and 營銷 find 客戶
  // and 行銷. The mapping (OpenCC's characters plus the project's phrase table) is an asset
  // of the locale, made at render time and fetched on the first Chinese query.
  var lang = document.documentElement.lang;
  var HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
  var scriptMap = null;
  function loadScriptMap() {
    if (!scriptMap) {
      scriptMap = fetch(new URL(lang + "/search/query-script.json", root).href)
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          if (!data) return null;
          var chars = {}, from = data.chars[0], to = data.chars[1], longest = 0;
          for (var i = 0; i < from.length; i++) chars[from.charAt(i)] = to.charAt(i);
          Object.keys(data.phrases).forEach(function (w) { longest = Math.max(longest, w.length); });
          return { chars: chars, phrases: data.phrases, longest: longest };
        })
        .catch(function () { return null; });
    }
    return scriptMap;
  }

  function toPageScript(query, map) {
    var out = "", i = 0;
    while (i < query.length) {
      var word = null;
      for (var n = Math.min(map.longest, query.length - i); n >= 2 && !word; n--) {
        var part = query.substr(i, n);
        if (Object.prototype.hasOwnProperty.call(map.phrases, part)) word = part;
      }
      if (word) { out += map.phrases[word]; i += word.length; }
      else { out += map.chars[query.charAt(i)] || query.charAt(i); i += 1; }
    }
    return out;
  }

  // Pagefind's segmenter knows few Traditional Chinese words, so zh-Hant pages are indexed
  // partly word by word, partly character by character. A query is looked up as typed and,
  // for zh-Hant, also as exact phrases of its characters ("銷售" -> "\"銷 售\""), which finds
  // the word inside longer phrases; results of the query as typed come first.
  var CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]{2,}/g;
  function byCharacters(query) {
    return query.replace(CJK_RUN, function (run) { return " \"" + run.split("").join(" ") + "\" "; }).trim();
  }

  function variants(query) {
    if ((lang !== "zh" && lang !== "zh-Hant") || !HAN.test(query)) return Promise.resolve([query]);
    return loadScriptMap().then(function (map) {
      var forms = [query];
      // with the region's words, and in characters only (an original may use either)
      if (map) forms.push(toPageScript(query, map), toPageScript(query, { chars: map.chars, phrases: {}, longest: 0 }));
      if (lang === "zh-Hant") forms = forms.concat(forms.map(byCharacters));
      return forms.filter(function (q, i) { return forms.indexOf(q) === i; });
    });
  }

  function search(query) {
    var ticket = ++latest;
    if (!query.trim()) { list.textContent = ""; meta.textContent = S.placeholder; return; }
    load()
      .then(function () { return pagefind.debouncedSearch(query, {}, 150); })
      .then(function (found) {
        if (!found || ticket !== latest) return null;
        return variants(query).then(function (forms) {
          return Promise.all(forms.slice(1).map(function (q) { return pagefind.search(q); }));
        }).then(function (extra) {
          var seen = {}, merged = [];
          [found].concat(extra).forEach(function (f) {
            f.results.forEach(function (r) { if (!seen[r.id]) { seen[r.id] = true; merged.push(r); } });
          });
          return merged;
        });
      })
      .then(function (merged) {
        if (!merged || ticket !== latest) return null;
        return Promise.all(merged.slice(0, 10).map(function (r) { return r.data(); }))
          .then(function (results) { return { results: results, total: merged.length }; });
      })
      .then(function (shown) { if (shown && ticket === latest) render(shown.results, shown.total); })
      .catch(function () { meta.textContent = S.none; });
  }

  function open() {
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change"));
    input.focus();
    load().catch(function () { /* reported when a search runs */ });
  }

  input.addEventListener("input", function () { search(input.value); });
  input.addEventListener("focus", function () { if (!toggle.checked) open(); });
  box.querySelector("form").addEventListener("reset", function () {
    list.textContent = ""; meta.textContent = S.placeholder;
  });
  box.querySelector("form").addEventListener("submit", function (e) {
    e.preventDefault();
    var first = list.querySelector("a");
    if (first) window.location.href = first.href;
  });
  toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); });

  document.addEventListener("keydown", function (e) {
    var typing = /INPUT|SELECT|TEXTAREA/.test(e.target.tagName) || e.target.isContentEditable;
    if (!toggle.checked) {
      // Material's shortcuts: f, s or / open the search
      if (!typing && !e.ctrlKey && !e.metaKey && !e.altKey && /^[fs/]$/.test(e.key)) {
        e.preventDefault(); open();
      }
      return;
    }
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (e.key === "Escape") {
      toggle.checked = false; toggle.dispatchEvent(new Event("change")); input.blur();
    } else if (e.key === "ArrowDown" && links.length) {
      e.preventDefault(); links[Math.min(links.length - 1, at + 1)].focus();
    } else if (e.key === "ArrowUp" && links.length) {
      e.preventDefault(); (at <= 0 ? input : links[at - 1]).focus();
    }
  });
})();
