/**
 * The opinion form's only JavaScript, inlined (≤ 2 KB) and purely an enhancement: the form
 * works the same with it switched off. It
 * - keeps a draft of the opinion (its text, choices and the hidden submission key) in
 *   localStorage under `lf:<station code>`, restoring it when the person comes back to a fresh
 *   form. Contact details are never kept: a phone at a station or in a family is shared, and
 *   the next person must not see the last one's name and number. Fields whose `autocomplete`
 *   names a person (name, tel, email, address, organization), tel/email inputs and the consent
 *   box are skipped. Drafts carry their time and are dropped after {@link DRAFT_MAX_AGE_DAYS}
 *   days; older drafts without a time (they may hold a name and phone) are dropped on sight;
 *   the tracking page clears the draft once the server has confirmed the opinion (`?new=1`);
 * - blocks a second submit while one is on its way and says it is sending;
 * - sends with fetch and retries once after a network error with the same body, so the same
 *   submission key: the server stores the opinion once however often it arrives;
 * - on an answer other than the redirect to the tracking page (errors, 429), swaps in the
 *   page the server rendered and focuses its error summary, as a normal submit would.
 * Written in ES5 without arrow functions: WeChat's in-app browser on old Android phones.
 * The exact text is allowed by hash in the pages' Content-Security-Policy (worker/index.ts).
 */

/** Prefix of the localStorage keys of drafts. */
export const DRAFT_PREFIX = 'lf:';

/** Days a draft is kept. */
export const DRAFT_MAX_AGE_DAYS = 3;

const MAX_AGE_MS = DRAFT_MAX_AGE_DAYS * 86_400_000;

export const DRAFT_SCRIPT =
  "(function(){var D=document,W=window;function init(){var f=D.querySelector('form[data-draft]');if(!f)return;" +
  "var k='" +
  DRAFT_PREFIX +
  "'+f.dataset.draft,S,s=0,b=f.querySelector('[type=submit]'),t=b.textContent,o=D.getElementById('lf-offline'),R=/^(radio|checkbox)$/," +
  'P=/name|tel|mail|street|address|organi/i,N=+new Date(),M=' +
  MAX_AGE_MS +
  ';' +
  'try{S=W.localStorage}catch(e){}' +
  // Sweep: drafts of any station that are too old or from before drafts carried a time.
  "try{for(var i=S.length-1;i>=0;i--){var x=S.key(i);if(x&&x.indexOf('" +
  DRAFT_PREFIX +
  "')==0){var y=JSON.parse(S.getItem(x));if(!y||!y.t||N-y.t>M)S.removeItem(x)}}}catch(e){}" +
  "function mine(e){return e.name&&e.type!='file'&&e.type!='tel'&&e.type!='email'&&!P.test(e.getAttribute('autocomplete')||'')&&(e.parentNode.className||'').indexOf('consent')<0}" +
  'function each(g){for(var i=0;i<f.elements.length;i++){var e=f.elements[i];if(mine(e))g(e)}}' +
  'function save(){var d={};each(function(e){if(!R.test(e.type)||e.checked)(d[e.name]=d[e.name]||[]).push(e.value)});try{S.setItem(k,JSON.stringify({t:+new Date(),v:d}))}catch(e){}}' +
  "if('fresh'in f.dataset)try{var d=JSON.parse(S.getItem(k)).v;d&&each(function(e){var v=d[e.name];if(v){if(R.test(e.type))e.checked=v.indexOf(e.value)>=0;else e.value=v[0]}})}catch(e){}" +
  "f.addEventListener('input',save);f.addEventListener('change',save);" +
  'function busy(x){s=x;b.disabled=!!x;b.textContent=x?f.dataset.sending:t}' +
  "function send(q,n){fetch(f.action,{method:'POST',body:q}).then(function(r){if(r.redirected){location.href=r.url;return}" +
  "return r.text().then(function(h){var p=new DOMParser().parseFromString(h,'text/html');D.title=p.title;D.body.innerHTML=p.body.innerHTML;W.scrollTo(0,0);init();var a=D.querySelector('[autofocus]');a&&a.focus()})})" +
  "['catch'](function(){n?setTimeout(function(){send(q,0)},1500):(busy(0),o&&(o.hidden=false,o.focus()))})}" +
  "f.addEventListener('submit',function(v){if(s){v.preventDefault();return}save();o&&(o.hidden=true);" +
  'if(W.fetch&&W.FormData&&W.DOMParser){v.preventDefault();busy(1);send(new FormData(f),1)}else s=1})}init()})()';

/** Id of the element on the tracking page whose `data-station` names the draft to clear. */
export const DRAFT_DONE_ID = 'lf-done';

/**
 * The script of the tracking page reached right after submitting: the draft is no longer
 * needed. Constant (the station comes from the page), so the CSP can allow it by hash.
 */
export const CLEAR_DRAFT_SCRIPT =
  "try{var e=document.getElementById('" +
  DRAFT_DONE_ID +
  "');e&&localStorage.removeItem('" +
  DRAFT_PREFIX +
  "'+e.getAttribute('data-station'))}catch(e){}";
