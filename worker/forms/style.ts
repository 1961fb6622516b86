/**
 * The form engine's CSS, inlined by pages (one request fewer on a slow rural network).
 *
 * Written for elderly residents on low-end Android phones and inside WeChat's browser:
 * mobile-first with no media queries needed, 18px base text, every tap target at least
 * 48px high (the whole option row is the target, not the tiny native radio), a thick
 * yellow-and-black focus ring, text/background contrast ≥ 7:1, and sizes in rem/em so the
 * layout reflows at 360px wide and at 200% text zoom. `:has()` only adds the "selected"
 * highlight where supported; nothing depends on it.
 */
export const formCss = `
.lf-form{font-size:1.125rem;line-height:1.5;color:#0b0c0c;max-width:40rem;overflow-wrap:anywhere}
.lf-form *,.lf-form *::before,.lf-form *::after{box-sizing:border-box}
.lf-field{margin:0 0 2rem}
.lf-field--error{border-left:5px solid #a4121b;padding-left:.75rem}
.lf-fieldset{border:0;margin:0;padding:0;min-width:0}
.lf-label,.lf-legend{display:block;font-weight:700;font-size:1.1875rem;margin:0 0 .5rem;padding:0}
.lf-optional{font-weight:400}
.lf-hint{color:#3f4447;margin:0 0 .75rem}
.lf-hint__line{display:block}
.lf-error-message{color:#a4121b;font-weight:700;margin:0 0 .75rem}
.lf-input,.lf-textarea,.lf-file{display:block;width:100%;font:inherit;color:#0b0c0c;background:#fff;border:2px solid #0b0c0c;border-radius:0;margin:0}
.lf-input{min-height:3rem;padding:.5rem .75rem}
.lf-input--phone{max-width:14em;letter-spacing:.05em}
.lf-textarea{min-height:8rem;padding:.5rem .75rem;resize:vertical}
.lf-file{min-height:3rem;padding:.5rem;border-style:dashed}
.lf-input[aria-invalid=true],.lf-textarea[aria-invalid=true]{border:3px solid #a4121b}
.lf-choices{display:grid;gap:.5rem}
.lf-choices--numbers{grid-template-columns:repeat(auto-fill,minmax(3.5rem,1fr))}
.lf-choice{display:flex;align-items:center;gap:.75rem;min-height:3rem;padding:.5rem .75rem;margin:0;background:#fff;border:2px solid #6f777b;cursor:pointer;touch-action:manipulation}
.lf-choices--numbers .lf-choice{justify-content:center;gap:.375rem;padding:.5rem .25rem}
.lf-choice:has(input:checked){border-color:#0b0c0c;background:#e8f0fb;box-shadow:inset 0 0 0 2px #0b0c0c}
.lf-choice__input{flex:0 0 auto;width:1.5rem;height:1.5rem;margin:0;accent-color:#1d3f8f}
.lf-choice__label{flex:1 1 auto}
.lf-choices--numbers .lf-choice__label{flex:0 0 auto;font-weight:700}
.lf-choice--consent{align-items:flex-start}
.lf-choice--consent .lf-choice__input{margin-top:.125rem}
.lf-card{margin:0 0 1.5rem;padding:1rem;border:2px solid #6f777b;background:#f6f7f8}
.lf-card__title{font-size:1.25rem;margin:0 0 .25rem}
.lf-card__meta{margin:0 0 1rem;color:#3f4447}
.lf-card .lf-field{margin-bottom:1.25rem}
.lf-info{margin:0 0 2rem;padding:.75rem 1rem;border-left:5px solid #1d3f8f;background:#f3f2f1}
.lf-info p{margin:0 0 .5rem}
.lf-form input:focus,.lf-form textarea:focus,.lf-form a:focus,.lf-form button:focus,.lf-error-summary:focus{outline:3px solid #ffdd00;outline-offset:0;box-shadow:0 0 0 6px #0b0c0c}
.lf-choice:focus-within{outline:3px solid #ffdd00;outline-offset:0;box-shadow:0 0 0 6px #0b0c0c}
.lf-form [id^="f-"]{scroll-margin-top:7rem}
.lf-error-summary{margin:0 0 2rem;padding:1rem;border:5px solid #a4121b;background:#fff}
.lf-error-summary__title{font-size:1.25rem;margin:0 0 .75rem}
.lf-error-summary__list{margin:0;padding:0 0 0 1.25rem}
.lf-error-summary__list li{margin:0 0 .5rem}
.lf-error-summary a{color:#a4121b;font-weight:700;text-decoration:underline;display:inline-block;min-height:1.5em}
.lf-button{display:block;width:100%;min-height:3rem;padding:.75rem 1.25rem;font:inherit;font-weight:700;color:#fff;background:#00703c;border:0;box-shadow:0 3px 0 #002d18;cursor:pointer}
.lf-select{display:block;width:100%;min-height:3rem;padding:.5rem .75rem;font:inherit;color:#0b0c0c;background:#fff;border:2px solid #0b0c0c;border-radius:0}
.lf-number{display:flex;align-items:center;gap:.5rem}
.lf-input--number{max-width:10em}.lf-input--date{max-width:12em}
.lf-unit{font-weight:700}
.lf-section{margin:0 0 1.5rem;padding:0 0 .5rem;border-bottom:3px solid #1d3f8f}
.lf-section__title{font-size:1.375rem;margin:0 0 .25rem}.lf-section__text{margin:0;color:#3f4447}
.lf-other{margin:.75rem 0 0 2.25rem}.lf-label--small{font-size:1rem}
.lf-cond{margin:0;padding:0}.lf-cond__note{margin:0 0 .5rem;color:#3f4447;font-style:italic}
.lf-js .lf-cond__note{display:none}
.lf-card--absent .lf-field{display:none}
.lf-absent{margin:0 0 1.25rem}.lf-choice--absent{background:#fff8e6}
.lf-day{margin:0 0 1rem;font-weight:700;color:#1d3f8f}
.lf-progress{margin:0 0 1.25rem;font-weight:700;color:#3f4447}
.lf-progress__bar{display:block;height:.5rem;margin-top:.375rem;background:#dfe3e6}
.lf-progress__bar span{display:block;height:100%;background:#1d3f8f}
.lf-nav{display:flex;flex-direction:row-reverse;gap:.75rem;margin-top:1rem}
.lf-nav .lf-button{flex:2 1 auto;width:auto}
.lf-button--back{flex:1 1 auto;color:#0b0c0c;background:#f3f2f1;box-shadow:0 3px 0 #929191}
.lf-visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;white-space:nowrap!important;border:0!important}
`.trim();
