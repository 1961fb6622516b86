/**
 * The optional logic script (ES5, inlined by pages that have conditions, 其他 boxes or course
 * cards): shows a same-page conditional question once it applies, the "please specify" box
 * once 其他 is picked, and folds a course card whose 未参加 is ticked. It only hides and
 * shows; the server decides what is required and what is stored (logic.ts), so a page
 * without it, or with a stale copy of it, still gives the right result.
 *
 * Kept small (bench: ≤ 3 KB gzip) and readable on purpose: no build step, no minifier.
 */
export const LOGIC_SCRIPT = `(function(){
var fs=document.querySelectorAll('form.lf-form'),k;
for(k=0;k<fs.length;k++)init(fs[k]);
function up(el,cls){for(;el&&el.nodeType===1;el=el.parentNode)if((' '+el.className+' ').indexOf(' '+cls+' ')>=0)return el;return null}
function off(el){for(;el&&el.nodeType===1;el=el.parentNode)if(el.hidden)return true;return false}
function init(f){
f.className+=' lf-js';
var conds=f.querySelectorAll('[data-if]'),others=f.querySelectorAll('[data-other-of]');
function vals(name){var r=[],els=f.elements,i,el;for(i=0;i<els.length;i++){el=els[i];if(el.name!==name||off(el))continue;if(el.type==='radio'||el.type==='checkbox'){if(el.checked)r.push(el.value)}else if(el.value!=='')r.push(el.value)}return r}
function holds(c){var v=vals(c.getAttribute('data-if')),op=c.getAttribute('data-op'),x=c.getAttribute('data-v'),i,n;
if(op==='is'){x=x.split(' ');for(i=0;i<v.length;i++)if(x.indexOf(v[i])>=0)return true;return false}
if(!v.length)return false;n=Number(v[0]);return op==='ge'?n>=Number(x):n<=Number(x)}
function update(){var i,o;
for(i=0;i<conds.length;i++)conds[i].hidden=!holds(conds[i]);
for(i=0;i<others.length;i++){o=others[i];o.hidden=vals(o.getAttribute('data-other-of')).indexOf('other')<0}}
function absent(el){var card=up(el,'lf-card'),p=el.name.replace(/absent$/,''),els,i;if(!card)return;
if(el.checked){els=card.getElementsByTagName('input');for(i=0;i<els.length;i++)if(els[i].type==='radio'&&els[i].name.indexOf(p)===0)els[i].checked=false}
card.className=card.className.replace(/ lf-card--absent/g,'')+(el.checked?' lf-card--absent':'')}
function changed(e){var t=e.target,a;
if(t&&t.name&&/\\.absent$/.test(t.name))absent(t);
else if(t&&t.type==='radio'&&/\\.[^.]+\\.[^.]+$/.test(t.name)){a=f.elements[t.name.replace(/[^.]+$/,'absent')];if(a&&a.checked){a.checked=false;absent(a)}}
update()}
var i,ab=f.querySelectorAll('input[name$=".absent"]');for(i=0;i<ab.length;i++)absent(ab[i]);
f.addEventListener('change',changed);f.addEventListener('input',update);update()}
})();`;
