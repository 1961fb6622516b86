/**
 * The opinion form's only JavaScript, inlined (≤ 1.5 KB) and purely an enhancement: the form
 * works the same with it switched off. It
 * - keeps a draft of the fields (and the hidden submission key) in localStorage under
 *   `lf:<station code>`, restoring it when the person comes back to a fresh form; the
 *   tracking page clears it once the server has confirmed the opinion (`?new=1`);
 * - blocks a second submit while one is on its way and says it is sending;
 * - sends with fetch and retries once after a network error with the same body, so the same
 *   submission key: the server stores the opinion once however often it arrives;
 * - on an answer other than the redirect to the tracking page (errors, 429), swaps in the
 *   page the server rendered and focuses its error summary, as a normal submit would.
 * Written in ES5 without arrow functions: WeChat's in-app browser on old Android phones.
 */

/** Prefix of the localStorage keys of drafts. */
export const DRAFT_PREFIX = 'lf:';

export const DRAFT_SCRIPT =
  "(function(){var D=document,W=window;function init(){var f=D.querySelector('form[data-draft]');if(!f)return;" +
  "var k='" +
  DRAFT_PREFIX +
  "'+f.dataset.draft,S,s=0,b=f.querySelector('[type=submit]'),t=b.textContent,o=D.getElementById('lf-offline'),R=/^(radio|checkbox)$/;" +
  'try{S=W.localStorage}catch(e){}' +
  "function each(g){for(var i=0;i<f.elements.length;i++){var e=f.elements[i];if(e.name&&e.type!='file')g(e)}}" +
  'function save(){var d={};each(function(e){if(!R.test(e.type)||e.checked)(d[e.name]=d[e.name]||[]).push(e.value)});try{S.setItem(k,JSON.stringify(d))}catch(e){}}' +
  "if('fresh'in f.dataset)try{var d=JSON.parse(S.getItem(k));d&&each(function(e){var v=d[e.name];if(v){if(R.test(e.type))e.checked=v.indexOf(e.value)>=0;else e.value=v[0]}})}catch(e){}" +
  "f.addEventListener('input',save);f.addEventListener('change',save);" +
  'function busy(x){s=x;b.disabled=!!x;b.textContent=x?f.dataset.sending:t}' +
  "function send(q,n){fetch(f.action,{method:'POST',body:q}).then(function(r){if(r.redirected){location.href=r.url;return}" +
  "return r.text().then(function(h){var p=new DOMParser().parseFromString(h,'text/html');D.title=p.title;D.body.innerHTML=p.body.innerHTML;W.scrollTo(0,0);init();var a=D.querySelector('[autofocus]');a&&a.focus()})})" +
  "['catch'](function(){n?setTimeout(function(){send(q,0)},1500):(busy(0),o&&(o.hidden=false,o.focus()))})}" +
  "f.addEventListener('submit',function(v){if(s){v.preventDefault();return}save();o&&(o.hidden=true);" +
  'if(W.fetch&&W.FormData&&W.DOMParser){v.preventDefault();busy(1);send(new FormData(f),1)}else s=1})}init()})()';

/** The script of the tracking page reached right after submitting: the draft is no longer needed. */
export function clearDraftScript(stationCode: string): string {
  return `try{localStorage.removeItem(${JSON.stringify(DRAFT_PREFIX + stationCode).replace(/</g, '\\u003c')})}catch(e){}`;
}
