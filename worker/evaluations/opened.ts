/**
 * "Opened" means a deputy began to fill in the form, not that something fetched the link.
 * WeChat (like most messengers) fetches a shared link to draw its preview card, so counting
 * GETs would mark every link "opened" the moment staff paste it into a chat. The page
 * therefore reports the first real interaction (a tap, a key, a change) with a beacon, and
 * with JavaScript off the first form post (next page or submit) counts instead. Pure (the
 * script only); `recordOpened` in submit.ts writes the day.
 */

/**
 * Sent once, on the first interaction with the form, to `/e/<token>/opened`. ES5 on purpose:
 * old Android WebViews run it too. `sendBeacon` survives the page being closed right after;
 * fetch with keepalive is the fallback. Failure is harmless: the next form post records it.
 */
export const OPENED_SCRIPT = `(function(){var f=document.getElementById('ev-form'),done=false;if(!f)return;function once(){if(done)return;done=true;var u=location.pathname.replace(/\\/$/,'')+'/opened';try{if(navigator.sendBeacon&&navigator.sendBeacon(u,''))return}catch(e){}try{fetch(u,{method:'POST',keepalive:true,credentials:'omit'})}catch(e){}}['pointerdown','keydown','input','change','touchstart'].forEach(function(t){f.addEventListener(t,once,{passive:true})})})();`;
