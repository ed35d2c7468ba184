/* Material for MkDocs' start-up globals (partials/javascripts/base.html of 9.8.2), moved to a
   file so that the Content-Security-Policy needs no inline script. The scope is the site
   root, which Material derives from base_url: two folders above this file. */
/* eslint-disable no-var */
var __md_scope = new URL("../../", document.currentScript.src),
  __md_hash = function (e) { return [].concat(Array.from(e)).reduce(function (h, c) { return (h << 5) - h + c.charCodeAt(0); }, 0); },
  __md_get = function (e, store, scope) {
    store = store || localStorage; scope = scope || __md_scope;
    return JSON.parse(store.getItem(scope.pathname + "." + e));
  },
  __md_set = function (e, value, store, scope) {
    store = store || localStorage; scope = scope || __md_scope;
    try { store.setItem(scope.pathname + "." + e, JSON.stringify(value)); } catch (err) { /* private mode */ }
  };
