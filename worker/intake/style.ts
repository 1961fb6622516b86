/**
 * CSS of the residents' pages around the form engine's fields (which bring `formCss`).
 * Inlined in every page: one request on a slow rural network, nothing to cache-bust.
 * Mobile-first for 360px phones, 18px base type, rem sizes so 200% zoom reflows, the same
 * colours and yellow focus ring as the engine, contrast ≥ 7:1 for body text.
 */
export const pageCss = `
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#f3f2f1;color:#0b0c0c;font:1.125rem/1.5 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif}
a{color:#1d3f8f}
a:focus{outline:3px solid #ffdd00;background:#ffdd00;color:#0b0c0c;box-shadow:0 3px 0 #0b0c0c;text-decoration:none}
.pg-head{background:#9e1b1b;color:#fff}
.pg-bar{display:flex;justify-content:space-between;align-items:center;gap:1rem;max-width:40rem;margin:0 auto;padding:.625rem 1rem}
.pg-site{font-weight:700}
.pg-head a{color:#fff;display:inline-block;padding:.5rem 0;min-height:1.5em}
.pg-main{display:block;max-width:40rem;margin:0 auto;padding:1.25rem 1rem 2rem;background:#fff}
.pg-where{margin:0 0 1.25rem;padding:.75rem 1rem;border-left:6px solid #9e1b1b;background:#f8f1f1}
.pg-where p{margin:0}
.pg-where__station{font-size:1.375rem;font-weight:700;line-height:1.3}
.pg-h1{font-size:1.75rem;line-height:1.25;margin:0 0 .75rem}
.pg-h2{font-size:1.375rem;line-height:1.3;margin:2rem 0 .75rem}
.pg-lead{margin:0 0 1.5rem}
.pg-notice{margin:0 0 1.5rem;padding:1rem;border:4px solid #1d3f8f;background:#eef2fa;font-weight:700}
.pg-notice--warn{border-color:#a4121b;background:#fff}
.pg-notice:focus{outline:3px solid #ffdd00;box-shadow:0 0 0 6px #0b0c0c}
.pg-more{margin:2rem 0 0}
.pg-foot{max-width:40rem;margin:0 auto;padding:1rem;color:#3f4447;font-size:1rem}
.pg-panel{margin:0 0 1.5rem;padding:1rem;background:#00703c;color:#fff}
.pg-panel p{margin:0 0 .5rem}
.pg-panel p:last-child{margin:0}
.pg-code{display:block;font:700 2.25rem/1.2 ui-monospace,Menlo,Consolas,monospace;letter-spacing:.08em;margin:.25rem 0 .5rem;white-space:nowrap}
.pg-codebox{margin:0 0 1.5rem;padding:1rem;border:3px solid #0b0c0c;text-align:center}
.pg-codebox p{margin:0}
.pg-link{overflow-wrap:anywhere;font-size:1rem}
.pg-qr{width:11rem;max-width:70%;margin:.75rem auto 0}
.pg-qr svg{display:block;width:100%;height:auto}
.pg-state{font-size:1.5rem;font-weight:700;margin:0}
.pg-steps{list-style:none;margin:0;padding:0}
.pg-step{display:flex;gap:.75rem;align-items:flex-start;padding:.375rem 0}
.pg-step__dot{flex:0 0 2.25rem;height:2.25rem;border-radius:50%;border:3px solid #505a5f;background:#fff;color:#0b0c0c;display:flex;align-items:center;justify-content:center;font-weight:700}
.pg-step--done .pg-step__dot{background:#00703c;border-color:#00703c;color:#fff}
.pg-step--current .pg-step__dot{background:#1d3f8f;border-color:#1d3f8f;color:#fff}
.pg-step--skipped{color:#505a5f}
.pg-step p{margin:0}
.pg-step__name{font-weight:700}
.pg-step__hint{font-size:1rem;color:#3f4447}
.pg-step__status{font-size:1rem;font-weight:700}
.pg-step--todo .pg-step__status,.pg-step--skipped .pg-step__status{font-weight:400;color:#3f4447}
.pg-replies{list-style:none;margin:0;padding:0}
.pg-replies li{margin:0 0 1rem;padding:.75rem 1rem;border-left:5px solid #00703c;background:#f3f2f1}
.pg-replies p{margin:0}
.pg-reply__meta{font-size:1rem;color:#3f4447}
.pg-reply__text{white-space:pre-line}
.pg-facts{margin:0}
.pg-facts div{padding:.5rem 0;border-bottom:1px solid #b1b4b6}
.pg-facts dt{font-weight:700}
.pg-facts dd{margin:0}
.lf-error-summary__list{list-style:none;padding:0}
.lf-error-summary__list li{margin:0 0 .75rem}
`.trim();
